import type { Finding } from '../findings';

/**
 * What Parasol says of one photo. The shape shared by the metadata reader, the face detector,
 * the extension and `parasol scan`: findings use the photo kinds of `FINDING_KINDS`
 * (location, serial, owner, datetime, thumbnail, face).
 */

export const IMAGE_FORMATS = ['jpeg', 'png', 'webp', 'heic', 'avif', 'tiff', 'gif', 'unknown'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

/**
 * Why a photo could not be read in full. Each has a plain-words message named
 * `photoProblem_<name with - as _>` in `public/_locales`.
 */
export const PHOTO_PROBLEMS = ['not-an-image', 'truncated', 'too-large', 'too-many-pixels', 'unreadable'] as const;
export type PhotoProblem = (typeof PHOTO_PROBLEMS)[number];

/** Files above this are not read at all (a clear `too-large`, never a frozen page). */
export const MAX_PHOTO_BYTES = 64 * 1024 * 1024;
/** Pictures above this many pixels are never decoded (decompression bombs): `too-many-pixels`. */
export const MAX_PHOTO_PIXELS = 120_000_000;

export interface PhotoReport {
  /** From the file's first bytes, never from its name. */
  format: ImageFormat;
  width?: number;
  height?: number;
  findings: Finding[];
  problems: PhotoProblem[];
}
