import type { RgbaImage } from '../../../../src/core/image/faces/rgba-picture';

/** Half the size, each pixel the mean of four: the same photo as a site would shrink it. */
export function halve(image: RgbaImage): RgbaImage {
  const width = image.width >> 1;
  const height = image.height >> 1;
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 4; c++) {
        const at = (row: number, col: number) => image.data[(row * image.width + col) * 4 + c]!;
        data[(y * width + x) * 4 + c] = (at(2 * y, 2 * x) + at(2 * y, 2 * x + 1) + at(2 * y + 1, 2 * x) + at(2 * y + 1, 2 * x + 1)) >> 2;
      }
    }
  }
  return { width, height, data };
}
