import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scanPhoto } from '../../../../src/core/image/scan-photo';

// Made-up metadata written by ExifTool into small PNG, WebP and AVIF photos (see
// tests/fixtures/clean/README.md): the shared corpus has none of these formats.
const FIXTURES = new URL('../../../fixtures/clean/', import.meta.url);

describe.each([
  ['photo.png', 'png'],
  ['photo-alpha.png', 'png'],
  ['photo.webp', 'webp'],
  ['photo-lossless.webp', 'webp'],
  ['photo.avif', 'avif'],
] as const)('scanPhoto on %s', (file, format) => {
  it('reads the place, serial number, owner and capture time ExifTool wrote there', async () => {
    const report = await scanPhoto(new Uint8Array(readFileSync(new URL(file, FIXTURES))));
    expect(report.format).toBe(format);
    expect(report.problems).toEqual([]);
    const location = report.findings.find((finding) => finding.kind === 'location');
    expect(location?.lat).toBeCloseTo(48.8584, 4);
    expect(location?.lon).toBeCloseTo(2.2945, 4);
    expect(location?.country).toBe('FR');
    expect(report.findings.find((finding) => finding.kind === 'serial')?.value).toBe('1234567');
    expect(report.findings.find((finding) => finding.kind === 'owner')?.value).toBe('Rosa Example');
    expect(report.findings.find((finding) => finding.kind === 'datetime')?.value).toBe('2024-05-06 07:08');
  });
});
