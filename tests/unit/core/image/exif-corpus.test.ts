// scanPhoto on the real corpus (../shared/corpus/exif/) against ExifTool's ground truth
// (groundtruth.csv): positions, serial numbers, owner names, previews and capture times.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding, FindingKind } from '../../../../src/core/findings';
import type { PhotoReport } from '../../../../src/core/image/photo-report';
import { readPhotoMetadata } from '../../../../src/core/image/read-metadata';
import { scanPhoto } from '../../../../src/core/image/scan-photo';
import { IsolatedScanner } from './scan-photo-isolated';

const CORPUS = fileURLToPath(new URL('../../../../../shared/corpus/exif/', import.meta.url));

interface Truth {
  file: string;
  hasGps: boolean;
  lat: number;
  lon: number;
  serialTags: string[];
  thumbTags: string[];
  ownerTags: string[];
  hasDatetime: boolean;
}

function groundTruth(): Truth[] {
  const [header, ...rows] = readFileSync(join(CORPUS, 'groundtruth.csv'), 'utf8').trim().split('\n');
  const columns = header!.split(',');
  return rows.map((row) => {
    const cells = Object.fromEntries(row.split(',').map((cell, i) => [columns[i], cell]));
    const tags = (name: string) => (cells[name] ? cells[name]!.split(';').map((tag: string) => tag.split('=')[0]!) : []);
    return {
      file: cells.file!,
      hasGps: cells.has_gps === '1',
      lat: Number(cells.lat),
      lon: Number(cells.lon),
      serialTags: tags('serial_tags'),
      thumbTags: tags('thumb_tags'),
      ownerTags: tags('owner_tags'),
      hasDatetime: cells.has_datetime === '1',
    };
  });
}

const TRUTH = groundTruth();
const bytesOf = (file: string) => new Uint8Array(readFileSync(join(CORPUS, file)));

/**
 * Ground-truth rows whose field the camera filled with its own name: reported, at low severity
 * and with their own plain-words reason, not as a serial number or a person's name.
 */
const CAMERA_FIELDS: Record<string, FindingKind> = {
  'jpg/exif-org/olympus-c960.jpg': 'serial', // Olympus:CameraID holds "OLYMPUS DIGITAL CAMERA"
  'jpg/exif-org/kodak-dc240.jpg': 'owner', // MetaIFD:CameraOwner holds "KODAK DC240 ZOOM DIGITAL CAMERA"
};

/** ExifTool's names for previews that Parasol's readers name after where they found them. */
const SAME_PREVIEW: Record<string, string> = {
  'File:PreviewImage': 'MakerNote:PreviewImage', // Samsung: the whole maker note is a JPEG
  'PreviewIFD:PreviewImage': 'Nikon:PreviewImage', // Nikon's PreviewIFD sits in its maker note
};
/** Previews ExifTool lists from their declared offsets, which point past the end of these files (ExifTool warns it cannot read them): nothing to show. */
const OUTSIDE_FILE = new Set(['jpg/Konica_Minolta_DiMAGE_Z3.jpg Minolta:PreviewImage', 'jpg/corrupted.jpg Olympus:PreviewImage']);

const reports = new Map<string, PhotoReport>();
beforeAll(async () => {
  for (const { file } of TRUTH) reports.set(file, await scanPhoto(bytesOf(file)));
}, 120_000);

const findingsOf = (file: string, kind: FindingKind): Finding[] => reports.get(file)!.findings.filter((f) => f.kind === kind);

/** Files where ground truth has nothing of a kind but Parasol reports it, for the record. */
function falseAlarms(kind: FindingKind, has: (truth: Truth) => boolean): string[] {
  return TRUTH.filter((truth) => !has(truth) && findingsOf(truth.file, kind).length > 0).map((truth) => truth.file);
}

