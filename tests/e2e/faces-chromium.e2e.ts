import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { FaceBox } from '../../src/core/image/faces/face-box';
import { askFacePage } from '../corpus/faces/ask-face-page';
import { labelledPath, readFaceLabels, scoreSet } from '../corpus/faces/score-faces';
import { launchChromiumWithParasol, type ChromiumWithParasol } from './support/chromium';

const labels = readFaceLabels();
let browser: ChromiumWithParasol;
let page: Page;

beforeAll(async () => {
  for (const photo of labels.photos) {
    if (!photo.file.startsWith('/')) continue;
    try {
      readFileSync(labelledPath(photo));
    } catch {
      throw new Error(`${photo.file} is missing: apt-get install opencv-doc facedetect python3-skimage`);
    }
  }
  browser = await launchChromiumWithParasol();
  // An extension page hosts the finder's page in a frame, as Firefox's background page does.
  page = await browser.openExtensionPage('offscreen.html');
});

afterAll(async () => {
  await browser?.close();
});

async function ask(file: string) {
  return page.evaluate(askFacePage, readFileSync(file).toString('base64'));
}

describe('Chromium: the face finder on the labelled photos (tests/corpus/faces)', () => {
  test('finds ≥ 95% of faces at least 5% of the width, calls ≤ 5% of photos without faces a face, on WASM', async () => {
    const found = new Map<string, FaceBox[]>();
    const backends = new Set<string>();
    for (const photo of labels.photos) {
      const result = await ask(labelledPath(photo));
      if ('error' in result) throw new Error(`${photo.file}: ${result.error}`);
      backends.add(result.backend);
      found.set(photo.file, result.faces.map((face) => face.box!));
      for (const face of result.faces) {
        expect(face).toMatchObject({ kind: 'face', severity: 'high', reason: 'photoFace' });
      }
    }
    const score = scoreSet(labels, found);
    const missed = score.photos.filter((photo) => photo.missed.length).map((photo) => `${photo.file} (${photo.missed.length})`);
    console.log(
      `faces found: ${score.bigFound}/${score.bigFaces} (${score.recall.toFixed(3)}); missed in ${missed.join(', ') || 'none'}\n` +
        `false alarms: ${score.falseAlarmPhotos.length}/${score.noFacePhotos} ${score.falseAlarmPhotos.join(', ')}`,
    );
    // A silent fall back to plain JavaScript would be ten times slower.
    expect([...backends]).toEqual(['wasm']);
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
