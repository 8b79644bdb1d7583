/**
 * Owner names and serial numbers in older cameras' own JPEG blocks, which exifr does not read:
 * Kodak's APP3 "Meta" directory (CameraOwner), Olympus's APP12 text ("Serial#=", "TimeDate=")
 * and Canon's CIFF heap in APP0 (OwnerName, TimeStamp). Layouts as ExifTool documents them (Kodak Meta, Olympus
 * PictureInfo, CanonRaw tags).
 */
import { appSegments, type JpegLayout } from './jpeg-segments';
import { textClue, unixTimeText, type Clue } from './metadata-clues';
import { entryText, findEntry, firstIfdOffset, readIfd, tiffAt } from './tiff-ifd';

export function jpegLegacyClues(bytes: Uint8Array, layout: JpegLayout): Clue[] {
  return [...kodakMeta(bytes, layout), ...olympusPictureInfo(bytes, layout), ...canonCiff(bytes, layout)];
}

const KODAK_CAMERA_OWNER = 0xc353;

function kodakMeta(bytes: Uint8Array, layout: JpegLayout): Clue[] {
  const segments = [...appSegments(layout, bytes, 3, 'Meta\0\0'), ...appSegments(layout, bytes, 3, 'META\0\0')];
  return segments.flatMap((segment) => {
    const tiff = tiffAt(bytes.subarray(0, segment.end), segment.start + 6);
    const owner = tiff && findEntry(readIfd(tiff, firstIfdOffset(tiff)).entries, KODAK_CAMERA_OWNER);
    return owner ? textClue('owner', 'MetaIFD:CameraOwner', entryText(tiff, owner)) : [];
  });
}

function olympusPictureInfo(bytes: Uint8Array, layout: JpegLayout): Clue[] {
  return layout.segments
    .filter((segment) => segment.marker === 0xec)
    .flatMap((segment) => {
      const text = new TextDecoder('latin1').decode(bytes.subarray(segment.start, segment.end));
      const serial = /(?:^|\n)\s*Serial#\s*=\s*([^\r\n]*)/.exec(text)?.[1];
      const time = /(?:^|\n)\s*TimeDate\s*=\s*(\d+)/.exec(text)?.[1];
      return [...textClue('serial', 'PictureInfo:SerialNumber', serial), ...textClue('datetime', 'PictureInfo:DateTimeOriginal', unixTimeText(Number(time)))];
    });
}

const CIFF_OWNER_NAME = 0x0810;
const CIFF_TIME_STAMP = 0x180e;
const MAX_HEAP_DEPTH = 4;

/** Canon's CIFF heap ("HEAPJPGM"): a table at the end of each heap, sub-heaps for types 0x2800 and 0x3000. */
function canonCiff(bytes: Uint8Array, layout: JpegLayout): Clue[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const clues: Clue[] = [];
  const walk = (start: number, end: number, depth: number): void => {
    if (end - start < 6 || depth > MAX_HEAP_DEPTH) return;
    const table = start + view.getUint32(end - 4, true);
    if (table + 2 > end) return;
    const count = view.getUint16(table, true);
    for (let i = 0; i < count && table + 2 + (i + 1) * 10 <= end; i++) {
      const entry = table + 2 + i * 10;
      const tag = view.getUint16(entry, true);
      const size = view.getUint32(entry + 2, true);
      const at = start + view.getUint32(entry + 6, true);
      if ((tag & 0xc000) !== 0 || at + size > end) continue; // 0x4000: value in the entry itself
      const type = tag & 0x3800;
      if ((tag & 0x3fff) === CIFF_OWNER_NAME) {
        clues.push(...textClue('owner', 'CIFF:OwnerName', new TextDecoder('latin1').decode(bytes.subarray(at, at + size)).split('\0')[0]));
      } else if ((tag & 0x3fff) === CIFF_TIME_STAMP && size >= 4) {
        clues.push(...textClue('datetime', 'CIFF:DateTimeOriginal', unixTimeText(view.getUint32(at, true))));
      } else if (type === 0x2800 || type === 0x3000) {
        walk(at, at + size, depth + 1);
      }
    }
  };
  for (const segment of appSegments(layout, bytes, 0, 'II\x1a\0\0\0HEAPJPGM')) {
    walk(segment.start + 0x1a, segment.end, 0);
  }
  return clues;
}
