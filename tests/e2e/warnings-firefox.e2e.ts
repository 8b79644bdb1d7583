import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, launchFirefoxWithParasol, openExtensionPage, running, waitFor, type FirefoxWithParasol, type RunningFirefox } from './support/firefox';
import { startDemoServer, type DemoServer } from './support/demo';
import { buildDemoList, LISTED_DISGUISED, LISTED_NUMBER, LISTED_STORY, UNLISTED_NUMBER, UNLISTED_WRITTEN } from './support/warn-list';

/**
 * Warning lists on a page, in Firefox ESR: the demo list imported, the inbox's listed client
 * (number in disguise) shows in the popup with his story, the unlisted number does not, the
 * check by hand answers, and the inbox's HTML is the same as in a Firefox without Parasol.
 */

let demo: DemoServer | undefined;
let firefox: FirefoxWithParasol | undefined;
let plain: RunningFirefox | undefined;

/** A message to the background from Parasol's own page. */
function ask(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate((m) => (globalThis as unknown as { browser: typeof chrome }).browser.runtime.sendMessage(m), message);
}

beforeAll(async () => {
  demo = await startDemoServer();
  [firefox, plain] = await Promise.all([launchFirefoxWithParasol(), launchFirefox()]);
  const list = await buildDemoList();
  const hook = await firefox.browser.newPage();
  await hook.goto(demo.url('index.html'));
  const options = await openExtensionPage(firefox.browser, hook, 'options');
  expect(await ask(options, { type: 'vault/create', passphrase: 'correct horse battery staple' })).toEqual({ ok: true });
  expect(await ask(options, { type: 'lists/import', text: list.text, secret: list.secret })).toMatchObject({ ok: true });
  await Promise.all([options.close(), hook.close()]);
}, 120_000);

afterAll(async () => {
  await Promise.all([firefox?.close(), plain?.close()]);
  await demo?.close();
});

describe('Firefox: warning lists on a page', () => {
  test('the inbox: the listed client’s disguised number shows with its story; the unlisted one does not; the page’s HTML is unchanged', async () => {
    const ff = running(firefox, 'Firefox with Parasol');
    const site = running(demo, 'The demo server');
    const page = await ff.browser.newPage();
    await page.goto(site.url('inbox.html'));
    const popup = await openExtensionPage(ff.browser, page, 'popup');
    await popup.setViewport({ width: 360, height: 640 });

    const text = await waitFor(
      'the listed client in the popup',
      () => popup.$$eval('.warnings li.warning', (items, written) => items.map((item) => item.textContent ?? '').find((t) => t.includes(written)), LISTED_DISGUISED),
      { timeoutMs: 30_000 },
    );
    expect(text).toContain(LISTED_STORY);
    expect(text).toContain('Violence');
    expect(text).toContain('Reported by 2 people');
    expect(await popup.$eval('.warnings', (section) => section.textContent)).not.toContain(UNLISTED_WRITTEN);
    const handles = (await popup.$$eval('.warnings li.warning q', (qs) => qs.map((q) => q.textContent))) as string[];
    expect(handles).not.toContain(UNLISTED_WRITTEN);
    expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // The stored warnings name the listed number and not the unlisted one.
    const tabId = await popup.evaluate(() => Number(new URL(location.href).searchParams.get('tab')));
    expect(tabId).toBeGreaterThan(0);
    const state = (await ask(popup, { type: 'findings/get', tabId })) as { warnings?: { handle: string }[] };
    expect(state.warnings?.map((w) => w.handle)).toContain(LISTED_NUMBER);
    expect(state.warnings?.map((w) => w.handle)).not.toContain(UNLISTED_NUMBER);

    const htmlWith = await page.evaluate(() => document.documentElement.outerHTML);
    const control = await running(plain, 'Firefox without Parasol').browser.newPage();
    await control.goto(site.url('inbox.html'));
    const htmlWithout = await control.evaluate(() => document.documentElement.outerHTML);
    expect(htmlWith).toContain(LISTED_DISGUISED);
    expect(htmlWith).not.toMatch(/parasol-e2e|data-parasol/i);
    expect(htmlWith).toBe(htmlWithout);
    await Promise.all([popup.close(), page.close(), control.close()]);
  });

  test('check by hand in the popup: listed, unlisted, and not a handle', async () => {
    const ff = running(firefox, 'Firefox with Parasol');
    const page = await ff.browser.newPage();
    await page.goto(running(demo, 'The demo server').url('index.html'));
    const popup = await openExtensionPage(ff.browser, page, 'popup');
    const result = () => popup.$eval('#check-result', (box) => box.textContent ?? '');
    const check = async (typed: string) => {
      await popup.$eval('#check-input', (input) => ((input as HTMLInputElement).value = ''));
      await popup.type('#check-input', typed);
      await popup.keyboard.press('Enter');
    };

    await check(UNLISTED_WRITTEN);
    await waitFor('"not on your lists"', async () => (await result()) === 'Not on your lists.', { timeoutMs: 30_000 });
    await check(LISTED_DISGUISED);
    await waitFor('the listed client’s story', async () => (await result()).includes(LISTED_STORY), { timeoutMs: 30_000 });
    await check('!!! ???');
    await waitFor('"not a handle"', async () => (await result()) === 'That does not look like a number, email or username.', { timeoutMs: 30_000 });
    await Promise.all([popup.close(), page.close()]);
  });
});
