import { MAX_PHOTO_PIXELS } from '../photo-report';
import { BrokenFile, ByteWriter, u32be } from './bytes';
import { boxBytes, readBoxes, type Box } from './isobmff-boxes';
import {
  readItemInfos,
  readItemLocations,
  writeAssociations,
  writeItemInfos,
  writeItemLocations,
  writeReferences,
} from './isobmff-items';
import type { ContainerResult, RemovedPart } from './removed';

/** Items that hold metadata, never pixels: EXIF, XMP and other MIME blobs, and URI-typed data. */
const METADATA_ITEMS: Record<string, RemovedPart> = { Exif: 'exif', mime: 'xmp', 'uri ': 'other' };
/** Top-level boxes a HEIF/AVIF image needs; any other (a top-level XMP `uuid`, say) is blanked. */
const TOP_LEVEL_KEPT = new Set(['ftyp', 'meta', 'mdat', 'free', 'skip']);

/**
 * HEIC, HEIF and AVIF without decoding: the Exif and XMP items leave the item directory (iinf,
 * iloc, iref, ipma) and their bytes are overwritten with zeros where they were. The shorter
 * `meta` box is followed by a `free` box of the bytes it lost, so every other item's offset stays
 * true and the coded picture is untouched. Image sequences (a `moov` box) are left to re-encoding.
 */
export function cleanIsobmff(bytes: Uint8Array): ContainerResult {
  const top = readBoxes(bytes, 0, bytes.length);
  if (top[0]?.type !== 'ftyp') throw new BrokenFile('unreadable');
  if (top.some((box) => box.type === 'moov')) return { reason: 'needs-reencode' };
  const metas = top.filter((box) => box.type === 'meta');
  if (metas.length !== 1) throw new BrokenFile('unreadable');
  const meta = metas[0]!;
  const children = readBoxes(bytes, meta.body + 4, meta.end);
  const child = (type: string) => children.find((box) => box.type === type);
  const iinf = child('iinf');
  const iloc = child('iloc');
  if (!iinf || !iloc) throw new BrokenFile('unreadable');
  if (largestPicture(bytes, child('iprp')) > MAX_PHOTO_PIXELS) return { reason: 'too-many-pixels' };

  const out = bytes.slice();
  const removed = new Set<RemovedPart>();
  for (const box of top) {
    if (TOP_LEVEL_KEPT.has(box.type)) continue;
    blankAsFree(out, box);
    removed.add(box.type === 'uuid' ? 'xmp' : 'other');
  }

  const infos = readItemInfos(bytes, iinf);
  const gone = new Set(infos.filter((info) => info.type in METADATA_ITEMS).map((info) => info.id));
  if (gone.size === 0) return { bytes: out, removed };
  for (const info of infos) if (gone.has(info.id)) removed.add(METADATA_ITEMS[info.type]!);

  const locations = readItemLocations(bytes, iloc);
  const idat = child('idat');
  for (const location of locations.items) {
    if (!gone.has(location.id)) continue;
    if (location.method > 1 || (location.method === 1 && !idat)) return { reason: 'needs-reencode' };
    const base = location.method === 1 ? idat!.body : 0;
    const limit = location.method === 1 ? idat!.end : bytes.length;
    for (const extent of location.extents) {
      // Length 0 means "to the end": never the case for metadata in files we know; do not guess.
      if (extent.length === 0) return { reason: 'needs-reencode' };
      const start = base + extent.offset;
      if (start + extent.length > limit) throw new BrokenFile('truncated');
      out.fill(0, start, start + extent.length);
    }
  }

  // Children are rebuilt from `out`, so the zeroed bytes inside `idat` are the ones kept.
  const body = new ByteWriter().push(out.subarray(meta.body, meta.body + 4));
  for (const box of children) {
    if (box.type === 'iinf') body.push(boxBytes('iinf', writeItemInfos(out, box, infos.filter((info) => !gone.has(info.id)))));
    else if (box.type === 'iloc') body.push(boxBytes('iloc', writeItemLocations(out, box, locations.items.filter((item) => !gone.has(item.id)))));
    else if (box.type === 'iref') body.push(boxBytes('iref', writeReferences(out, box, gone)));
    else if (box.type === 'iprp') body.push(withoutAssociations(out, box, gone));
    else body.push(out.subarray(box.start, box.end));
  }
  const newMeta = boxBytes('meta', body.join());
  const lost = meta.end - meta.start - newMeta.length;
  if (lost < 8) return { reason: 'needs-reencode' };
  out.set(newMeta, meta.start);
  blankAsFree(out, { type: 'free', start: meta.start + newMeta.length, body: 0, end: meta.end });
  return { bytes: out, removed };
}

/** `iprp` with its `ipma` boxes rewritten without the removed items; `ipco` (the properties) kept. */
function withoutAssociations(bytes: Uint8Array, iprp: Box, gone: Set<number>): Uint8Array {
  const body = new ByteWriter();
  for (const box of readBoxes(bytes, iprp.body, iprp.end)) {
    body.push(box.type === 'ipma' ? boxBytes('ipma', writeAssociations(bytes, box, gone)) : bytes.subarray(box.start, box.end));
  }
  return boxBytes('iprp', body.join());
}

/** The largest width × height any `ispe` (image spatial extent) property declares. */
function largestPicture(bytes: Uint8Array, iprp: Box | undefined): number {
  if (!iprp) return 0;
  const ipco = readBoxes(bytes, iprp.body, iprp.end).find((box) => box.type === 'ipco');
  if (!ipco) return 0;
  let largest = 0;
  for (const box of readBoxes(bytes, ipco.body, ipco.end)) {
    if (box.type !== 'ispe' || box.body + 12 > box.end) continue;
    largest = Math.max(largest, u32be(bytes, box.body + 4) * u32be(bytes, box.body + 8));
  }
  return largest;
}

/** Turns a region into a `free` box full of zeros: its size stays, so nothing after it moves. */
function blankAsFree(out: Uint8Array, box: Box): void {
  const size = box.end - box.start;
  out.fill(0, box.start, box.end);
  if (size >= 2 ** 32) throw new BrokenFile('unreadable');
  new DataView(out.buffer, out.byteOffset).setUint32(box.start, size);
  out.set([0x66, 0x72, 0x65, 0x65], box.start + 4);
}
