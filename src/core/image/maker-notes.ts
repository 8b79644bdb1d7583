/**
 * Serial numbers, owner names and previews in camera makers' private notes (EXIF tag 0x927C),
 * where most serial numbers live. exifr 7 returns a maker note as raw bytes and parses none of
 * them, and no maintained JavaScript library does, so the few tags that identify a person or a
 * camera are read here, by tag number, from the layouts ExifTool documents
 * (https://exiftool.org/TagNames/). Unknown makers are skipped, never guessed at.
 */
import type { Clue } from './metadata-clues';
import { textClue } from './metadata-clues';
import { bytesText, entryBytes, entryNumber, entryText, findEntry, firstIfdOffset, readIfd, tiffAt, type IfdEntry, type Tiff } from './tiff-ifd';

type TextRule = [tag: number, kind: 'serial' | 'owner', name: string];
type PreviewRule = [startTag: number, lengthTag: number, name: string];

interface IfdRules {
  text?: TextRule[];
  /** A preview given as start and length (counted from the note's base). */
  previews?: PreviewRule[];
  /** A preview stored in the tag itself. */
  data?: [tag: number, name: string][];
  /** Tags that point at another directory with its own rules. */
  sub?: [tag: number, rules: IfdRules][];
}

const OLYMPUS: IfdRules = {
  text: [[0x0209, 'serial', 'CameraID']],
  previews: [[0x0088, 0x0089, 'PreviewImage']],
  sub: [
    [0x2010, { text: [[0x0101, 'serial', 'SerialNumber'], [0x0102, 'serial', 'InternalSerialNumber'], [0x0202, 'serial', 'LensSerialNumber'], [0x0302, 'serial', 'ExtenderSerialNumber'], [0x1003, 'serial', 'FlashSerialNumber']] }],
    [0x2020, { previews: [[0x0101, 0x0102, 'PreviewImage']] }],
  ],
};
const NIKON: IfdRules = {
  text: [[0x001d, 'serial', 'SerialNumber'], [0x00a0, 'serial', 'SerialNumber']],
  sub: [[0x0011, { previews: [[0x0201, 0x0202, 'PreviewImage']] }]],
};
const PANASONIC: IfdRules = {
  text: [[0x0025, 'serial', 'InternalSerialNumber'], [0x0052, 'serial', 'LensSerialNumber'], [0x0054, 'serial', 'AccessorySerialNumber']],
};
const CANON: IfdRules = {
  text: [[0x0009, 'owner', 'OwnerName'], [0x000c, 'serial', 'SerialNumber'], [0x0096, 'serial', 'InternalSerialNumber']],
};
const CASIO: IfdRules = { previews: [[0x0004, 0x0003, 'PreviewImage']], data: [[0x2000, 'PreviewImage']] };
const MINOLTA: IfdRules = { previews: [[0x0088, 0x0089, 'PreviewImage']], data: [[0x0081, 'ThumbnailImage']] };
const FUJIFILM: IfdRules = { text: [[0x0010, 'serial', 'InternalSerialNumber']] };

interface NoteLayout {
  maker: string;
  tiff: Tiff;
  /** Offset of the note's first directory, relative to `tiff.base`. */
  ifd: number;
  rules: IfdRules;
}

