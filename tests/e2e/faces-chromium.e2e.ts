import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { askFacePage } from '../corpus/faces/ask-face-page';
import { requireLabelledPhotos, runLabelledSet } from '../corpus/faces/score-faces';
import { launchChromiumWithParasol, type ChromiumWithParasol } from './support/chromium';

let browser: ChromiumWithParasol;
let page: Page;

beforeAll(async () => {
  requireLabelledPhotos();
  browser = await launchChromiumWithParasol();
  // An extension page holds the finder's page in a frame, as Firefox's background page does.
  page = await browser.openExtensionPage('offscreen.html');
});

afterAll(async () => {
  await browser?.close();
});

describe('Chromium: the face finder on the labelled photos (tests/corpus/faces)', () => {
  test('finds ≥ 95% of faces at least 5% of the width, calls ≤ 5% of photos without faces a face, on WASM', async () => {
    const score = await runLabelledSet((base64) => page.evaluate(askFacePage, base64));
    // A silent fall back to plain JavaScript would be ten times slower.
    expect(score.backends).toEqual(['wasm']);
    expect(score.kinds).toEqual(['face/high/photoFace']);
    expect(score.bigFaces).toBeGreaterThanOrEqual(30);
    expect(score.noFacePhotos).toBeGreaterThanOrEqual(20);
    expect(score.recall).toBeGreaterThanOrEqual(0.95);
    expect(score.falseAlarmRate).toBeLessThanOrEqual(0.05);
  }, 240_000);

  test('a file that is not a photo, and a truncated one, get a clear answer', async () => {
    const notPhoto = await page.evaluate(askFacePage, Buffer.from('just some text, not a picture').toString('base64'));
    expect(notPhoto).toEqual({ error: 'not-an-image' });
    const photo = readFileSync('/usr/share/doc/facedetect/examples/grace_hopper_512x512.jpg');
    const truncated = await page.evaluate(askFacePage, photo.subarray(0, 600).toString('base64'));
    expect('error' in truncated).toBe(true);
  });
});
