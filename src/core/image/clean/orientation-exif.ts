import { u16be, u16le, u32be, u32le } from './bytes';

/** EXIF tag 0x0112: how the picture must be turned to be seen upright (1 to 8). */
const ORIENTATION_TAG = 0x0112;

/**
 * The Orientation from a TIFF-structured EXIF block (from its "II"/"MM" header on), or undefined
 * when it has none or an invalid one (browsers ignore those, so dropping it changes nothing).
 */
export function readOrientation(tiff: Uint8Array): number | undefined {
  const first = firstIfd(tiff);
  if (!first) return undefined;
  const { at: ifd, count, u16, u32 } = first;
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return undefined;
    if (u16(tiff, entry) !== ORIENTATION_TAG) continue;
    // Type SHORT (3), one value, stored in the first two bytes of the value field.
    if (u16(tiff, entry + 2) !== 3 || u32(tiff, entry + 4) < 1) return undefined;
    const value = u16(tiff, entry + 8);
    return value >= 1 && value <= 8 ? value : undefined;
  }
  return undefined;
}

/** True when the EXIF block has a second IFD: the one that holds its thumbnail picture. */
export function hasThumbnail(tiff: Uint8Array): boolean {
  const ifd = firstIfd(tiff);
  if (!ifd) return false;
  const next = ifd.at + 2 + ifd.count * 12;
  return next + 4 <= tiff.length && ifd.u32(tiff, next) !== 0;
}

function firstIfd(tiff: Uint8Array) {
  if (tiff.length < 8) return undefined;
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  if (!little && !(tiff[0] === 0x4d && tiff[1] === 0x4d)) return undefined;
  const u16 = little ? u16le : u16be;
  const u32 = little ? u32le : u32be;
  const at = u32(tiff, 4);
  if (at + 2 > tiff.length) return undefined;
  return { at, count: u16(tiff, at), u16, u32 };
}

/** The smallest EXIF block that says only the Orientation: a TIFF header and one IFD with one entry. */
export function orientationOnlyTiff(orientation: number): Uint8Array {
  return Uint8Array.from([
    0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08, // big-endian TIFF header, IFD0 at 8
    0x00, 0x01, // one entry
    0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, orientation >> 8, orientation & 0xff, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, // no next IFD: no thumbnail
  ]);
}
