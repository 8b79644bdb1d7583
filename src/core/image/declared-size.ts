import { imageSize } from 'image-size';
import { MAX_PHOTO_PIXELS } from './photo-report';

/**
 * The picture's size as its header declares it, read without decoding anything (image-size
 * knows JPEG, PNG, WebP, GIF, TIFF, HEIF and AVIF headers); undefined when it cannot be read.
 */
export function declaredSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  try {
    const { width, height } = imageSize(bytes);
    return width && height ? { width, height } : undefined;
  } catch {
    return undefined;
  }
}

/** A decompression bomb, told from its header before any decoder sees it. */
export function declaresTooManyPixels(bytes: Uint8Array): boolean {
  const size = declaredSize(bytes);
  return size !== undefined && size.width * size.height > MAX_PHOTO_PIXELS;
}
