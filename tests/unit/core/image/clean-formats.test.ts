// PNG, WebP and AVIF (absent from the corpus): photos given real metadata by ExifTool, see
// tests/fixtures/clean/README.md.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cleanPhoto } from '../../../../src/core/image/clean-photo';
import { exiftool, FIXTURES, leftovers } from './clean-support';

const FILES = ['photo.png', 'photo-alpha.png', 'photo.webp', 'photo-lossless.webp', 'photo.avif'];
let out: string;
const cleaned = new Map<string, Uint8Array>();
let after: Map<string, Record<string, unknown>>;
let before: Map<string, Record<string, unknown>>;

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'parasol-clean-formats-'));
  for (const file of FILES) {
    const result = cleanPhoto(readFileSync(join(FIXTURES, file)));
    if (!result.ok) throw new Error(`${file}: ${result.reason}`);
    cleaned.set(file, result.bytes);
    writeFileSync(join(out, file), result.bytes);
  }
  after = exiftool(FILES.map((file) => join(out, file)), ['-n']);
  before = exiftool(FILES.map((file) => join(FIXTURES, file)), ['-n']);
});

afterAll(() => rmSync(out, { recursive: true, force: true }));

/** A PNG's or WebP's chunks as [type, bytes], to compare what was kept. */
function chunks(bytes: Uint8Array): [string, Buffer][] {
  const png = bytes[0] === 0x89;
  const list: [string, Buffer][] = [];
  const view = Buffer.from(bytes);
  for (let at = png ? 8 : 12; at + 8 <= bytes.length; ) {
    const type = view.toString('latin1', png ? at + 4 : at, png ? at + 8 : at + 4);
    const size = png ? view.readUInt32BE(at) : view.readUInt32LE(at + 4);
    const end = at + 8 + size + (png ? 4 : size & 1);
    list.push([type, view.subarray(at, end)]);
    at = end;
  }
  return list;
}

describe('cleanPhoto on PNG, WebP and AVIF', () => {
  test.each(FILES)('%s had GPS, a serial number, a name and a date before', (file) => {
    const keys = Object.keys(before.get(join(FIXTURES, file))!).join(' ');
    for (const wanted of ['GPSLatitude', 'SerialNumber', 'Artist', 'DateTimeOriginal', 'XMP-dc:Creator']) expect(keys).toContain(wanted);
  });

  test.each(FILES)('%s: ExifTool finds nothing identifying after', (file) => {
    const record = after.get(join(out, file))!;
    expect(record['ExifTool:Error']).toBeUndefined();
    expect(leftovers(record, 'other')).toEqual([]);
  });

  test.each(FILES)('%s: the Orientation stays when it turns the picture', (file) => {
    const orientation = before.get(join(FIXTURES, file))!['IFD0:Orientation'];
    const now = after.get(join(out, file))!['IFD0:Orientation'];
    // HEIF and AVIF turn pictures with their own `irot` property, never with EXIF.
    if (file.endsWith('.avif')) expect(now).toBeUndefined();
    else if (orientation === 1 && file.endsWith('.webp')) expect(now).toBeUndefined();
    else expect(now).toBe(orientation);
  });

  test.each(FILES.filter((file) => !file.endsWith('.avif')))('%s: the picture chunks are byte for byte the same', (file) => {
    const picture = /^(IHDR|PLTE|IDAT|tRNS|VP8 |VP8L|ALPH|ICCP|ANIM|ANMF)$/;
    const original = chunks(readFileSync(join(FIXTURES, file))).filter(([type]) => picture.test(type));
    const clean = chunks(cleaned.get(file)!).filter(([type]) => picture.test(type));
    expect(clean.map(([type]) => type)).toEqual(original.map(([type]) => type));
    clean.forEach(([, bytes], i) => expect(Buffer.compare(bytes, original[i]![1])).toBe(0));
  });

  test('WebP: the RIFF size is the file size, and VP8X no longer announces XMP', () => {
    for (const file of ['photo.webp', 'photo-lossless.webp']) {
      const bytes = Buffer.from(cleaned.get(file)!);
      expect(bytes.readUInt32LE(4) + 8).toBe(bytes.length);
      const flags = chunks(bytes).find(([type]) => type === 'VP8X')![1][8]!;
      expect(flags & 0x04).toBe(0);
      // EXIF only where the Orientation came back (photo.webp: 6).
      expect(Boolean(flags & 0x08)).toBe(file === 'photo.webp');
    }
  });

  test('PNG: every chunk has a right CRC, and the text chunks are gone', async () => {
    const { crc32 } = await import('node:zlib');
    for (const file of ['photo.png', 'photo-alpha.png']) {
      for (const [type, bytes] of chunks(cleaned.get(file)!)) {
        expect(['tEXt', 'zTXt', 'iTXt', 'tIME']).not.toContain(type);
        expect(crc32(bytes.subarray(4, bytes.length - 4))).toBe(bytes.readUInt32BE(bytes.length - 4));
      }
    }
  });

  test('says what it removed', () => {
    const result = cleanPhoto(readFileSync(join(FIXTURES, 'photo.png')));
    expect(result).toMatchObject({ ok: true, format: 'png', lossless: true, removed: ['exif', 'xmp', 'text'] });
    expect(cleanPhoto(readFileSync(join(FIXTURES, 'photo.avif')))).toMatchObject({ ok: true, format: 'avif', removed: ['exif', 'xmp'] });
  });
});
