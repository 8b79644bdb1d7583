import { cleanPhoto } from '../../core/image/clean-photo';
import { declaresTooManyPixels } from '../../core/image/declared-size';
import { MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS, type PhotoProblem } from '../../core/image/photo-report';
import { sniffFormat } from '../../core/image/sniff-format';

export type ReencodeResult =
  | {
      ok: true;
      bytes: Uint8Array;
      type: 'image/jpeg' | 'image/png';
      width: number;
      height: number;
      /** Always false: say so to the person (`cleanReencoded`). */
      lossless: false;
    }
  | { ok: false; reason: PhotoProblem };

/** Close to the look of the original, where a JPEG's own re-save loss is hard to see. */
const JPEG_QUALITY = 0.92;

/**
 * The last resort for photos `cleanPhoto` cannot clean losslessly: the browser decodes the
 * picture (turned upright by its Orientation, so the copy needs none), draws it on an
 * OffscreenCanvas and saves it again, as PNG when any pixel is see-through (keeping it) and as
 * JPEG otherwise. A canvas writes no metadata at all. For an extension page or worker: it needs
 * createImageBitmap and OffscreenCanvas, never the page's DOM.
 */
export async function reencodePhoto(bytes: Uint8Array): Promise<ReencodeResult> {
  if (bytes.length > MAX_PHOTO_BYTES) return { ok: false, reason: 'too-large' };
  if (declaresTooManyPixels(bytes)) return { ok: false, reason: 'too-many-pixels' };
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>]), { imageOrientation: 'from-image' });
  } catch {
    return { ok: false, reason: sniffFormat(bytes) === 'unknown' ? 'not-an-image' : 'unreadable' };
  }
  try {
    const { width, height } = bitmap;
    if (width * height > MAX_PHOTO_PIXELS) return { ok: false, reason: 'too-many-pixels' };
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) return { ok: false, reason: 'unreadable' };
    context.drawImage(bitmap, 0, 0);
    const type = hasTransparency(context.getImageData(0, 0, width, height).data) ? 'image/png' : 'image/jpeg';
    const blob = await canvas.convertToBlob(type === 'image/jpeg' ? { type, quality: JPEG_QUALITY } : { type });
    const encoded = new Uint8Array(await blob.arrayBuffer());
    // A canvas writes no metadata; checking costs a millisecond and guards a browser that would.
    const cleaned = cleanPhoto(encoded);
    return { ok: true, bytes: cleaned.ok ? cleaned.bytes : encoded, type, width, height, lossless: false };
  } finally {
    bitmap.close();
  }
}

function hasTransparency(rgba: Uint8ClampedArray): boolean {
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i]! < 255) return true;
  return false;
}
