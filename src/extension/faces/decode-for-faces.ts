import { imageSize } from 'image-size';
import { MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS, type PhotoProblem } from '../../core/image/photo-report';
import { sniffFormat } from '../../core/image/sniff-format';

/**
 * The longest side the face finder decodes a photo to. Its close-ups of a face 5% of the width
 * wide are 14% of it: at 1600 pixels that is 224 pixels, about BlazeFace's 256. Decoding a
 * 12-megapixel photo straight to this size is also much faster than decoding it whole.
 */
export const FACE_DECODE_SIDE = 1600;

/** Formats Chrome and Firefox both decode; HEIC and TIFF are read for metadata only. */
const DECODABLE = new Set(['jpeg', 'png', 'webp', 'gif', 'avif']);

/**
 * A photo decoded for the face finder, upright (EXIF Orientation applied) and at most
 * FACE_DECODE_SIDE on its long side. Refused before decoding when the file is too large or its
 * header says it has more than MAX_PHOTO_PIXELS (a decompression bomb).
 */
export async function decodeForFaces(bytes: Uint8Array): Promise<ImageBitmap | { error: PhotoProblem }> {
  if (bytes.length > MAX_PHOTO_BYTES) return { error: 'too-large' };
  const format = sniffFormat(bytes);
  if (format === 'unknown') return { error: 'not-an-image' };
  if (!DECODABLE.has(format)) return { error: 'unreadable' };
  let width: number;
  let height: number;
  let orientation: number | undefined;
  try {
    ({ width = 0, height = 0, orientation } = imageSize(bytes));
  } catch {
    return { error: 'truncated' };
  }
  if (width < 1 || height < 1) return { error: 'unreadable' };
  if (width * height > MAX_PHOTO_PIXELS) return { error: 'too-many-pixels' };
  // Orientations 5–8 turn the picture a quarter: the shown width is the stored height.
  const shownWidth = orientation && orientation >= 5 ? height : width;
  const scale = Math.min(1, FACE_DECODE_SIDE / Math.max(width, height));
  try {
    const blob = new Blob([bytes as Uint8Array<ArrayBuffer>]);
    // Only the width is given: the browser keeps the proportions, whichever way the photo turns.
    return await createImageBitmap(blob, {
      imageOrientation: 'from-image',
      ...(scale < 1 ? { resizeWidth: Math.max(1, Math.round(shownWidth * scale)), resizeQuality: 'low' } : {}),
    });
  } catch {
    return { error: 'unreadable' };
  }
}
