// Each cleaned photo decodes in real Chromium to exactly the pixels of its original: same
// size, same orientation, same colours (the ICC profile stays), same every byte of RGBA.
// Chromium cannot decode HEIC or TIFF: for those the test checks that the cleaned file fails the
// same way, and says so; their coded pictures are compared byte for byte in the unit tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cleanPhoto } from '../../src/core/image/clean-photo';
import { corpusFiles, CORPUS, FIXTURES } from '../unit/core/image/clean-support';
import { launchPlainChromium } from './support/chromium-plain';
import { ROOT } from './support/paths';

type Decoded = { ok: true; width: number; height: number } | { ok: false; error: string };

let browser: Awaited<ReturnType<typeof launchPlainChromium>>;
let page: Page;

beforeAll(async () => {
  browser = await launchPlainChromium();
  page = await browser.context.newPage();
  await page.goto('about:blank');
  await page.evaluate(() => {
    const decode = async (base64: string) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes]), { imageOrientation: 'from-image' });
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      return context.getImageData(0, 0, bitmap.width, bitmap.height);
    };
    // Both decoded in the page and compared there: megapixels never cross the wire.
    (globalThis as unknown as Record<string, unknown>).comparePixels = async (a: string, b: string) => {
      let first: ImageData;
      try {
        first = await decode(a);
      } catch (error) {
        const other = await decode(b).then(() => 'decoded', (e) => String(e));
        return { original: { ok: false, error: String(error) }, cleaned: other === 'decoded' ? { ok: true } : { ok: false, error: other } };
      }
      const second = await decode(b);
      let differing = 0;
      if (first.data.length === second.data.length) for (let i = 0; i < first.data.length; i++) if (first.data[i] !== second.data[i]) differing++;
      return {
        original: { ok: true, width: first.width, height: first.height },
        cleaned: { ok: true, width: second.width, height: second.height },
        differing,
      };
    };
  });
}, 90_000);

afterAll(async () => {
  await browser?.close();
});

async function compare(original: Uint8Array, cleaned: Uint8Array) {
  return page.evaluate(
    ([a, b]) => (globalThis as unknown as { comparePixels(a: string, b: string): Promise<unknown> }).comparePixels(a!, b!),
    [Buffer.from(original).toString('base64'), Buffer.from(cleaned).toString('base64')],
  ) as Promise<{ original: Decoded; cleaned: Decoded; differing?: number }>;
}

function cleaned(bytes: Uint8Array): Uint8Array {
  const result = cleanPhoto(bytes);
  if (!result.ok) throw new Error(result.reason);
  return result.bytes;
}

const decodable = [
  ...corpusFiles().filter((file) => file.startsWith('jpg/')).map((file) => join(CORPUS, file)),
  ...corpusFiles({ invalid: true }).map((file) => join(CORPUS, file)),
  ...['photo.png', 'photo-alpha.png', 'photo.webp', 'photo-lossless.webp', 'photo.avif'].map((file) => join(FIXTURES, file)),
];
const undecodable = corpusFiles().filter((file) => !file.startsWith('jpg/')).map((file) => join(CORPUS, file));

describe('cleaned photos decode to the same pixels in Chromium', () => {
  test.each(decodable)('%s', async (path) => {
    const original = readFileSync(path);
    const result = await compare(original, cleaned(original));
    expect(result.original.ok, JSON.stringify(result.original)).toBe(true);
    expect(result.cleaned).toEqual(result.original);
    expect(result.differing).toBe(0);
  });

  test('turned photos stay turned: portrait_6 decodes taller than wide', async () => {
    const result = await compare(readFileSync(join(CORPUS, 'jpg/orientation/portrait_6.jpg')), cleaned(readFileSync(join(CORPUS, 'jpg/orientation/portrait_6.jpg'))));
    expect(result.cleaned.ok && result.cleaned.height > result.cleaned.width).toBe(true);
  });

  test.each(undecodable)('%s: Chromium cannot decode it, before or after cleaning', async (path) => {
    const original = readFileSync(path);
    const result = await compare(original, cleaned(original));
    // If a later Chromium decodes these, the pixels must match like the others.
    if (result.original.ok) {
      expect(result.cleaned).toEqual(result.original);
      expect(result.differing).toBe(0);
    } else {
      console.log(`Chromium cannot decode ${path.split('/').pop()} (${result.original.error}); the cleaned file fails the same way.`);
      expect(result.cleaned.ok).toBe(false);
    }
  });
});

describe('reencodePhoto in Chromium', () => {
  beforeAll(async () => {
    // The extension's own code, bundled for the page as WXT would bundle it for an extension page.
    const bundle = await build({
      entryPoints: [join(ROOT, 'src/extension/photos/reencode.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      globalName: 'parasolReencode',
      platform: 'browser',
    });
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  });

  async function reencode(bytes: Uint8Array) {
    return page.evaluate(async (base64) => {
      const input = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const { reencodePhoto } = (globalThis as unknown as { parasolReencode: typeof import('../../src/extension/photos/reencode') }).parasolReencode;
      const result = await reencodePhoto(input);
      if (!result.ok) return result;
      let binary = '';
      for (const byte of result.bytes) binary += String.fromCharCode(byte);
      return { ...result, bytes: btoa(binary) };
    }, Buffer.from(bytes).toString('base64'));
  }

  test('a turned JPEG comes back upright, as JPEG, with no metadata left', async () => {
    const original = readFileSync(join(CORPUS, 'jpg/orientation/landscape_6.jpg'));
    const result = await reencode(original);
    expect(result).toMatchObject({ ok: true, type: 'image/jpeg', lossless: false });
    if (!result.ok) return;
    const bytes = Buffer.from(result.bytes, 'base64');
    expect(cleanPhoto(bytes)).toMatchObject({ ok: true, removed: [] });
    const compared = await compare(original, bytes);
    // Same upright size; pixels differ slightly (JPEG saved again).
    expect(compared.cleaned).toEqual(compared.original);
  });

  test('a see-through PNG stays PNG, with its transparency, upright', async () => {
    const result = await reencode(readFileSync(join(FIXTURES, 'photo-alpha.png')));
    // 96 × 90 stored, Orientation 6 in its eXIf: Chromium turns PNGs too, so 90 × 96 upright.
    expect(result).toMatchObject({ ok: true, type: 'image/png', width: 90, height: 96 });
  });

  test('a GIF is re-saved; a 30000 × 30000 GIF is refused before decoding', async () => {
    const gif = Buffer.from('R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs=', 'base64');
    expect(await reencode(gif)).toMatchObject({ ok: true, type: 'image/jpeg', width: 1, height: 1 });
    const bomb = Buffer.from(gif);
    bomb.writeUInt16LE(30000, 6);
    bomb.writeUInt16LE(30000, 8);
    expect(await reencode(bomb)).toEqual({ ok: false, reason: 'too-many-pixels' });
  });

  test('HEIC cannot be decoded by Chromium: a clear answer', async () => {
    expect(await reencode(readFileSync(join(CORPUS, 'heic/samplefilehub.heif')))).toEqual({ ok: false, reason: 'unreadable' });
  });
});
