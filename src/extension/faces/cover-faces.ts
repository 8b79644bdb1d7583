import type { Finding } from '../../core/findings';
import { coverFaceBoxes, type FaceCoverStyle } from '../../core/image/face-cover';
import { declaresTooManyPixels } from '../../core/image/declared-size';
import { sniffFormat } from '../../core/image/sniff-format';

/** Formats a canvas writes back as themselves; the rest become JPEG. */
const ENCODABLE: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/**
 * The photo with its faces covered (the `face` findings' boxes), decoded upright, covered and
 * encoded anew through a canvas: the new file holds no metadata and none of the faces' pixels.
 * Runs wherever OffscreenCanvas does (Chrome's service worker, Firefox's background page).
 * Throws when the photo cannot be decoded.
 */
export async function coverFaces(bytes: Uint8Array, faces: Finding[], style: FaceCoverStyle = 'pixelate'): Promise<Uint8Array> {
  if (declaresTooManyPixels(bytes)) throw new Error('too-many-pixels');
  const bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>]), { imageOrientation: 'from-image' });
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D canvas');
    context.drawImage(bitmap, 0, 0);
    const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height);
    const boxes = faces.flatMap((face) => (face.kind === 'face' && face.box ? [face.box] : []));
    coverFaceBoxes(pixels, boxes, style);
    context.putImageData(pixels, 0, 0);
    const type = ENCODABLE[sniffFormat(bytes)] ?? 'image/jpeg';
    const blob = await canvas.convertToBlob({ type, quality: 0.92 });
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    bitmap.close();
  }
}
