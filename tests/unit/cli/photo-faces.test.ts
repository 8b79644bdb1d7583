import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { facesInPhoto } from '../../../src/cli/photo-faces';

const corpus = (file: string) => new Uint8Array(readFileSync(new URL(`../../../../shared/corpus/exif/jpg/${file}`, import.meta.url)));

describe('facesInPhoto (parasol scan)', () => {
  test('finds the two men at a shop counter, as face findings with boxes', async () => {
    const faces = await facesInPhoto(corpus('exif-org/sony-d700.jpg'));
    expect(faces).toHaveLength(2);
    for (const face of faces) {
      expect(face).toMatchObject({ kind: 'face', severity: 'high', reason: 'photoFace' });
      expect(face.box!.x).toBeGreaterThanOrEqual(0);
      expect(face.box!.x + face.box!.width).toBeLessThanOrEqual(1);
    }
    // The left man's face is at about a seventh of the width, the other's at about a third.
    expect(faces.map((face) => Math.round((face.box!.x + face.box!.width / 2) * 10)).sort()).toEqual([2, 4]);
  }, 60_000);

  test('finds no face in photos of a dog and of a street', async () => {
    expect(await facesInPhoto(corpus('exif-org/kodak-dc240.jpg'))).toEqual([]);
    expect(await facesInPhoto(corpus('gps/DSCN0010.jpg'))).toEqual([]);
  }, 60_000);

  test('gives no findings for what it cannot decode', async () => {
    expect(await facesInPhoto(new TextEncoder().encode('not a photo'))).toEqual([]);
    expect(await facesInPhoto(corpus('exif-org/sony-d700.jpg').subarray(0, 2000))).toEqual([]);
  }, 60_000);

  test('answers every broken file of the corpus (some still decode, one shows a boy)', async () => {
    const dir = new URL('../../../../shared/corpus/exif/jpg/invalid/', import.meta.url);
    for (const file of readdirSync(dir)) {
      const faces = await facesInPhoto(new Uint8Array(readFileSync(new URL(file, dir))));
      expect(Array.isArray(faces), file).toBe(true);
    }
    expect(await facesInPhoto(corpus('invalid/image00971.jpg'))).toHaveLength(1);
  }, 60_000);
});
