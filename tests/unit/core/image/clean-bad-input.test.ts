// Broken and hostile files: each gets a clear answer within 2 s, and nothing throws.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cleanPhoto, type CleanResult } from '../../../../src/core/image/clean-photo';
import { MAX_PHOTO_BYTES } from '../../../../src/core/image/photo-report';
import { CORPUS, corpusFiles, FIXTURES } from './clean-support';

function timed(bytes: Uint8Array): CleanResult {
  const start = performance.now();
  const result = cleanPhoto(bytes);
  expect(performance.now() - start).toBeLessThan(2000);
  return result;
}

/** A real PNG header (with its CRC) that declares width × height, then an IEND. */
function pngHeader(width: number, height: number): Uint8Array {
  const ihdr = Buffer.alloc(17);
  ihdr.write('IHDR', 0, 'latin1');
  ihdr.writeUInt32BE(width, 4);
  ihdr.writeUInt32BE(height, 8);
  ihdr.set([8, 2, 0, 0, 0], 12);
  const chunk = (body: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, body.length - 4].map((n) => n & 0xff)), body, u32(crc32(body))]);
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk(ihdr), chunk(Buffer.from('IEND', 'latin1'))]);
}

function u32(value: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value >>> 0);
  return out;
}

describe('cleanPhoto on bad input', () => {
  test('a 30000 × 30000 PNG (a decompression bomb) is refused without being decoded', () => {
    expect(timed(pngHeader(30000, 30000))).toEqual({ ok: false, format: 'png', reason: 'too-many-pixels' });
    expect(timed(pngHeader(100, 100))).toMatchObject({ ok: true, format: 'png' });
  });

  test('a JPEG whose frame declares 30000 × 30000 is refused', () => {
    const jpeg = Buffer.from(readFileSync(join(CORPUS, 'jpg/Canon_40D.jpg')));
    // The last SOF0 is the main picture's (the first may be the EXIF thumbnail's); scans never hold FF C0.
    const sof = jpeg.lastIndexOf(Buffer.from([0xff, 0xc0]));
    jpeg.writeUInt16BE(30000, sof + 5);
    jpeg.writeUInt16BE(30000, sof + 7);
    expect(timed(jpeg)).toEqual({ ok: false, format: 'jpeg', reason: 'too-many-pixels' });
  });

  test('a file above the size limit is refused before it is read', () => {
    const big = new Uint8Array(MAX_PHOTO_BYTES + 1);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    expect(timed(big)).toEqual({ ok: false, format: 'jpeg', reason: 'too-large' });
  });

  test('random bytes and an empty file are not images', () => {
    expect(timed(new Uint8Array())).toEqual({ ok: false, format: 'unknown', reason: 'not-an-image' });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
        const result = timed(bytes);
        return result.ok || typeof result.reason === 'string';
      }),
    );
  });

  test('GIF is left to re-encoding', () => {
    expect(timed(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'))).toEqual({ ok: false, format: 'gif', reason: 'needs-reencode' });
  });

  test.each(corpusFiles({ invalid: true }))('%s (jpg/invalid) gets a clear answer', (file) => {
    const result = timed(readFileSync(join(CORPUS, file)));
    // They are damaged for metadata readers (broken XMP), not for decoders: the XMP goes.
    expect(result).toMatchObject({ ok: true, format: 'jpeg', removed: ['xmp'] });
  });

  const samples = ['jpg/gps/DSCN0010.jpg', 'jpg/tests/87_OSError.jpg', 'heic/IMG_5195.HEIC', 'tiff/BSG1.tiff'].map((file) => join(CORPUS, file));
  samples.push(...['photo.png', 'photo.webp', 'photo.avif'].map((file) => join(FIXTURES, file)));

  test.each(samples)('%s cut short anywhere: truncated or unreadable, never a throw', (path) => {
    const bytes = readFileSync(path);
    for (let cut = 1; cut < 40; cut++) {
      const result = timed(bytes.subarray(0, Math.floor((bytes.length * cut) / 40)));
      expect(result.ok ? 'cleaned' : result.reason).toMatch(/^(truncated|unreadable|not-an-image)$/);
    }
  });
});
