import { MAX_PHOTO_PIXELS } from '../photo-report';
import { BrokenFile, u16be, u16le, u32be, u32le } from './bytes';
import type { ContainerResult, RemovedPart } from './removed';

/**
 * Tags that describe how to draw the pixels (TIFF 6.0 baseline and extensions) and nothing about
 * who or where: size, sampling, compression, colour (including the ICC profile, 34675),
 * resolution, orientation, strip and tile layout. EXIF and GPS IFDs, XMP (700), IPTC (33723),
 * Photoshop (34377), maker and description texts, dates, SubIFDs (previews) all go.
 */
const KEPT_TAGS = new Set([
  254, 255, 256, 257, 258, 259, 262, 263, 264, 265, 266, 273, 274, 277, 278, 279, 280, 281, 282, 283, 284, 290, 291,
  292, 293, 296, 301, 317, 318, 319, 320, 321, 322, 323, 324, 325, 332, 334, 336, 338, 339, 340, 341, 347, 529, 530,
  531, 532, 34675,
]);
const TYPE_SIZES = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4];
const WIDTH = 256;
const HEIGHT = 257;
const COMPRESSION = 259;
const OLD_JPEG = 6;
const LONG = 4;
/** Pairs of (offsets, byte counts) tags: the pixel data they point to is copied, the offsets rewritten. */
const DATA_TAGS: [number, number][] = [[273, 279], [324, 325]];

interface Entry {
  tag: number;
  type: number;
  count: number;
  value: Uint8Array;
}

/**
 * TIFF rewritten from scratch, in the same byte order: one IFD with only the image-structure
 * tags, then the strips or tiles copied byte for byte. Only the first image is kept (further
 * pages of a multi-page TIFF are usually previews). Old-style JPEG compression (6), whose data
 * points back into the file in ways we cannot rewrite safely, is left to re-encoding.
 */
export function cleanTiff(bytes: Uint8Array): ContainerResult {
  const little = bytes[0] === 0x49;
  const u16 = (at: number) => (at + 2 > bytes.length ? truncated() : little ? u16le(bytes, at) : u16be(bytes, at));
  const u32 = (at: number) => (at + 4 > bytes.length ? truncated() : little ? u32le(bytes, at) : u32be(bytes, at));
  const ifd = u32(4);
  const count = u16(ifd);
  const removed = new Set<RemovedPart>();
  const entries = new Map<number, Entry>();
  for (let i = 0; i < count; i++) {
    const at = ifd + 2 + i * 12;
    const tag = u16(at);
    const type = u16(at + 2);
    const n = u32(at + 4);
    const size = (TYPE_SIZES[type] ?? 0) * n;
    if (!KEPT_TAGS.has(tag) || size === 0) {
      removed.add(kindOf(tag));
      continue;
    }
    const from = size <= 4 ? at + 8 : u32(at + 8);
    if (from + size > bytes.length) truncated();
    entries.set(tag, { tag, type, count: n, value: bytes.subarray(from, from + size) });
  }
  if (u32(ifd + 2 + count * 12) !== 0) removed.add('preview');

  const number = (entry: Entry | undefined, i = 0) =>
    !entry ? 0 : entry.type === 3 ? read16(entry.value, i * 2, little) : read32(entry.value, i * 4, little);
  if (number(entries.get(WIDTH)) * number(entries.get(HEIGHT)) > MAX_PHOTO_PIXELS) return { reason: 'too-many-pixels' };
  if (number(entries.get(COMPRESSION)) === OLD_JPEG) return { reason: 'needs-reencode' };
  const pairs = DATA_TAGS.filter(([offsets]) => entries.has(offsets));
  if (pairs.length !== 1) throw new BrokenFile('unreadable');
  const [offsetsTag, countsTag] = pairs[0]!;
  const offsets = entries.get(offsetsTag)!;
  const counts = entries.get(countsTag);
  if (!counts || counts.count !== offsets.count) throw new BrokenFile('unreadable');

  // Layout: header, IFD, out-of-line values, then the pixel data.
  const sorted = [...entries.values()].sort((a, b) => a.tag - b.tag);
  sorted[sorted.indexOf(offsets)] = { ...offsets, type: LONG, value: new Uint8Array(offsets.count * 4) };
  const ifdSize = 2 + sorted.length * 12 + 4;
  let valuesEnd = 8 + ifdSize;
  const valueAt = new Map<number, number>();
  for (const entry of sorted) {
    if (entry.value.length <= 4) continue;
    valueAt.set(entry.tag, valuesEnd);
    valuesEnd += entry.value.length + (entry.value.length & 1);
  }
  let dataEnd = valuesEnd;
  const pieces: { from: number; length: number; to: number }[] = [];
  for (let i = 0; i < offsets.count; i++) {
    const from = number(offsets, i);
    const length = number(counts, i);
    if (from + length > bytes.length) truncated();
    pieces.push({ from, length, to: dataEnd });
    dataEnd += length + (length & 1);
  }

  const out = new Uint8Array(dataEnd);
  const view = new DataView(out.buffer);
  out.set(bytes.subarray(0, 4));
  view.setUint32(4, 8, little);
  view.setUint16(8, sorted.length, little);
  const newOffsets = sorted.find((entry) => entry.tag === offsetsTag)!;
  const offsetsView = new DataView(newOffsets.value.buffer);
  pieces.forEach((piece, i) => {
    offsetsView.setUint32(i * 4, piece.to, little);
    out.set(bytes.subarray(piece.from, piece.from + piece.length), piece.to);
  });
  sorted.forEach((entry, i) => {
    const at = 10 + i * 12;
    view.setUint16(at, entry.tag, little);
    view.setUint16(at + 2, entry.type, little);
    view.setUint32(at + 4, entry.count, little);
    const where = valueAt.get(entry.tag);
    if (where === undefined) out.set(entry.value, at + 8);
    else {
      view.setUint32(at + 8, where, little);
      out.set(entry.value, where);
    }
  });
  return { bytes: out, removed };
}

function read16(bytes: Uint8Array, at: number, little: boolean): number {
  return little ? u16le(bytes, at) : u16be(bytes, at);
}

function read32(bytes: Uint8Array, at: number, little: boolean): number {
  return little ? u32le(bytes, at) : u32be(bytes, at);
}

function truncated(): never {
  throw new BrokenFile('truncated');
}

function kindOf(tag: number): RemovedPart {
  if (tag === 34665 || tag === 34853 || tag === 37500) return 'exif';
  if (tag === 700) return 'xmp';
  if (tag === 33723 || tag === 34377) return 'iptc';
  if (tag === 330 || tag === 513 || tag === 514) return 'preview';
  if (tag === 270 || tag === 315 || tag === 33432 || tag === 305 || tag === 306 || tag === 271 || tag === 272) return 'text';
  return 'other';
}
