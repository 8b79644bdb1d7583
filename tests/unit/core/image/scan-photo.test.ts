// scanPhoto on bad input (a decompression bomb, cut files, 100 MB, a wrong name, random bytes)
// and on WebP, which exifr cannot read by itself. Every bad file is scanned in a child process
// with a 2 s deadline, so a hang fails the test instead of stalling it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PHOTO_BYTES } from '../../../../src/core/image/photo-report';
import { scanPhoto } from '../../../../src/core/image/scan-photo';
import { IsolatedScanner } from './scan-photo-isolated';

const CORPUS = fileURLToPath(new URL('../../../../../shared/corpus/exif/', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../../fixtures/photos/', import.meta.url));
const corpusFile = (file: string) => new Uint8Array(readFileSync(join(CORPUS, file)));

/** A PNG chunk: length, type, data, CRC (the CRC is not checked by the reader; zeros do). */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  new DataView(out.buffer).setUint32(0, data.length);
  out.set(Buffer.from(type, 'latin1'), 4);
  out.set(data, 8);
  return out;
}

/** A 30000 × 30000 PNG: the header and a little compressed data, as a decompression bomb starts. */
function bombPng(): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, 30_000);
  view.setUint32(4, 30_000);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = deflateSync(Buffer.alloc(30_000 * 3 * 4)); // the first rows, all zeros: tiny once compressed
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', rows), chunk('IEND', new Uint8Array())]);
}

describe('scanPhoto on bad input: a clear answer within 2 s', () => {
  const scanner = new IsolatedScanner();
  beforeAll(() => scanner.warmUp(corpusFile('jpg/gps/DSCN0010.jpg')), 60_000);
  afterAll(() => scanner.close());

  const clear = async (bytes: Uint8Array) => {
    const result = await scanner.scan(bytes, 2000);
    expect(result.timedOut, 'did not finish within 2 s').toBeUndefined();
    expect(result.exited, 'the scanner crashed').toBeUndefined();
    expect(result.thrown).toBeUndefined();
    return result.report!;
  };

  it('a 30000 × 30000 PNG is too many pixels, read from its header alone', async () => {
    const report = await clear(bombPng());
    expect(report).toMatchObject({ format: 'png', width: 30_000, height: 30_000 });
    expect(report.problems).toContain('too-many-pixels');
  });

  it.each([
    ['jpg/gps/DSCN0010.jpg', 0.5],
    ['jpg/gps/DSCN0010.jpg', 0.05],
    ['jpg/tests/87_OSError.jpg', 0.3],
    ['jpg/Samsung_Digimax_i50_MP3.jpg', 0.2],
    ['heic/IMG_5195.HEIC', 0.5],
    ['tiff/BSG1.tiff', 0.5],
  ])('%s cut to %s of its length is truncated, and what was read is kept', async (file, part) => {
    const whole = corpusFile(file);
    const report = await clear(whole.subarray(0, Math.floor(whole.length * part)));
    if (!file.endsWith('.tiff')) expect(report.problems).toContain('truncated');
    expect(report.format).not.toBe('unknown');
  });

  it('a GPS photo cut after its metadata still reports the position', async () => {
    const whole = corpusFile('jpg/gps/DSCN0010.jpg');
    const report = await clear(whole.subarray(0, Math.floor(whole.length * 0.5)));
    expect(report.findings.map((finding) => finding.kind)).toContain('location');
  });

  it.each([1, 10, 100, 1000])('the first %i bytes of a JPEG', async (length) => {
    const report = await clear(corpusFile('jpg/Canon_40D.jpg').subarray(0, length));
    expect(report.problems.length).toBeGreaterThan(0);
  });

  it('100 MB of bytes is too large, at once', async () => {
    const huge = new Uint8Array(100 * 1024 * 1024);
    huge.set(corpusFile('jpg/gps/DSCN0010.jpg'));
    expect(huge.length).toBeGreaterThan(MAX_PHOTO_BYTES);
    const started = performance.now();
    const report = await scanPhoto(huge);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(report).toEqual({ format: 'jpeg', findings: [], problems: ['too-large'] });
  });

  it('random bytes and an empty file are not images', async () => {
    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24);
    expect((await clear(random)).problems).toEqual(['not-an-image']);
    expect((await clear(new Uint8Array())).problems).toEqual(['not-an-image']);
  });

  it('a JPEG whose name says .png is read as the JPEG it is (names are never passed in)', async () => {
    const report = await clear(corpusFile('jpg/gps/DSCN0012.jpg'));
    expect(report.format).toBe('jpeg');
    expect(report.findings.some((finding) => finding.kind === 'location')).toBe(true);
  });

  it('metadata blocks full of garbage: no crash', async () => {
    const photo = corpusFile('jpg/tests/87_OSError.jpg').slice();
    // Overwrite the EXIF block's directories with a repeating pattern that points everywhere.
    for (let i = 30; i < 20_000; i++) photo[i] = (i * 7) & 0xff;
    const report = await clear(photo);
    expect(report.format).toBe('jpeg');
  });
});

