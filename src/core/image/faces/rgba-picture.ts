import type { FacePicture, PixelRect } from './find-faces';

/** Decoded pixels, four bytes a pixel (RGBA), rows top to bottom. */
export interface RgbaImage {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
}

/**
 * A decoded picture as findFaces reads it in Node, where there is no canvas: each square is an
 * RGB Float32Array (0..255), each of its pixels the average of the picture's pixels it covers.
 * Averaging by hand because a plain resize (TensorFlow's bilinear one) samples 4 pixels of a
 * 12-megapixel photo per output pixel and loses small faces.
 */
export function rgbaPicture(image: RgbaImage): FacePicture<Float32Array> {
  return { width: image.width, height: image.height, square: (crop, side) => squareOf(image, crop, side) };
}

function squareOf(image: RgbaImage, crop: PixelRect, side: number): Float32Array {
  const out = new Float32Array(side * side * 3);
  const scale = side / Math.max(crop.width, crop.height);
  const outWidth = Math.min(side, Math.round(crop.width * scale));
  const outHeight = Math.min(side, Math.round(crop.height * scale));
  const { data, width, height } = image;
  for (let y = 0; y < outHeight; y++) {
    const top = Math.max(0, Math.floor(crop.y + y / scale));
    const bottom = Math.min(height, Math.max(top + 1, Math.floor(crop.y + (y + 1) / scale)));
    if (top >= height) continue;
    for (let x = 0; x < outWidth; x++) {
      const left = Math.max(0, Math.floor(crop.x + x / scale));
      const right = Math.min(width, Math.max(left + 1, Math.floor(crop.x + (x + 1) / scale)));
      if (left >= width || right <= left || bottom <= top) continue;
      let r = 0;
      let g = 0;
      let b = 0;
      for (let row = top; row < bottom; row++) {
        for (let at = (row * width + left) * 4, end = (row * width + right) * 4; at < end; at += 4) {
          r += data[at]!;
          g += data[at + 1]!;
          b += data[at + 2]!;
        }
      }
      const count = (bottom - top) * (right - left);
      const o = (y * side + x) * 3;
      out[o] = r / count;
      out[o + 1] = g / count;
      out[o + 2] = b / count;
    }
  }
  return out;
}

/**
 * The picture turned upright by its EXIF Orientation (1–8), as a viewer shows it: a phone photo
 * stored on its side has its faces on their side too, and BlazeFace finds upright faces only.
 */
export function orientRgba(image: RgbaImage, orientation: number | undefined): RgbaImage {
  if (!orientation || orientation < 2 || orientation > 8) return image;
  const { data, width, height } = image;
  const swap = orientation >= 5;
  const outWidth = swap ? height : width;
  const outHeight = swap ? width : height;
  const out = new Uint8ClampedArray(outWidth * outHeight * 4);
  for (let y = 0; y < outHeight; y++) {
    for (let x = 0; x < outWidth; x++) {
      const [sx, sy] = sourceOf(orientation, x, y, width, height);
      const from = (sy * width + sx) * 4;
      const to = (y * outWidth + x) * 4;
      out[to] = data[from]!;
      out[to + 1] = data[from + 1]!;
      out[to + 2] = data[from + 2]!;
      out[to + 3] = data[from + 3]!;
    }
  }
  return { data: out, width: outWidth, height: outHeight };
}

/** Which stored pixel shows at (x, y) of the upright picture, per the EXIF Orientation values. */
function sourceOf(orientation: number, x: number, y: number, width: number, height: number): [number, number] {
  switch (orientation) {
    case 2: return [width - 1 - x, y];
    case 3: return [width - 1 - x, height - 1 - y];
    case 4: return [x, height - 1 - y];
    case 5: return [y, x];
    case 6: return [y, height - 1 - x];
    case 7: return [width - 1 - y, height - 1 - x];
    default: return [width - 1 - y, x]; // 8
  }
}
