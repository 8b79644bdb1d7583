import { readFileSync } from 'node:fs';
import jpeg from 'jpeg-js';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { RgbaImage } from '../../../../src/core/image/faces/rgba-picture';
import { photoHash } from '../../../../src/core/image/perceptual-hash';
import { photoLeaks } from '../../../../src/core/identity/photo-leaks';
import { IdentitiesSchema } from '../../../../src/core/identity/schema';
import { identity } from './fixtures';
import { halve } from '../image/halve';

const CORPUS = new URL('../../../../../shared/corpus/exif/jpg/', import.meta.url);
const read = (file: string): RgbaImage =>
  jpeg.decode(new Uint8Array(readFileSync(new URL(file, CORPUS))), { useTArray: true, formatAsRGBA: true });


const street = read('gps/DSCN0010.jpg');
const dog = read('exif-org/sony-d700.jpg');
const other = read('exif-org/canon-ixus.jpg');

const list = v.parse(IdentitiesSchema, [
  identity({ id: 'me', kind: 'personal', label: 'Me', photos: [{ hash: photoHash(street) }] }),
  identity({ id: 'lola', kind: 'work', label: 'Lola', photos: [{ hash: photoHash(dog) }], sites: ['adsite.example'] }),
  identity({ id: 'rosa', kind: 'work', label: 'Rosa', sites: ['rosa.example'] }),
]);
const [me, lola, rosa] = list;

describe('photoLeaks', () => {
  it('finds a personal photo, shrunk, picked on a work site', () => {
    expect(photoLeaks(list, lola, photoHash(halve(street)))).toEqual([
      expect.objectContaining({ kind: 'identity', severity: 'high', reason: 'identityPersonalPhoto', identityId: 'me', identityLabel: 'Me' }),
    ]);
  });

  it('finds another persona’s photo, naming it', () => {
    expect(photoLeaks(list, rosa, photoHash(halve(dog)))).toEqual([
      expect.objectContaining({ reason: 'identityOtherPhoto', identityLabel: 'Lola' }),
    ]);
  });

  it('lets a persona use its own photos on its site, and a persona’s photo on a site of no identity', () => {
    expect(photoLeaks(list, lola, photoHash(dog))).toEqual([]);
    expect(photoLeaks(list, undefined, photoHash(dog))).toEqual([]);
    expect(photoLeaks(list, undefined, photoHash(street))).toHaveLength(1);
    expect(photoLeaks(list, me, photoHash(dog))).toHaveLength(1);
  });

  it('does not confuse a different photo, and ignores a malformed hash', () => {
    expect(photoLeaks(list, lola, photoHash(other))).toEqual([]);
    expect(photoLeaks(list, lola, 'zz')).toEqual([]);
  });
});
