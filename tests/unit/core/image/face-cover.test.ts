import { readFileSync } from 'node:fs';
import jpeg from 'jpeg-js';
import { describe, expect, test } from 'vitest';
import { facesInPhoto } from '../../../../src/cli/photo-faces';
import { coverFaceBoxes } from '../../../../src/core/image/face-cover';

// Two men at a shop counter, a real camera photo from the shared corpus.
const PHOTO = new URL('../../../../../shared/corpus/exif/jpg/exif-org/sony-d700.jpg', import.meta.url);

function decoded() {
  return jpeg.decode(readFileSync(PHOTO), { useTArray: true, formatAsRGBA: true });
}

describe('coverFaceBoxes', () => {
  test('pixelates a box in large blocks of one colour and leaves the rest as it was', () => {
    const image = decoded();
    const original = Uint8Array.from(image.data);
    const box = { x: 0.3, y: 0.2, width: 0.1, height: 0.15 };
    coverFaceBoxes(image, [box]);
    const px = (x: number, y: number) => ((y * image.width + x) * 4);
    // Outside the box and its margin: untouched.
    for (const [x, y] of [[5, 5], [image.width - 3, image.height - 3], [Math.round(0.1 * image.width), Math.round(0.5 * image.height)]] as const) {
      expect([...image.data.subarray(px(x, y), px(x, y) + 4)]).toEqual([...original.subarray(px(x, y), px(x, y) + 4)]);
    }
    // Inside: few colours (about 6 × 6 blocks), where the photo had hundreds.
    const colours = (data: Uint8Array) => {
      const seen = new Set<number>();
      for (let y = Math.round(0.22 * image.height); y < Math.round(0.33 * image.height); y++) {
        for (let x = Math.round(0.31 * image.width); x < Math.round(0.39 * image.width); x++) {
          seen.add((data[px(x, y)]! << 16) | (data[px(x, y) + 1]! << 8) | data[px(x, y) + 2]!);
        }
      }
      return seen.size;
    };
    expect(colours(original)).toBeGreaterThan(300);
    expect(colours(image.data)).toBeLessThanOrEqual(64);
  });

  test('fill leaves one flat grey', () => {
    const image = decoded();
    coverFaceBoxes(image, [{ x: 0.3, y: 0.2, width: 0.1, height: 0.15 }], 'fill');
    const at = (Math.round(0.27 * image.height) * image.width + Math.round(0.35 * image.width)) * 4;
    expect([...image.data.subarray(at, at + 3)]).toEqual([128, 128, 128]);
  });

  test('after covering the faces the face finder finds, it finds none', async () => {
    const bytes = new Uint8Array(readFileSync(PHOTO));
    const faces = await facesInPhoto(bytes);
    expect(faces.length).toBe(2);
    const image = decoded();
    coverFaceBoxes(image, faces.map((face) => face.box!));
    const covered = new Uint8Array(jpeg.encode({ ...image, data: Buffer.from(image.data) }, 90).data);
    expect(await facesInPhoto(covered)).toEqual([]);
  }, 60_000);
});
