// The acceptance on real camera and phone files: after cleaning, ExifTool finds nothing
// that identifies (an Orientation alone may stay), and the picture's bytes are untouched.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cleanPhoto } from '../../../../src/core/image/clean-photo';
import { readBoxes } from '../../../../src/core/image/clean/isobmff-boxes';
import { readItemInfos, readItemLocations } from '../../../../src/core/image/clean/isobmff-items';
import { CORPUS, corpusFiles, exiftool, leftovers } from './clean-support';
import { imageSegments } from './clean-jpeg-segments';

const files = corpusFiles();
let out: string;
const cleaned = new Map<string, Uint8Array>();
let after: Map<string, Record<string, unknown>>;
let before: Map<string, Record<string, unknown>>;
let afterOrientation: Map<string, Record<string, unknown>>;

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'parasol-clean-'));
  for (const file of files) {
    const result = cleanPhoto(readFileSync(join(CORPUS, file)));
    if (!result.ok) throw new Error(`${file}: ${result.reason}`);
    cleaned.set(file, result.bytes);
    mkdirSync(dirname(join(out, file)), { recursive: true });
    writeFileSync(join(out, file), result.bytes);
  }
  after = exiftool(files.map((file) => join(out, file)));
  before = exiftool(files.map((file) => join(CORPUS, file)), ['-n']);
  afterOrientation = exiftool(files.map((file) => join(out, file)), ['-n', '-IFD0:Orientation']);
}, 60_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('cleanPhoto on the corpus', () => {
  test('cleans every decodable file losslessly', () => {
    expect(files.length).toBeGreaterThanOrEqual(94);
    expect(cleaned.size).toBe(files.length);
  });

  test.each(files)('%s: ExifTool finds nothing identifying', (file) => {
    const record = after.get(join(out, file))!;
    expect(record, 'ExifTool read the cleaned file').toBeDefined();
    expect(record['ExifTool:Error']).toBeUndefined();
    expect(leftovers(record, file.startsWith('tiff/') ? 'tiff' : 'other')).toEqual([]);
  });

  test('the files that had GPS, serials, owners, previews and dates had them before cleaning', () => {
    // Guards against a test that passes because ExifTool read nothing: the originals are rich.
    const rich = files.filter((file) => Object.keys(before.get(join(CORPUS, file))!).some((key) => /GPSLatitude|SerialNumber|DateTimeOriginal/.test(key)));
    expect(rich.length).toBeGreaterThan(60);
  });
});

describe('cleaned JPEGs keep their picture and its orientation', () => {
  const jpegs = files.filter((file) => file.startsWith('jpg/'));

  test.each(jpegs)('%s: tables, frame and scan data are byte for byte the same', (file) => {
    const original = imageSegments(readFileSync(join(CORPUS, file)));
    const clean = imageSegments(cleaned.get(file)!);
    expect(original.length).toBeGreaterThan(3);
    expect(clean.length).toBe(original.length);
    clean.forEach((segment, i) => expect(Buffer.compare(segment, original[i]!), `segment ${i}`).toBe(0));
  });

  test.each(jpegs)('%s: the Orientation stays', (file) => {
    const orientation = before.get(join(CORPUS, file))!['IFD0:Orientation'];
    const now = afterOrientation.get(join(out, file))!['IFD0:Orientation'];
    // An Orientation outside 1-8 means nothing to a browser, so dropping it changes nothing.
    if (typeof orientation === 'number' && orientation >= 1 && orientation <= 8) expect(now).toBe(orientation);
    else expect(now).toBeUndefined();
  });
});

describe('cleaned HEIC files keep every coded picture', () => {
  const heics = files.filter((file) => file.startsWith('heic/'));

  test.each(heics)('%s: only the metadata items changed, and only to zeros', (file) => {
    const original = readFileSync(join(CORPUS, file));
    const clean = cleaned.get(file)!;
    expect(clean.length).toBe(original.length);
    const meta = readBoxes(original, 0, original.length).find((box) => box.type === 'meta')!;
    const children = readBoxes(original, meta.body + 4, meta.end);
    const infos = readItemInfos(original, children.find((box) => box.type === 'iinf')!);
    const metadata = new Set(infos.filter((info) => ['Exif', 'mime'].includes(info.type)).map((info) => info.id));
    const idat = children.find((box) => box.type === 'idat');
    const allowed: [number, number][] = [[meta.start, meta.end]];
    for (const item of readItemLocations(original, children.find((box) => box.type === 'iloc')!).items) {
      if (!metadata.has(item.id)) continue;
      const base = item.method === 1 ? idat!.body : 0;
      for (const extent of item.extents) allowed.push([base + extent.offset, base + extent.offset + extent.length]);
    }
    for (let i = meta.end; i < original.length; i++) {
      if (clean[i] === original[i]) continue;
      expect(clean[i]).toBe(0);
      expect(allowed.some(([start, end]) => i >= start && i < end), `byte ${i} changed`).toBe(true);
    }
  });

  test.each(heics)('%s: ExifTool sees the same picture structure', (file) => {
    const structure = (record: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(record).filter(([key]) => /^(QuickTime|Meta):/.test(key)));
    const original = exiftool([join(CORPUS, file)]).get(join(CORPUS, file))!;
    const clean = after.get(join(out, file))!;
    expect(Object.keys(structure(original)).length).toBeGreaterThan(10);
    expect(structure(clean)).toEqual(structure(original));
  });
});
