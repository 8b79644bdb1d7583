import { execFileSync } from 'node:child_process';
import { copyFile, link, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli as run } from './run-cli';

const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/exif/', import.meta.url));
const GPS_PHOTO = join(CORPUS, 'jpg/gps/DSCN0010.jpg');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parasol-clean-cli-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});


describe('parasol clean IN OUT', () => {
  test('writes the photo without its GPS position and says what it removed', async () => {
    const target = join(dir, 'clean.jpg');
    const { status, out } = await run('clean', GPS_PHOTO, target);
    expect(status).toBe(0);
    expect(out).toHaveLength(1);
    expect(out[0]).toContain('The picture itself is exactly the same');
    expect(out[0]).toContain('camera details: place, date, camera and its serial number');
    const tags = JSON.parse(execFileSync('exiftool', ['-j', '-a', '-G1', target]).toString())[0];
    expect(Object.keys(tags).filter((key) => /GPS|Serial|DateTimeOriginal/.test(key))).toEqual([]);
    // Nothing left behind from the atomic write.
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('--json prints one line with the format, losslessness and what went', async () => {
    const { status, out } = await run('clean', '--json', GPS_PHOTO, join(dir, 'json.jpg'));
    expect(status).toBe(0);
    expect(JSON.parse(out[0]!)).toEqual({
      file: GPS_PHOTO,
      out: join(dir, 'json.jpg'),
      format: 'jpeg',
      lossless: true,
      removed: ['exif', 'xmp', 'preview'],
    });
  });

  test('a clean photo: says nothing was found, and still writes it', async () => {
    await run('clean', GPS_PHOTO, join(dir, 'once.jpg'));
    const { status, out } = await run('clean', join(dir, 'once.jpg'), join(dir, 'twice.jpg'));
    expect(status).toBe(0);
    expect(out[0]).toContain('found no hidden data');
    expect(Buffer.compare(await readFile(join(dir, 'once.jpg')), await readFile(join(dir, 'twice.jpg')))).toBe(0);
  });

  test('refuses to overwrite IN, also through another path or a hard link', async () => {
    const original = join(dir, 'original.jpg');
    await copyFile(GPS_PHOTO, original);
    await link(original, join(dir, 'hard-link.jpg'));
    const before = await readFile(original);
    for (const out of [original, `${dir}/./original.jpg`, join(dir, 'hard-link.jpg')]) {
      const { status, err } = await run('clean', original, out);
      expect(status).toBe(1);
      expect(err[0]).toContain('never overwrites the original');
    }
    expect(Buffer.compare(await readFile(original), before)).toBe(0);
  });

  test('a file that is not a photo: exit 1, a plain reason, no output file', async () => {
    await writeFile(join(dir, 'ad.txt'), 'text me on 555 123 4567\n');
    const { status, err } = await run('clean', join(dir, 'ad.txt'), join(dir, 'ad-clean.txt'));
    expect(status).toBe(1);
    expect(err[0]).toContain('not a photo Parasol can read');
    expect(await readdir(dir)).not.toContain('ad-clean.txt');
  });

  test('a photo cut short: exit 1, says so', async () => {
    await writeFile(join(dir, 'cut.jpg'), (await readFile(GPS_PHOTO)).subarray(0, 40_000));
    const { status, err } = await run('clean', join(dir, 'cut.jpg'), join(dir, 'cut-clean.jpg'));
    expect(status).toBe(1);
    expect(err[0]).toContain('cut short');
  });

  test('a missing file and a wrong number of arguments', async () => {
    expect(await run('clean', join(dir, 'nope.jpg'), join(dir, 'x.jpg'))).toMatchObject({ status: 1, err: [expect.stringContaining('No such file')] });
    expect((await run('clean', GPS_PHOTO)).status).toBe(2);
    expect((await run('clean')).status).toBe(2);
  });

  test('--help mentions clean', async () => {
    const { out } = await run('--help');
    expect(out.join('\n')).toContain('parasol clean [--json] IN OUT');
  });
});
