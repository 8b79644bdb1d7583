import { bmvbhash } from 'blockhash-core';
import type { RgbaImage } from './faces/rgba-picture';

/**
 * A perceptual hash of a decoded picture, for the vault to notice a personal photo reused on a
 * work site: blockhash (16 × 16 blocks, 256 bits, as hex), which survives resizing, saving
 * again and light cropping, where a hash of the bytes changes with any of them.
 */
export function photoHash(image: RgbaImage): string {
  return bmvbhash(image, 16);
}

/** Bits that differ between two hashes of the same length (Hamming distance). */
export function hashDistance(a: string, b: string): number {
  if (a.length !== b.length) throw new Error('Hashes of different lengths');
  let bits = 0;
  for (let i = 0; i < a.length; i++) {
    let diff = Number.parseInt(a[i]!, 16) ^ Number.parseInt(b[i]!, 16);
    for (; diff; diff &= diff - 1) bits += 1;
  }
  return bits;
}

/**
 * At most this many of the 256 bits differ between copies of one photo. Measured on the shared
 * corpus (tests/unit/core/image/perceptual-hash.test.ts): halved or saved again at quality 50,
 * 0–6 bits; cropped by 5% on every side, up to 58; two different photos, 84 or more.
 */
export const SAME_PHOTO_DISTANCE = 64;

export function samePhoto(a: string, b: string): boolean {
  return hashDistance(a, b) <= SAME_PHOTO_DISTANCE;
}
