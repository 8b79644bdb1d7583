// Cleaning twice is cleaning once: a cleaned file comes back byte for byte, with nothing removed,
// also for files damaged at random (the cleaner must never make a file it would change again).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cleanPhoto } from '../../../../src/core/image/clean-photo';
import { CORPUS, corpusFiles, FIXTURES } from './clean-support';

const files = [
  ...corpusFiles().filter((file) => !/hdr|mobile|tests|corrupted/.test(file)).map((file) => join(CORPUS, file)),
  ...['photo.png', 'photo-alpha.png', 'photo.webp', 'photo-lossless.webp', 'photo.avif'].map((file) => join(FIXTURES, file)),
];
const contents = new Map(files.map((file) => [file, new Uint8Array(readFileSync(file))]));

function expectStable(bytes: Uint8Array): boolean {
  const first = cleanPhoto(bytes);
  if (!first.ok) return true;
  const second = cleanPhoto(first.bytes);
  expect(second).toMatchObject({ ok: true, removed: [] });
  expect(second.ok && Buffer.compare(second.bytes, first.bytes)).toBe(0);
  return true;
}

describe('cleanPhoto is idempotent', () => {
  test('on every photo', () => {
    fc.assert(fc.property(fc.constantFrom(...files), (file) => expectStable(contents.get(file)!)), { numRuns: files.length * 2 });
  });

  test('on photos with bytes changed at random', () => {
    const damaged = fc
      .tuple(fc.constantFrom(...files), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }))
      .map(([file, edits]) => {
        const bytes = contents.get(file)!.slice();
        // Mostly in the first few kilobytes, where the segments, chunks and boxes are.
        for (const [where, value] of edits) bytes[Math.floor(where ** 3 * bytes.length)] = value;
        return bytes;
      });
    fc.assert(fc.property(damaged, expectStable), { numRuns: 300 });
  });
});
