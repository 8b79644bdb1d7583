import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, launchChromiumWithParasol, type ChromiumWithParasol } from './support/chromium';
import { startDemoServer, type DemoServer } from './support/demo';
import {
  buildDemoList,
  LISTED_DISGUISED,
  LISTED_NUMBER,
  LISTED_STORY,
  UNLISTED_NUMBER,
  UNLISTED_WRITTEN,
} from './support/warn-list';

/**
 * Warning lists on a page, in Chromium: after the demo list is imported, the demo inbox's
 * listed client (his number written in disguise) shows in the popup with his report's story;
 * an unlisted number shows nothing; the page's HTML is the same as without Parasol; and the
 * popup's check by hand answers for a typed number.
 */

let demo: DemoServer;
let browser: ChromiumWithParasol;

beforeAll(async () => {
  demo = await startDemoServer();
  browser = await launchChromiumWithParasol();
  const list = await buildDemoList();
  const options = await browser.openExtensionPage('options.html');
  const ask = (message: unknown) => options.evaluate((m) => chrome.runtime.sendMessage(m), message);
  expect(await ask({ type: 'vault/create', passphrase: 'correct horse battery staple' })).toEqual({ ok: true });
  expect(await ask({ type: 'lists/import', text: list.text, secret: list.secret })).toMatchObject({ ok: true });
  await options.close();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

async function warningsOf(popup: Page, tabId: number) {
  const state = await popup.evaluate((id) => chrome.runtime.sendMessage({ type: 'findings/get', tabId: id }), tabId);
  return state as { warnings?: { written: string; handle: string; matches: { story: string }[] }[]; handlesChecked?: number };
}

describe('Chromium: warning lists on a page', () => {
  test('the inbox: the listed client’s disguised number shows with its story; the unlisted number does not', async () => {
    const page = await browser.context.newPage();
    await page.goto(demo.url('inbox.html'));
    const tabId = await browser.tabIdOf(page);
    const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`, { width: 360, height: 640 });

    const item = popup.locator('.warnings li.warning', { hasText: LISTED_DISGUISED });
    await expect.poll(() => item.count(), { timeout: 20_000 }).toBe(1);
    const text = (await item.textContent()) ?? '';
    expect(text).toContain(LISTED_STORY);
    expect(text).toContain('Violence');
    expect(text).toContain('High risk');
    expect(text).toContain('Reported by 2 people');
    expect(text).toContain('Velvet Street demo list');
    expect(await popup.locator('.warnings').textContent()).not.toContain(UNLISTED_WRITTEN);

    // The page's batches are stored one by one: the whole state once the last is in.
    await expect.poll(async () => (await warningsOf(popup, tabId)).handlesChecked ?? 0).toBeGreaterThanOrEqual(6);
    const state = await warningsOf(popup, tabId);
    const handles = state.warnings!.map((warning) => warning.handle);
    expect(handles).toContain(LISTED_NUMBER);
    expect(handles).not.toContain(UNLISTED_NUMBER);
    // Every handle on the page was checked: numbers, the email, the senders' names.
    expect(state.handlesChecked).toBeGreaterThanOrEqual(6);
    await expect.poll(() => browser.badgeText(tabId)).toBe(String(state.warnings!.length));
    // Readable at 360 px: nothing runs off the side.
    expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await popup.close();
    await page.close();
  });

  test('check by hand: a listed number typed in disguise, an unlisted one, and something that is no handle', async () => {
    const page = await browser.context.newPage();
    await page.goto(demo.url('index.html'));
    const tabId = await browser.tabIdOf(page);
    const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`, { width: 360, height: 640 });
    const result = popup.locator('#check-result');

    await popup.fill('#check-input', UNLISTED_WRITTEN);
    await popup.press('#check-input', 'Enter');
    await expect.poll(() => result.textContent(), { timeout: 20_000 }).toBe('Not on your lists.');

    await popup.fill('#check-input', 'call 2I2 five five five 0147');
    await popup.click('#check-handle button[type="submit"]');
    await expect.poll(() => result.textContent(), { timeout: 20_000 }).toContain(LISTED_STORY);
    expect(await result.textContent()).toContain('On your lists: 1 report');

    await popup.fill('#check-input', '!!! ???');
    await popup.press('#check-input', 'Enter');
    await expect.poll(() => result.textContent(), { timeout: 20_000 }).toBe('That does not look like a number, email or username.');
    await popup.close();
    await page.close();
  });

  test('the page learns nothing: the inbox’s HTML is the same as without Parasol', async () => {
    const withParasol = await browser.context.newPage();
    await withParasol.goto(demo.url('inbox.html'));
    const tabId = await browser.tabIdOf(withParasol);
    await expect.poll(() => browser.badgeText(tabId), { timeout: 20_000 }).not.toBe('');
    const htmlWith = await withParasol.content();

    const plain = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
    try {
      const control = await plain.newPage({ viewport: { width: 1000, height: 800 } });
      await control.goto(demo.url('inbox.html'));
      const htmlWithout = await control.content();
      expect(htmlWith).toContain(LISTED_DISGUISED);
      expect(htmlWith).toBe(htmlWithout);
    } finally {
      await plain.close();
    }
    await withParasol.close();
  });
});
