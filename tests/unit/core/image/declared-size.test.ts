import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { declaredSize, declaresTooManyPixels } from '../../../../src/core/image/declared-size';

const CORPUS = new URL('../../../../../shared/corpus/exif/', import.meta.url);

function pngHeader(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IEND', Buffer.alloc(0))]);
}

describe('declaredSize', () => {
  it('reads a real photo header without decoding it', () => {
    expect(declaredSize(readFileSync(new URL('jpg/gps/DSCN0010.jpg', CORPUS)))).toEqual({ width: 640, height: 480 });
    expect(declaredSize(readFileSync(new URL('heic/IMG_5195.HEIC', CORPUS)))).toEqual({ width: 2566, height: 3313 });
  });

  it('tells decompression bombs (30000 × 30000 PNG and GIF headers) from ordinary photos', () => {
    expect(declaresTooManyPixels(pngHeader(30000, 30000))).toBe(true);
    expect(declaresTooManyPixels(Uint8Array.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x30, 0x75, 0x30, 0x75, 0, 0, 0]))).toBe(true);
    expect(declaresTooManyPixels(pngHeader(4000, 3000))).toBe(false);
  });

  it('answers undefined, never throws, for what is not a picture', () => {
    expect(declaredSize(new TextEncoder().encode('not a picture'))).toBeUndefined();
    expect(declaresTooManyPixels(new Uint8Array(0))).toBe(false);
  });
});
