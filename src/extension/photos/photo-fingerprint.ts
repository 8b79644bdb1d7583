import { bytesToBase64 } from '../../core/base64';
import { photoHash } from '../../core/image/perceptual-hash';

/**
 * What is kept of an identity's photo, and how a picked photo is compared with it: a perceptual
 * hash and a tiny blurred preview, made in the extension (options page or background) by the
 * browser's own decoder. Both sides use this one function, so the same photo gives the same hash.
 */

/** The hash is taken of a copy this size: blockhash reads 16 × 16 block means, which a smaller copy keeps. */
const HASH_SIDE = 256;
/** A preview that shows which photo it is, and not who is in it. */
const PREVIEW_SIDE = 32;
const PREVIEW_BLUR_PX = 2;

async function decode(bytes: Uint8Array): Promise<ImageBitmap | undefined> {
  try {
    return await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>]), { imageOrientation: 'from-image' });
  } catch {
    return undefined;
  }
}

function scaled(bitmap: ImageBitmap, side: number): OffscreenCanvas {
  const scale = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
  return new OffscreenCanvas(Math.max(1, Math.round(bitmap.width * scale)), Math.max(1, Math.round(bitmap.height * scale)));
}

function hashOf(bitmap: ImageBitmap): string | undefined {
  const canvas = scaled(bitmap, HASH_SIDE);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return undefined;
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
  return photoHash({ data, width, height });
}

/** The perceptual hash of a photo's bytes (hex, 64 characters); undefined when the browser cannot decode it. */
export async function photoFingerprint(bytes: Uint8Array): Promise<string | undefined> {
  const bitmap = await decode(bytes);
  if (!bitmap) return undefined;
  try {
    return hashOf(bitmap);
  } finally {
    bitmap.close();
  }
}

/** What an identity keeps of one of its photos; undefined when the browser cannot decode it. */
export async function identityPhotoOf(bytes: Uint8Array): Promise<{ hash: string; preview: string } | undefined> {
  const bitmap = await decode(bytes);
  if (!bitmap) return undefined;
  try {
    const hash = hashOf(bitmap);
    const canvas = scaled(bitmap, PREVIEW_SIDE);
    const context = canvas.getContext('2d');
    if (!hash || !context) return undefined;
    context.filter = `blur(${PREVIEW_BLUR_PX}px)`;
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.6 });
    return { hash, preview: `data:image/jpeg;base64,${bytesToBase64(new Uint8Array(await blob.arrayBuffer()))}` };
  } finally {
    bitmap.close();
  }
}
