// Chromium cannot decode HEIC, so libheif does (Debian's libheif-examples, heif-convert): the
// cleaned file decodes to the same raw Y4M frame (no metadata in it), byte for byte, as the original.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { cleanPhoto } from '../../../../src/core/image/clean-photo';
import { CORPUS, corpusFiles } from './clean-support';

const dir = mkdtempSync(join(tmpdir(), 'parasol-clean-heic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test.each(corpusFiles().filter((file) => file.startsWith('heic/')))('%s decodes to the same pixels after cleaning', (file) => {
  const result = cleanPhoto(readFileSync(join(CORPUS, file)));
  if (!result.ok) throw new Error(result.reason);
  const cleaned = join(dir, 'cleaned.heic');
  writeFileSync(cleaned, result.bytes);
  const decode = (path: string, name: string) => {
    execFileSync('heif-convert', ['-q', '100', path, join(dir, name)], { stdio: 'ignore' });
    return readFileSync(join(dir, name));
  };
  const before = decode(join(CORPUS, file), 'before.y4m');
  const after = decode(cleaned, 'after.y4m');
  expect(before.length).toBeGreaterThan(1000);
  expect(Buffer.compare(after, before)).toBe(0);
}, 30_000);
