import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { askFacePage } from '../corpus/faces/ask-face-page';
import { requireLabelledPhotos, runLabelledSet } from '../corpus/faces/score-faces';
import { startDemoServer, type DemoServer } from './support/demo';
import { launchFirefoxWithParasol, openExtensionPage, type FirefoxWithParasol } from './support/firefox';

let demo: DemoServer | undefined;
let firefox: FirefoxWithParasol | undefined;
let page: Page;

beforeAll(async () => {
  requireLabelledPhotos();
  demo = await startDemoServer();
  firefox = await launchFirefoxWithParasol();
  const from = await firefox.browser.newPage();
  await from.goto(demo.url('profile.html'));
  // The options page holds the finder's page in a frame, as Firefox's background page does.
  page = await openExtensionPage(firefox.browser, from, 'options');
});

afterAll(async () => {
  await firefox?.close();
  await demo?.close();
});

describe('Firefox: the face finder on the labelled photos (tests/corpus/faces)', () => {
  test('finds ≥ 95% of faces at least 5% of the width, calls ≤ 5% of photos without faces a face, on WASM', async () => {
    const score = await runLabelledSet((base64) => page.evaluate(askFacePage, base64));
    expect(score.backends).toEqual(['wasm']);
    expect(score.kinds).toEqual(['face/high/photoFace']);
    expect(score.recall).toBeGreaterThanOrEqual(0.95);
    expect(score.falseAlarmRate).toBeLessThanOrEqual(0.05);
  }, 300_000);

  test('a file that is not a photo gets a clear answer', async () => {
    expect(await page.evaluate(askFacePage, Buffer.from('just some text').toString('base64'))).toEqual({ error: 'not-an-image' });
  });
});
