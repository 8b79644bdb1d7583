import { readFileSync } from 'node:fs';
import jpeg from 'jpeg-js';
import { describe, expect, test } from 'vitest';
import type { RgbaImage } from '../../../../src/core/image/faces/rgba-picture';
import { hashDistance, photoHash, samePhoto, SAME_PHOTO_DISTANCE } from '../../../../src/core/image/perceptual-hash';
import { halve } from './halve';

const CORPUS = new URL('../../../../../shared/corpus/exif/jpg/', import.meta.url);
// Real camera photos: people, animals, streets of one town (the gps/ series), landscapes.
const PHOTOS = [
  'exif-org/sony-d700.jpg', 'exif-org/canon-ixus.jpg', 'exif-org/kodak-dc210.jpg', 'exif-org/sony-cybershot.jpg',
  'gps/DSCN0010.jpg', 'gps/DSCN0012.jpg', 'gps/DSCN0021.jpg', 'gps/DSCN0025.jpg', 'exif-org/fujifilm-finepix40i.jpg',
  'exif-org/kodak-dc240.jpg', 'exif-org/nikon-e950.jpg', 'exif-org/olympus-c960.jpg', 'Reconyx_HC500_Hyperfire.jpg',
  'exif-org/sanyo-vpcg250.jpg', 'exif-org/fujifilm-dx10.jpg',
];

const decode = (bytes: Uint8Array): RgbaImage => jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
const read = (file: string) => decode(new Uint8Array(readFileSync(new URL(file, CORPUS))));


/** `share` of the width and height cut from every side. */
function crop(image: RgbaImage, share: number): RgbaImage {
  const left = Math.round(image.width * share);
  const top = Math.round(image.height * share);
  const width = image.width - 2 * left;
  const height = image.height - 2 * top;
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const from = ((y + top) * image.width + left) * 4;
    data.set(image.data.subarray(from, from + width * 4), y * width * 4);
  }
  return { width, height, data };
}

const saveAgain = (image: RgbaImage, quality: number) =>
  decode(jpeg.encode({ width: image.width, height: image.height, data: Buffer.from(image.data) }, quality).data);

describe('photoHash', () => {
  test('is 256 bits and the same for the same pixels', () => {
    const image = read(PHOTOS[0]!);
    expect(photoHash(image)).toMatch(/^[0-9a-f]{64}$/);
    expect(photoHash(image)).toBe(photoHash(read(PHOTOS[0]!)));
  });

  test.each(PHOTOS)('a copy of %s halved, saved again or cropped by 5% is the same photo', (file) => {
    const image = read(file);
    const hash = photoHash(image);
    for (const copy of [halve(image), saveAgain(image, 50), crop(image, 0.05), saveAgain(halve(crop(image, 0.03)), 70)]) {
      expect(hashDistance(hash, photoHash(copy))).toBeLessThanOrEqual(SAME_PHOTO_DISTANCE);
      expect(samePhoto(hash, photoHash(copy))).toBe(true);
    }
  });

  test('different photos are far apart, also photos of one town', () => {
    const hashes = PHOTOS.map((file) => photoHash(read(file)));
    for (let i = 0; i < hashes.length; i++) {
      for (let j = i + 1; j < hashes.length; j++) {
        expect(hashDistance(hashes[i]!, hashes[j]!), `${PHOTOS[i]} / ${PHOTOS[j]}`).toBeGreaterThan(SAME_PHOTO_DISTANCE);
      }
    }
  });

  test('hashDistance counts differing bits', () => {
    expect(hashDistance('00', '00')).toBe(0);
    expect(hashDistance('0f', 'f0')).toBe(8);
    expect(hashDistance('a5', '5a')).toBe(8);
    expect(() => hashDistance('00', '000')).toThrow();
  });
});
