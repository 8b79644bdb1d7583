import fc from 'fast-check';
import nacl from 'tweetnacl';
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../../src/core/vault/base64';
import { openText, sealText } from '../../../../src/core/vault/seal';

describe('seal', () => {
  it('opens what it sealed, for any text and key', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.string({ unit: 'grapheme', maxLength: 300 }), (key, text) => {
        expect(openText(key, sealText(key, text))).toBe(text);
      }),
    );
  });

  it('refuses a box with any one bit changed, or opened with another key', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.string({ maxLength: 100 }), fc.nat(), fc.integer({ min: 0, max: 7 }), (key, text, at, bit) => {
        const sealed = sealText(key, text);
        const box = fromBase64(sealed.box)!;
        box[at % box.length]! ^= 1 << bit;
        expect(openText(key, { ...sealed, box: toBase64(box) })).toBeNull();
        const other = nacl.randomBytes(32);
        expect(openText(other, sealed)).toBeNull();
      }),
    );
  });

  it('base64 round trips any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200_000 }), (bytes) => {
      expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    }), { numRuns: 30 });
  });
});
