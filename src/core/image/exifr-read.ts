/**
 * exifr, set up once for every caller (the scanner and the benchmark's reference): EXIF with GPS,
 * XMP, IPTC, kept apart by block (mergeOutput off) so each clue can name where it came from, and
 * values left as stored (reviveValues off) so dates are not shifted into a time zone.
 */
import exifr from 'exifr';

export type ExifrBlocks = Record<string, Record<string, unknown> | undefined>;

export const EXIFR_OPTIONS = {
  tiff: true,
  ifd1: true,
  exif: true,
  gps: true,
  interop: false,
  xmp: true,
  iptc: true,
  icc: false,
  jfif: false,
  ihdr: true,
  // Parasol reads maker notes itself (maker-notes.ts): exifr only copies their bytes.
  makerNote: false,
  userComment: false,
  multiSegment: true,
  mergeOutput: false,
  reviveValues: false,
  translateValues: false,
  sanitize: true,
} as const;

/** exifr's blocks, or undefined when it finds nothing; it throws on files it cannot read. */
export async function readWithExifr(input: Uint8Array): Promise<ExifrBlocks | undefined> {
  return (await exifr.parse(input, EXIFR_OPTIONS)) as ExifrBlocks | undefined;
}
