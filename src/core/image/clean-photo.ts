import { cleanIsobmff } from './clean/isobmff';
import { cleanJpeg } from './clean/jpeg';
import { cleanPng } from './clean/png';
import { BrokenFile } from './clean/bytes';
import { REMOVED_PARTS, type ContainerResult, type RemovedPart } from './clean/removed';
import { cleanTiff } from './clean/tiff';
import { cleanWebp } from './clean/webp';
import { MAX_PHOTO_BYTES, type ImageFormat, type PhotoProblem } from './photo-report';
import { sniffFormat } from './sniff-format';

export { REMOVED_PARTS, type RemovedPart };

export type CleanResult =
  | {
      ok: true;
      bytes: Uint8Array;
      format: ImageFormat;
      lossless: true;
      /** What was taken out, most telling first; empty when the file held nothing to remove. */
      removed: RemovedPart[];
    }
  | {
      ok: false;
      format: ImageFormat;
      /**
       * `needs-reencode`: no lossless path for this file (GIF, an image sequence, old-style JPEG
       * TIFF): the extension re-saves it through a canvas and says so. Otherwise why the file could
       * not be cleaned; for `truncated` and `unreadable`, a browser that still shows the picture
       * can re-save it too.
       */
      reason: 'needs-reencode' | PhotoProblem;
    };

const CLEANERS: Partial<Record<ImageFormat, (bytes: Uint8Array) => ContainerResult>> = {
  jpeg: cleanJpeg,
  png: cleanPng,
  webp: cleanWebp,
  heic: cleanIsobmff,
  avif: cleanIsobmff,
  tiff: cleanTiff,
};

/**
 * Removes a photo's hidden data (place, date, camera and its serial number, names, previews)
 * without touching its pixels. Synchronous: it only copies bytes, about 1 ms per MB, and never
 * decodes the picture, so a decompression bomb costs nothing; pictures declaring more than
 * MAX_PHOTO_PIXELS are refused all the same, as nobody should be handed one. Never throws.
 *
 * Written by hand: the npm strippers (piexifjs, exif-be-gone) handle JPEG's EXIF and little
 * else; none removes XMP, IPTC, maker segments and trailing previews from JPEG and also cleans
 * PNG, WebP, HEIC, AVIF and TIFF without re-encoding.
 */
export function cleanPhoto(bytes: Uint8Array): CleanResult {
  const format = sniffFormat(bytes);
  if (bytes.length > MAX_PHOTO_BYTES) return { ok: false, format, reason: 'too-large' };
  const cleaner = CLEANERS[format];
  if (format === 'unknown') return { ok: false, format, reason: 'not-an-image' };
  if (!cleaner) return { ok: false, format, reason: 'needs-reencode' };
  let result: ContainerResult;
  try {
    result = cleaner(bytes);
  } catch (error) {
    // A cleaner reads every offset it follows against the file's length; anything that still
    // goes wrong on a malformed file is that file's fault, and gets the same clear answer.
    return { ok: false, format, reason: error instanceof BrokenFile ? error.problem : 'unreadable' };
  }
  if ('reason' in result) return { ok: false, format, reason: result.reason };
  const removed = REMOVED_PARTS.filter((part) => result.removed.has(part));
  return { ok: true, bytes: result.bytes, format, lossless: true, removed };
}
