import type { FacePicture } from '../../core/image/faces/find-faces';

/** A decoded photo as findFaces reads it in the browser: each square is drawn on its own canvas. */
export function bitmapPicture(bitmap: ImageBitmap): FacePicture<OffscreenCanvas> {
  return {
    width: bitmap.width,
    height: bitmap.height,
    square(crop, side) {
      const canvas = new OffscreenCanvas(side, side);
      const context = canvas.getContext('2d', { willReadFrequently: true });
      if (!context) throw new Error('No 2D canvas');
      context.fillStyle = '#000';
      context.fillRect(0, 0, side, side);
      context.imageSmoothingQuality = 'medium';
      const scale = side / Math.max(crop.width, crop.height);
      // A source rectangle past the picture's edge is clipped, and its part of the square stays black.
      context.drawImage(bitmap, crop.x, crop.y, crop.width, crop.height, 0, 0, crop.width * scale, crop.height * scale);
      return canvas;
    },
  };
}
