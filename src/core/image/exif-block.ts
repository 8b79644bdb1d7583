/**
 * What Parasol reads from the EXIF block itself, beside exifr: the maker note (see
 * `maker-notes.ts`) and the IFD1 thumbnail's bytes, which exifr gives only as an offset.
 */
import { makerNoteClues } from './maker-notes';
import type { Clue } from './metadata-clues';
import { entryNumber, entryText, findEntry, firstIfdOffset, readIfd, type Tiff } from './tiff-ifd';

const MAKE = 0x010f;
const EXIF_IFD = 0x8769;
const MAKER_NOTE = 0x927c;
const THUMBNAIL_OFFSET = 0x0201;
const THUMBNAIL_LENGTH = 0x0202;

export function exifBlockClues(tiff: Tiff): Clue[] {
  const ifd0 = readIfd(tiff, firstIfdOffset(tiff));
  const makeEntry = findEntry(ifd0.entries, MAKE);
  const make = makeEntry ? entryText(tiff, makeEntry) : '';
  const clues: Clue[] = [];

  const exifEntry = findEntry(ifd0.entries, EXIF_IFD);
  const exifOffset = exifEntry && entryNumber(tiff, exifEntry);
  if (exifOffset) {
    const note = findEntry(readIfd(tiff, exifOffset).entries, MAKER_NOTE);
    if (note) clues.push(...makerNoteClues(tiff, note, make));
  }

  // In a TIFF file the second directory may be another page: only a JPEG thumbnail there counts.
  if (ifd0.next) {
    const ifd1 = readIfd(tiff, ifd0.next).entries;
    const offsetEntry = findEntry(ifd1, THUMBNAIL_OFFSET);
    const lengthEntry = findEntry(ifd1, THUMBNAIL_LENGTH);
    const start = offsetEntry && entryNumber(tiff, offsetEntry);
    const length = lengthEntry && entryNumber(tiff, lengthEntry);
    if (start && length && tiff.base + start + length <= tiff.bytes.length) {
      const data = tiff.bytes.subarray(tiff.base + start, tiff.base + start + length);
      clues.push({ kind: 'thumbnail', source: 'IFD1:ThumbnailImage', data, length });
    }
  }
  return clues;
}