describe('scanPhoto on WebP (made-up files, tests/fixtures/photos/README.md)', () => {
  const webp = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

  it('reads the EXIF chunk: position, capture time and the thumbnail', async () => {
    const report = await scanPhoto(webp('exif-gps.webp'));
    expect(report).toMatchObject({ format: 'webp', width: 160, height: 120, problems: [] });
    const location = report.findings.find((finding) => finding.kind === 'location')!;
    expect(location.lat).toBeCloseTo(43.4674483, 4);
    expect(location.lon).toBeCloseTo(11.8851267, 4);
    expect(location).toMatchObject({ country: 'IT', city: 'Arezzo', reason: 'photoLocation', severity: 'high', fix: { action: 'remove' } });
    expect(report.findings.find((finding) => finding.kind === 'datetime')?.value).toBe('2008-10-22 16:28');
    expect(report.findings.find((finding) => finding.kind === 'thumbnail')?.value).toBe('160 × 120 px, 7 KB');
  });

  it('reads the XMP chunk: GPS written as strings, and the creator', async () => {
    const report = await scanPhoto(webp('xmp-gps.webp'));
    const location = report.findings.find((finding) => finding.kind === 'location')!;
    expect(location.lat).toBeCloseTo(48 + 51.5 / 60, 6);
    expect(location.lon).toBeCloseTo(2 + 17 / 60 + 40.5 / 3600, 6);
    expect(location.country).toBe('FR');
    expect(report.findings.find((finding) => finding.kind === 'owner')).toMatchObject({ value: 'Made-Up Person', reason: 'photoOwner' });
  });
});

describe('scanPhoto findings', () => {
  it('say each thing in readable form, with a message name and the remove fix', async () => {
    const report = await scanPhoto(corpusFile('jpg/tests/87_OSError.jpg'));
    expect(report).toMatchObject({ format: 'jpeg', width: 1488, height: 2240, problems: [] });
    const byKind = Object.fromEntries(report.findings.map((finding) => [finding.kind, finding]));
    expect(byKind.location).toMatchObject({ value: '43.78559, 11.23462 (Florence, IT)', city: 'Florence', country: 'IT' });
    // EXIF, XMP and Nikon's maker note ("NO= -1000f46") hold the same serial: one finding.
    expect(report.findings.filter((finding) => finding.kind === 'serial')).toEqual([{ kind: 'serial', severity: 'medium', value: '-1000f46', reason: 'photoSerial', fix: { action: 'remove' } }]);
    expect(byKind.datetime).toMatchObject({ value: '2005-12-14 14:39', reason: 'photoDatetime' });
    expect(byKind.thumbnail).toMatchObject({ value: '564 × 372 px, 26 KB', reason: 'photoThumbnail' });
    for (const finding of report.findings) expect(finding.fix).toEqual({ action: 'remove' });
  });

  it('a preview shaped unlike the picture is flagged as a possible uncropped original', async () => {
    // The corpus photo is 896 × 600 (3:2); its camera's thumbnail is 4:3, a different shape with no bars.
    const report = await scanPhoto(corpusFile('jpg/exif-org/ricoh-rdc5300.jpg'));
    expect(report.findings.find((finding) => finding.kind === 'thumbnail')).toMatchObject({ reason: 'photoThumbnailDiffers', severity: 'high' });
  });

  it('a 4:3 thumbnail padded with black bars for a 16:9 picture is not flagged', async () => {
    const report = await scanPhoto(corpusFile('jpg/tests/45-gps_ifd.jpg'));
    expect(report.findings.find((finding) => finding.kind === 'thumbnail')).toMatchObject({ reason: 'photoThumbnail' });
  });
});
