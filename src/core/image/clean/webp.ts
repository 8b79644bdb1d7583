import { MAX_PHOTO_PIXELS } from '../photo-report';
import { ascii, BrokenFile, ByteWriter, sameBytes, u16le, u32le } from './bytes';
import { orientationOnlyTiff, readOrientation } from './orientation-exif';
import type { ContainerResult, RemovedPart } from './removed';

/** Chunks a WebP needs to show: the VP8X header, colour profile, animation, alpha and the picture. */
const KEPT = new Set(['VP8X', 'ICCP', 'ANIM', 'ANMF', 'ALPH', 'VP8 ', 'VP8L']);
// VP8X flag bits (WebP container spec).
const EXIF_FLAG = 0x08;
const XMP_FLAG = 0x04;

/**
 * RIFF WebP: drops the EXIF and XMP chunks and any unknown chunk, clears their VP8X flags and
 * writes the new RIFF size. A non-1 Orientation is put back alone in a minimal EXIF chunk, as for
 * JPEG, for the apps that honour it in WebP.
 */
export function cleanWebp(bytes: Uint8Array): ContainerResult {
  if (bytes.length < 20) throw new BrokenFile('truncated');
  const riffEnd = 8 + u32le(bytes, 4);
  if (riffEnd > bytes.length) throw new BrokenFile('truncated');
  const removed = new Set<RemovedPart>();
  const chunks: Uint8Array[] = [];
  let orientation: number | undefined;
  let vp8x: Uint8Array | undefined;
  let hasPicture = false;
  for (let at = 12; at < riffEnd; ) {
    if (at + 8 > riffEnd) throw new BrokenFile('truncated');
    const type = ascii(bytes, at, at + 4);
    const size = u32le(bytes, at + 4);
    const end = at + 8 + size + (size & 1);
    if (at + 8 + size > riffEnd) throw new BrokenFile('truncated');
    const body = bytes.subarray(at + 8, at + 8 + size);
    const chunk = bytes.subarray(at, Math.min(end, riffEnd));
    if (type === 'VP8X') {
      if (size < 10) throw new BrokenFile('unreadable');
      // Canvas size, stored minus one in 24 bits.
      const width = 1 + (body[4]! | (body[5]! << 8) | (body[6]! << 16));
      const height = 1 + (body[7]! | (body[8]! << 8) | (body[9]! << 16));
      if (width * height > MAX_PHOTO_PIXELS) return { reason: 'too-many-pixels' };
      vp8x = chunk.slice();
      chunks.push(vp8x);
    } else if (KEPT.has(type)) {
      if (!vp8x && pixelsOf(type, body) > MAX_PHOTO_PIXELS) return { reason: 'too-many-pixels' };
      hasPicture ||= type === 'VP8 ' || type === 'VP8L' || type === 'ANMF';
      chunks.push(padded(chunk, size));
    } else if (type === 'EXIF') {
      // Some writers keep JPEG's "Exif\0\0" before the TIFF header.
      orientation ??= readOrientation(ascii(body, 0, 6) === 'Exif\0\0' ? body.subarray(6) : body);
      if (!sameBytes(body, orientationOnlyTiff(orientation ?? 0))) removed.add('exif');
    } else removed.add(type === 'XMP ' ? 'xmp' : 'other');
    at = end;
  }
  if (!hasPicture) throw new BrokenFile('unreadable');
  if (riffEnd < bytes.length) removed.add('other');

  const keepOrientation = orientation !== undefined && orientation !== 1 && vp8x !== undefined;
  if (vp8x) vp8x[8] = (vp8x[8]! & ~(EXIF_FLAG | XMP_FLAG)) | (keepOrientation ? EXIF_FLAG : 0);
  const out = new ByteWriter();
  for (const chunk of chunks) out.push(chunk);
  if (keepOrientation) {
    const exif = orientationOnlyTiff(orientation!);
    out.ascii('EXIF').u32le(exif.length).push(exif);
  }
  const body = out.join();
  return { bytes: new ByteWriter().ascii('RIFF').u32le(body.length + 4).ascii('WEBP').push(body).join(), removed };
}

/** A simple (no VP8X) WebP's size, from its VP8 frame header or VP8L header; 0 when unreadable. */
function pixelsOf(type: string, body: Uint8Array): number {
  if (type === 'VP8 ' && body.length >= 10) return (u16le(body, 6) & 0x3fff) * (u16le(body, 8) & 0x3fff);
  if (type === 'VP8L' && body.length >= 5 && body[0] === 0x2f) {
    const bits = u32le(body, 1);
    return ((bits & 0x3fff) + 1) * (((bits >>> 14) & 0x3fff) + 1);
  }
  return 0;
}

/** A chunk whose odd size lacks its padding byte at the end of the file gets one. */
function padded(chunk: Uint8Array, size: number): Uint8Array {
  if (!(size & 1) || chunk.length === 8 + size + 1) return chunk;
  const out = new Uint8Array(8 + size + 1);
  out.set(chunk);
  return out;
}
