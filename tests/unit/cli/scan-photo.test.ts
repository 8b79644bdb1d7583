// `parasol scan` on photos: told by their bytes (a JPEG named .png is still a JPEG), the same
// findings as the extension, plain words without --json, and bad files answered clearly.
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli as run } from './run-cli';

const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/exif/', import.meta.url));
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parasol-cli-photo-'));
  await copyFile(join(CORPUS, 'jpg/gps/DSCN0010.jpg'), join(dir, 'holiday.png')); // a JPEG with the wrong name
  await copyFile(join(CORPUS, 'jpg/tests/87_OSError.jpg'), join(dir, 'nikon.jpg'));
  await copyFile(join(CORPUS, 'jpg/orientation/landscape_1.jpg'), join(dir, 'plain.jpg'));
  const whole = await import('node:fs/promises').then((fs) => fs.readFile(join(CORPUS, 'jpg/gps/DSCN0012.jpg')));
  await writeFile(join(dir, 'cut.jpg'), whole.subarray(0, whole.length >> 1));
  // 100 MB that start like a JPEG: written sparse, never read whole.
  const huge = await import('node:fs/promises').then((fs) => fs.open(join(dir, 'huge.jpg'), 'w'));
  await huge.write(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 0, 4, 0);
  await huge.truncate(100 * 1024 * 1024);
  await huge.close();
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});


describe('parasol scan --json on photos', () => {
  test('a GPS photo named .png: its location with lat/lon, country and city, and the other findings', async () => {
    const { status, out } = await run('scan', '--json', join(dir, 'holiday.png'));
    expect(status).toBe(0);
    const line = JSON.parse(out[0]!);
    expect(line.photo).toMatchObject({ format: 'jpeg', width: 640, height: 480, problems: [] });
    const location = line.findings.find((finding: { kind: string }) => finding.kind === 'location');
    expect(location).toMatchObject({ kind: 'location', severity: 'high', country: 'IT', city: 'Arezzo', reason: 'photoLocation', fix: { action: 'remove' } });
    expect(location.lat).toBeCloseTo(43.4674483, 4);
    expect(location.lon).toBeCloseTo(11.8851267, 4);
    expect(location.reasonText).toContain('near Arezzo, IT');
    expect(line.findings.map((finding: { kind: string }) => finding.kind).sort()).toEqual(['datetime', 'location', 'thumbnail']);
  });

  test('serial, datetime and thumbnail findings, each with its plain-words reason', async () => {
    const { out } = await run('scan', '--json', join(dir, 'nikon.jpg'));
    const { findings } = JSON.parse(out[0]!);
    expect(findings.map((finding: { kind: string }) => finding.kind).sort()).toEqual(['datetime', 'location', 'serial', 'thumbnail']);
    for (const finding of findings) expect(finding.reasonText).toMatch(/^This photo /);
  });

  test('a cut photo says so and still reports what it read', async () => {
    const { status, out } = await run('scan', '--json', join(dir, 'cut.jpg'));
    expect(status).toBe(0);
    const line = JSON.parse(out[0]!);
    expect(line.photo.problems).toEqual(['truncated']);
    expect(line.photo.problemTexts[0]).toMatch(/cut short/);
    expect(line.findings.some((finding: { kind: string }) => finding.kind === 'location')).toBe(true);
  });

  test('100 MB is too large: an error line at once, status 1, the other files still scanned', async () => {
    const started = performance.now();
    const { status, out } = await run('scan', '--json', join(dir, 'huge.jpg'), join(dir, 'plain.jpg'));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(status).toBe(1);
    const [huge, plain] = out.map((line) => JSON.parse(line));
    expect(huge).toMatchObject({ photo: { format: 'jpeg', problems: ['too-large'] }, findings: [] });
    expect(huge.error).toMatch(/too big/);
    expect(plain).toMatchObject({ findings: [], photo: { problems: [] } });
    expect(plain.error).toBeUndefined();
  });
});

describe('parasol scan on photos, in plain words', () => {
  test('says each finding and the place', async () => {
    const { out } = await run('scan', join(dir, 'holiday.png'));
    expect(out[0]).toBe(`${join(dir, 'holiday.png')}: 3 thing(s) could identify you:`);
    expect(out.join('\n')).toContain('location "43.46745, 11.88513 (Arezzo, IT)": This photo says where it was taken: near Arezzo, IT.');
    expect(out.join('\n')).toContain('thumbnail "160 × 120 px, 7 KB": This photo holds a hidden small copy of itself.');
  });

  test('says when a photo is cut short', async () => {
    const { out } = await run('scan', join(dir, 'cut.jpg'));
    expect(out[0]).toMatch(/cut\.jpg: This photo file is cut short/);
  });
});
