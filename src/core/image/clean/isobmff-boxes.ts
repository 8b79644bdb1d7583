import { ascii, BrokenFile, u16be, u32be } from './bytes';

/** One ISO base media file box (ISO/IEC 14496-12): where it starts, its body, where it ends. */
export interface Box {
  type: string;
  start: number;
  /** First byte after the box header (size, type, and the 64-bit size when used). */
  body: number;
  end: number;
}

/** The boxes between `start` and `end`; a box that runs past `end` means the file is cut short. */
export function readBoxes(bytes: Uint8Array, start: number, end: number): Box[] {
  const boxes: Box[] = [];
  for (let at = start; at < end; ) {
    if (at + 8 > end) throw new BrokenFile('truncated');
    let size = u32be(bytes, at);
    let body = at + 8;
    if (size === 1) {
      if (at + 16 > end) throw new BrokenFile('truncated');
      size = readUint(bytes, at + 8, 8);
      body = at + 16;
    } else if (size === 0) size = end - at;
    if (size < body - at) throw new BrokenFile('unreadable');
    if (at + size > end) throw new BrokenFile('truncated');
    boxes.push({ type: ascii(bytes, at + 4, at + 8), start: at, body, end: at + size });
    at += size;
  }
  return boxes;
}

/** A big-endian unsigned number of 0, 2, 4 or 8 bytes (ISOBMFF's variable-width fields). */
export function readUint(bytes: Uint8Array, at: number, size: number): number {
  if (at + size > bytes.length) throw new BrokenFile('truncated');
  if (size === 0) return 0;
  if (size === 2) return u16be(bytes, at);
  if (size === 4) return u32be(bytes, at);
  if (size === 8) return u32be(bytes, at) * 2 ** 32 + u32be(bytes, at + 4);
  throw new BrokenFile('unreadable');
}

/** A box with this header and body; the size field is 32-bit unless the box needs 64. */
export function boxBytes(type: string, body: Uint8Array): Uint8Array {
  const size = body.length + 8;
  const out = new Uint8Array(size);
  new DataView(out.buffer).setUint32(0, size);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(body, 8);
  return out;
}
