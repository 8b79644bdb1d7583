import { ascii, BrokenFile, ByteWriter, u16be, u32be } from './bytes';
import { readBoxes, readUint, type Box } from './isobmff-boxes';

// Parsers for the HEIF/AVIF item directory (ISO/IEC 14496-12 §8.11 and 23008-12), each able to
// write itself back without some items. Entries are copied byte for byte, so field widths and
// versions stay as the camera wrote them.

export interface ItemInfo {
  id: number;
  type: string;
  start: number;
  end: number;
}

/** `iinf`: one `infe` box per item, with its id and four-letter type (Exif, mime, hvc1, av01, grid...). */
export function readItemInfos(bytes: Uint8Array, iinf: Box): ItemInfo[] {
  const version = bytes[iinf.body]!;
  const first = iinf.body + 4 + (version === 0 ? 2 : 4);
  return readBoxes(bytes, first, iinf.end)
    .filter((box) => box.type === 'infe')
    .map((box) => {
      const infeVersion = bytes[box.body]!;
      // Versions 0 and 1 have no item type: leave them alone (never seen in HEIC or AVIF).
      if (infeVersion < 2) return { id: -1, type: '', start: box.start, end: box.end };
      const idSize = infeVersion === 2 ? 2 : 4;
      const id = readUint(bytes, box.body + 4, idSize);
      const typeAt = box.body + 4 + idSize + 2;
      return { id, type: ascii(bytes, typeAt, typeAt + 4), start: box.start, end: box.end };
    });
}

export function writeItemInfos(bytes: Uint8Array, iinf: Box, keep: ItemInfo[]): Uint8Array {
  const version = bytes[iinf.body]!;
  const out = new ByteWriter().push(bytes.subarray(iinf.body, iinf.body + 4));
  if (version === 0) out.u16be(keep.length);
  else out.u32be(keep.length);
  for (const info of keep) out.push(bytes.subarray(info.start, info.end));
  return out.join();
}

export interface ItemLocation {
  id: number;
  /** 0: offsets in the file; 1: offsets in the `idat` box; 2: in another item. */
  method: number;
  extents: { offset: number; length: number }[];
  start: number;
  end: number;
}

/** `iloc`: where each item's bytes are. */
export function readItemLocations(bytes: Uint8Array, iloc: Box): { header: Uint8Array; items: ItemLocation[] } {
  const at0 = iloc.body;
  const version = bytes[at0]!;
  if (version > 2 || at0 + 8 > iloc.end) throw new BrokenFile('unreadable');
  const offsetSize = bytes[at0 + 4]! >> 4;
  const lengthSize = bytes[at0 + 4]! & 15;
  const baseSize = bytes[at0 + 5]! >> 4;
  const indexSize = version > 0 ? bytes[at0 + 5]! & 15 : 0;
  const idSize = version < 2 ? 2 : 4;
  const count = readUint(bytes, at0 + 6, idSize);
  let at = at0 + 6 + idSize;
  const items: ItemLocation[] = [];
  for (let i = 0; i < count; i++) {
    const start = at;
    const id = readUint(bytes, at, idSize);
    at += idSize;
    const method = version > 0 ? u16be(bytes, at) & 15 : 0;
    if (version > 0) at += 2;
    at += 2; // data_reference_index
    const base = readUint(bytes, at, baseSize);
    at += baseSize;
    const extentCount = readUint(bytes, at, 2);
    at += 2;
    const extents = [];
    for (let e = 0; e < extentCount; e++) {
      at += indexSize;
      const offset = readUint(bytes, at, offsetSize);
      at += offsetSize;
      const length = readUint(bytes, at, lengthSize);
      at += lengthSize;
      extents.push({ offset: base + offset, length });
    }
    if (at > iloc.end) throw new BrokenFile('truncated');
    items.push({ id, method, extents, start, end: at });
  }
  return { header: bytes.subarray(at0, at0 + 6), items };
}

export function writeItemLocations(bytes: Uint8Array, iloc: Box, keep: ItemLocation[]): Uint8Array {
  const version = bytes[iloc.body]!;
  const out = new ByteWriter().push(bytes.subarray(iloc.body, iloc.body + 6));
  if (version < 2) out.u16be(keep.length);
  else out.u32be(keep.length);
  for (const item of keep) out.push(bytes.subarray(item.start, item.end));
  return out.join();
}

/** `iref` without references from removed items, and without removed items as targets. */
export function writeReferences(bytes: Uint8Array, iref: Box, removed: Set<number>): Uint8Array {
  const version = bytes[iref.body]!;
  const idSize = version === 0 ? 2 : 4;
  const out = new ByteWriter().push(bytes.subarray(iref.body, iref.body + 4));
  for (const ref of readBoxes(bytes, iref.body + 4, iref.end)) {
    const from = readUint(bytes, ref.body, idSize);
    const count = readUint(bytes, ref.body + idSize, 2);
    const to: number[] = [];
    for (let i = 0; i < count; i++) to.push(readUint(bytes, ref.body + idSize + 2 + i * idSize, idSize));
    const kept = to.filter((id) => !removed.has(id));
    if (removed.has(from) || kept.length === 0) continue;
    if (kept.length === to.length) {
      out.push(bytes.subarray(ref.start, ref.end));
      continue;
    }
    const body = new ByteWriter();
    writeId(body, from, idSize).u16be(kept.length);
    for (const id of kept) writeId(body, id, idSize);
    const size = 8 + body.length;
    out.u32be(size).ascii(ref.type).push(body.join());
  }
  return out.join();
}

/** `ipma` (item properties association) without the removed items' entries. */
export function writeAssociations(bytes: Uint8Array, ipma: Box, removed: Set<number>): Uint8Array {
  const version = bytes[ipma.body]!;
  const wide = (bytes[ipma.body + 3]! & 1) === 1;
  const idSize = version < 1 ? 2 : 4;
  const count = u32be(bytes, ipma.body + 4);
  const entries: Uint8Array[] = [];
  let at = ipma.body + 8;
  for (let i = 0; i < count; i++) {
    const start = at;
    const id = readUint(bytes, at, idSize);
    if (at + idSize + 1 > ipma.end) throw new BrokenFile('truncated');
    const associations = bytes[at + idSize]!;
    at += idSize + 1 + associations * (wide ? 2 : 1);
    if (at > ipma.end) throw new BrokenFile('truncated');
    if (!removed.has(id)) entries.push(bytes.subarray(start, at));
  }
  const out = new ByteWriter().push(bytes.subarray(ipma.body, ipma.body + 4)).u32be(entries.length);
  for (const entry of entries) out.push(entry);
  return out.join();
}

function writeId(out: ByteWriter, id: number, size: number): ByteWriter {
  return size === 2 ? out.u16be(id) : out.u32be(id);
}
