/**
 * Clues from the standard tags exifr reads: EXIF, XMP and IPTC owner names, serial numbers and
 * capture dates. exifr merges XMP's `tiff:` and `exif:` properties into its ifd0 and exif
 * blocks, so those names cover both. GPS is read in `gps-clues.ts`.
 */
import type { ExifrBlocks } from './exifr-read';
import { textClue, type Clue, type TextClue } from './metadata-clues';

type Rule = [block: string, key: string, source: string];

const SERIALS: Rule[] = [
  ['exif', 'SerialNumber', 'ExifIFD:SerialNumber'],
  ['exif', 'BodySerialNumber', 'XMP-exifEX:SerialNumber'],
  ['exif', 'LensSerialNumber', 'ExifIFD:LensSerialNumber'],
  ['ifd0', 'CameraSerialNumber', 'IFD0:CameraSerialNumber'],
  ['aux', 'SerialNumber', 'XMP-aux:SerialNumber'],
  ['aux', 'LensSerialNumber', 'XMP-aux:LensSerialNumber'],
  ['exifEX', 'BodySerialNumber', 'XMP-exifEX:SerialNumber'],
  ['exifEX', 'LensSerialNumber', 'XMP-exifEX:LensSerialNumber'],
];

const OWNERS: Rule[] = [
  ['ifd0', 'Artist', 'IFD0:Artist'],
  ['ifd0', 'XPAuthor', 'IFD0:XPAuthor'],
  ['ifd0', 'Copyright', 'IFD0:Copyright'],
  ['exif', 'OwnerName', 'ExifIFD:OwnerName'],
  ['exif', 'CameraOwnerName', 'ExifIFD:OwnerName'],
  ['exif', 'Artist', 'XMP-exif:Artist'],
  ['dc', 'creator', 'XMP-dc:Creator'],
  ['dc', 'rights', 'XMP-dc:Rights'],
  ['xmpRights', 'Owner', 'XMP-xmpRights:Owner'],
  ['photoshop', 'Credit', 'XMP-photoshop:Credit'],
  ['iptc', 'Byline', 'IPTC:By-line'],
  ['iptc', 'CopyrightNotice', 'IPTC:CopyrightNotice'],
  ['iptc', 'Credit', 'IPTC:Credit'],
];

/** Capture time first: the first one found is the one reported. */
const CAPTURE_DATES: Rule[] = [
  ['exif', 'DateTimeOriginal', 'ExifIFD:DateTimeOriginal'],
  ['exif', 'CreateDate', 'ExifIFD:CreateDate'],
  ['xmp', 'CreateDate', 'XMP-xmp:CreateDate'],
  ['xap', 'CreateDate', 'XMP-xmp:CreateDate'], // the XMP namespace's old prefix, still in older files
  ['photoshop', 'DateCreated', 'XMP-photoshop:DateCreated'],
  ['iptc', 'DateCreated', 'IPTC:DateCreated'],
  ['gps', 'GPSDateStamp', 'GPS:GPSDateStamp'],
];

function cluesOf(blocks: ExifrBlocks, kind: TextClue['kind'], rules: Rule[]): Clue[] {
  return rules.flatMap(([block, key, source]) => textClue(kind, source, readable(blocks[block]?.[key], key)));
}

/** Windows' XP tags are UTF-16LE bytes, which exifr (with values left as stored) hands back raw. */
function readable(value: unknown, key: string): unknown {
  if (!(value instanceof Uint8Array)) return value;
  return key.startsWith('XP') ? new TextDecoder('utf-16le').decode(value) : new TextDecoder('latin1').decode(value);
}

export function standardClues(blocks: ExifrBlocks): Clue[] {
  return [...cluesOf(blocks, 'serial', SERIALS), ...cluesOf(blocks, 'owner', OWNERS), ...cluesOf(blocks, 'datetime', CAPTURE_DATES)];
}

/** The camera's make and model as written, to tell a camera's name from a person's. */
export function cameraNames(blocks: ExifrBlocks): string[] {
  const make = String(blocks.ifd0?.Make ?? '').trim();
  const model = String(blocks.ifd0?.Model ?? '').trim();
  return [make, model, `${make} ${model}`].filter(Boolean);
}