describe('exif corpus: what the ground truth has is reported', () => {
  it('reads every file of the ground truth', () => {
    expect(TRUTH.length).toBeGreaterThanOrEqual(100);
  });

  it.each(TRUTH.filter((truth) => truth.hasGps).map((truth) => [truth.file, truth] as const))('%s: position within 1e-4°', (file, truth) => {
    const [location] = findingsOf(file, 'location');
    expect(location, 'a location finding').toBeDefined();
    expect(Math.abs(location!.lat! - truth.lat)).toBeLessThan(1e-4);
    expect(Math.abs(location!.lon! - truth.lon)).toBeLessThan(1e-4);
    expect(location!.country).toMatch(/^[A-Z]{2}$/);
  });

  const cases = (kind: FindingKind, has: (truth: Truth) => boolean) =>
    TRUTH.filter(has).map((truth) => truth.file);

  it.each(cases('serial', (truth) => truth.serialTags.length > 0))('%s: serial number reported', (file) => {
    expect(findingsOf(file, 'serial').length).toBeGreaterThan(0);
  });
  it.each(cases('owner', (truth) => truth.ownerTags.length > 0))('%s: owner reported', (file) => {
    expect(findingsOf(file, 'owner').length).toBeGreaterThan(0);
  });
  it.each(cases('thumbnail', (truth) => truth.thumbTags.length > 0))('%s: embedded preview reported', (file) => {
    expect(findingsOf(file, 'thumbnail').length).toBeGreaterThan(0);
  });
  it.each(cases('datetime', (truth) => truth.hasDatetime))('%s: capture time reported', (file) => {
    expect(findingsOf(file, 'datetime').length).toBeGreaterThan(0);
  });

  it('finds every serial, owner and preview tag the ground truth names, by its block and tag', async () => {
    const missed: string[] = [];
    for (const truth of TRUTH) {
      const sources = new Set((await readPhotoMetadata(bytesOf(truth.file))).clues.map((clue) => clue.source));
      for (const tag of [...truth.serialTags, ...truth.ownerTags, ...truth.thumbTags]) {
        if (!sources.has(SAME_PREVIEW[tag] ?? tag) && !OUTSIDE_FILE.has(`${truth.file} ${tag}`)) missed.push(`${truth.file} ${tag}`);
      }
    }
    expect(missed).toEqual([]);
  });

  it('tells a field the camera filled with its own name apart, at low severity', () => {
    for (const [file, kind] of Object.entries(CAMERA_FIELDS)) {
      expect(findingsOf(file, kind), file).toEqual([expect.objectContaining({ severity: 'low', reason: 'photoCameraField' })]);
    }
  });
});

describe('exif corpus: nothing reported where the ground truth has none', () => {
  it('no position where there is none, and no 0/0 placeholder', () => {
    expect(falseAlarms('location', (truth) => truth.hasGps)).toEqual([]);
  });
  it('no serial number where there is none', () => {
    expect(falseAlarms('serial', (truth) => truth.serialTags.length > 0)).toEqual([]);
  });
  it('no preview where there is none', () => {
    expect(falseAlarms('thumbnail', (truth) => truth.thumbTags.length > 0)).toEqual([]);
  });
  it('names beyond the ground truth come only from copyright and credit tags, which it does not count', async () => {
    const extra = falseAlarms('owner', (truth) => truth.ownerTags.length > 0);
    console.log(`owner findings where the ground truth has none: ${extra.length} (${extra.join(', ')})`);
    for (const file of extra) {
      const owners = (await readPhotoMetadata(bytesOf(file))).clues.filter((clue) => clue.kind === 'owner').map((clue) => clue.source);
      expect(owners.every((source) => /Copyright|Rights|Credit/.test(source)), `${file}: ${owners.join(', ')}`).toBe(true);
    }
  });
  it('no capture time where there is none', () => {
    expect(falseAlarms('datetime', (truth) => truth.hasDatetime)).toEqual([]);
  });
});

describe('exif corpus: broken files', () => {
  const scanner = new IsolatedScanner();
  const invalid = TRUTH.filter((truth) => truth.file.startsWith('jpg/invalid/')).map((truth) => truth.file);
  beforeAll(() => scanner.warmUp(bytesOf('jpg/gps/DSCN0010.jpg')), 60_000);
  afterAll(() => scanner.close());

  it('has the invalid files', () => {
    expect(invalid.length).toBeGreaterThanOrEqual(7);
  });
  it.each([...invalid, 'jpg/corrupted.jpg'])('%s: a clear result within 2 s', async (file) => {
    const result = await scanner.scan(bytesOf(file), 2000);
    expect(result.timedOut).toBeUndefined();
    expect(result.thrown).toBeUndefined();
    expect(result.exited).toBeUndefined();
    expect(result.report!.format).toBe('jpeg');
    expect(Array.isArray(result.report!.problems)).toBe(true);
    expect(result.ms).toBeLessThan(2000);
  });
});
