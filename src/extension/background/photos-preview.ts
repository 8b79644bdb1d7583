import { MAX_PHOTO_PIXELS, type ImageFormat, type PhotoReport } from '../../core/image/photo-report';
import { bytesToBase64 } from '../../core/base64';

/** Formats every browser Parasol runs in decodes (HEIC and TIFF are not among them in Chrome or Firefox). */
export const DECODABLE: ReadonlySet<ImageFormat> = new Set(['jpeg', 'png', 'webp', 'gif', 'avif']);

/** Longest side of the popup's copy: enough to see the faces boxed on a 360 px screen at 2x. */
const PREVIEW_SIDE = 360;

/** True when the browser can decode the photo and its size is known and sane (no decompression bomb). */
export function canDecode(report: PhotoReport): boolean {
  const { format, width, height, problems } = report;
  return DECODABLE.has(format) && problems.length === 0 && !!width && !!height && width * height <= MAX_PHOTO_PIXELS;
}

/**
 * A small copy of the photo for the popup, as a JPEG data: URL made here in the extension, never
 * by the page. The browser turns it upright (EXIF orientation) as it shows the photo itself.
 * Undefined when it cannot be decoded.
 */
export async function makePreview(bytes: Uint8Array, report: PhotoReport): Promise<string | undefined> {
  if (!canDecode(report)) return undefined;
  let bitmap: ImageBitmap | undefined;
  try {
    bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>]), { imageOrientation: 'from-image' });
    const scale = Math.min(1, PREVIEW_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = new OffscreenCanvas(Math.max(1, Math.round(bitmap.width * scale)), Math.max(1, Math.round(bitmap.height * scale)));
    const context = canvas.getContext('2d');
    if (!context) return undefined;
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
    return `data:image/jpeg;base64,${bytesToBase64(new Uint8Array(await blob.arrayBuffer()))}`;
  } catch {
    return undefined;
  } finally {
    bitmap?.close();
  }
}