function startsWith(bytes: Uint8Array, at: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** Where the note's directory is and what its offsets count from: by its signature, else by the camera's make. */
function noteLayout(exif: Tiff, note: IfdEntry, make: string): NoteLayout | undefined {
  const { bytes } = exif;
  const at = note.at;
  const inExif = (maker: string, offset: number, rules: IfdRules): NoteLayout => ({ maker, tiff: exif, ifd: at + offset - exif.base, rules });
  const ownBase = (maker: string, little: boolean, ifd: number, rules: IfdRules): NoteLayout => ({
    maker,
    tiff: { ...exif, little, base: at },
    ifd,
    rules,
  });
  if (startsWith(bytes, at, 'Nikon\0\x02')) {
    const tiff = tiffAt(bytes, at + 10); // Nikon's newer notes carry a TIFF header of their own
    return tiff && { maker: 'Nikon', tiff, ifd: firstIfdOffset(tiff), rules: NIKON };
  }
  if (startsWith(bytes, at, 'Nikon\0\x01')) return inExif('Nikon', 8, NIKON);
  if (startsWith(bytes, at, 'OLYMPUS\0')) return ownBase('Olympus', bytes[at + 8] === 0x49, 12, OLYMPUS);
  if (startsWith(bytes, at, 'OM SYSTEM\0')) return ownBase('Olympus', bytes[at + 12] === 0x49, 16, OLYMPUS);
  if (startsWith(bytes, at, 'OLYMP\0') || startsWith(bytes, at, 'EPSON\0')) return inExif('Olympus', 8, OLYMPUS);
  if (startsWith(bytes, at, 'Panasonic\0')) return inExif('Panasonic', 12, PANASONIC);
  if (startsWith(bytes, at, 'QVC\0')) return inExif('Casio', 6, CASIO);
  if (startsWith(bytes, at, 'FUJIFILM')) {
    const ifd = exif.view.getUint32(at + 8, true);
    return ownBase('FujiFilm', true, ifd, FUJIFILM);
  }
  const maker = make.toLowerCase();
  if (maker.startsWith('canon')) return inExif('Canon', 0, CANON);
  if (maker.includes('minolta')) return inExif('Minolta', 0, MINOLTA);
  return undefined;
}

/** The clues in the maker note `note` of the EXIF block `exif`. */
export function makerNoteClues(exif: Tiff, note: IfdEntry, make: string): Clue[] {
  const data = entryBytes(exif, note);
  // Some cameras (Samsung, others) store a whole JPEG preview as the maker note.
  if (data[0] === 0xff && data[1] === 0xd8) return [{ kind: 'thumbnail', source: 'MakerNote:PreviewImage', data, length: data.length }];
  // Reconyx trail cameras: a fixed little-endian layout, the capture time as six 16-bit numbers
  // (second, minute, hour, month, day, year) at byte 22, the serial number in UTF-16 at byte 42.
  if (data[0] === 0x01 && data[1] === 0xf1 && data.length >= 72) {
    const serial = new TextDecoder('utf-16le').decode(data.subarray(42, 72)).split('\0')[0];
    const [second, minute, hour, month, day, year] = Array.from({ length: 6 }, (_, i) => data[22 + i * 2]! | (data[23 + i * 2]! << 8));
    const two = (n: number | undefined) => String(n).padStart(2, '0');
    const date = year ? `${year}:${two(month)}:${two(day)} ${two(hour)}:${two(minute)}:${two(second)}` : '';
    return [...textClue('serial', 'Reconyx:SerialNumber', serial), ...textClue('datetime', 'Reconyx:DateTimeOriginal', date)];
  }
  const layout = noteLayout(exif, note, make);
  return layout ? ifdClues(layout.tiff, layout.ifd, layout.rules, layout.maker, 0) : [];
}

const MAX_DEPTH = 2;

function ifdClues(tiff: Tiff, offset: number, rules: IfdRules, maker: string, depth: number): Clue[] {
  const { entries } = readIfd(tiff, offset);
  const clues: Clue[] = [];
  for (const [tag, kind, name] of rules.text ?? []) {
    const entry = findEntry(entries, tag);
    if (entry) clues.push(...textClue(kind, `${maker}:${name}`, entryValue(tiff, entry)));
  }
  for (const [startTag, lengthTag, name] of rules.previews ?? []) {
    const start = entryOf(tiff, entries, startTag);
    const length = entryOf(tiff, entries, lengthTag);
    if (start && length && tiff.base + start + length <= tiff.bytes.length) {
      const data = tiff.bytes.subarray(tiff.base + start, tiff.base + start + length);
      clues.push({ kind: 'thumbnail', source: `${maker}:${name}`, data, length });
    }
  }
  for (const [tag, name] of rules.data ?? []) {
    const entry = findEntry(entries, tag);
    if (entry && entry.size > 100) clues.push({ kind: 'thumbnail', source: `${maker}:${name}`, data: entryBytes(tiff, entry), length: entry.size });
  }
  if (depth < MAX_DEPTH) {
    for (const [tag, subRules] of rules.sub ?? []) {
      const sub = entryOf(tiff, entries, tag);
      if (sub) clues.push(...ifdClues(tiff, sub, subRules, maker, depth + 1));
    }
  }
  return clues;
}

function entryOf(tiff: Tiff, entries: IfdEntry[], tag: number): number | undefined {
  const entry = findEntry(entries, tag);
  return entry && entryNumber(tiff, entry);
}

/** Integers as numbers (Canon's serial is one), text as text. */
function entryValue(tiff: Tiff, entry: IfdEntry): string {
  if ([3, 4, 8, 9].includes(entry.type) && entry.count === 1) return String(entryNumber(tiff, entry));
  return entry.type === 1 ? bytesText(entryBytes(tiff, entry)) : entryText(tiff, entry);
}
