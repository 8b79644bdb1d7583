import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium, type Page } from 'playwright-core';
import {
  CHROMIUM,
  launchChromiumWithParasol,
  serviceWorker,
  typeIntoProfile,
  type ChromiumWithParasol,
} from './support/chromium';
import { startDemoServer, TYPED_NUMBER, type DemoServer } from './support/demo';

let demo: DemoServer;
let browser: ChromiumWithParasol;

beforeAll(async () => {
  demo = await startDemoServer();
  browser = await launchChromiumWithParasol();
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe('Chromium: the thin slice of job 1', () => {
  test('a phone number typed into the rich-text editor shows on the badge and in the popup', async () => {
    const page = await browser.context.newPage();
    await typeIntoProfile(page, demo.url('profile.html'));
    const tabId = await browser.tabIdOf(page);
    await expect.poll(() => browser.badgeText(tabId), { timeout: 10_000 }).toBe('1');

    const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
    const reply = await popup.evaluate(
      (id) => chrome.runtime.sendMessage({ type: 'findings/get', tabId: id }),
      tabId,
    );
    const findings = Object.values(reply.fields).flatMap((field: any) => field.findings);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: 'phone', normalized: TYPED_NUMBER, severity: 'high' });

    const item = popup.locator('li.finding[data-kind="phone"]');
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.textContent()).toContain('555 123 4567');
    expect(await item.textContent()).toContain('High risk');
    expect(await popup.locator('.findings h2').textContent()).toBe('In “About me”');
    // Readable at 360 px: nothing runs off the side.
    expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await popup.close();
    await page.close();
  });

  test('the page learns nothing: its HTML is the same as without Parasol', async () => {
    const withParasol = await browser.context.newPage();
    await typeIntoProfile(withParasol, demo.url('profile.html'));
    const tabId = await browser.tabIdOf(withParasol);
    await expect.poll(() => browser.badgeText(tabId), { timeout: 10_000 }).toBe('1');
    const htmlWith = await withParasol.content();

    const plain = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
    try {
      const control = await plain.newPage({ viewport: { width: 1000, height: 800 } });
      await typeIntoProfile(control, demo.url('profile.html'));
      const htmlWithout = await control.content();
      expect(htmlWith).toContain('555 123 4567');
      expect(htmlWith).toBe(htmlWithout);
    } finally {
      await plain.close();
    }
    await withParasol.close();
  });

  test('a field that is cleared drops its finding', async () => {
    const page = await browser.context.newPage();
    await page.goto(demo.url('profile.html'));
    await page.fill('#rates', 'Call 555 123 4567 or 555 987 6543');
    const tabId = await browser.tabIdOf(page);
    await expect.poll(() => browser.badgeText(tabId), { timeout: 10_000 }).toBe('2');
    await page.fill('#rates', '150/hh');
    await expect.poll(() => browser.badgeText(tabId), { timeout: 10_000 }).toBe('');
    await page.close();
  });

  test('leaving the site drops its findings', async () => {
    const page = await browser.context.newPage();
    await page.goto(demo.url('profile.html'));
    await page.fill('#rates', 'Call 555 123 4567');
    const tabId = await browser.tabIdOf(page);
    await expect.poll(() => browser.badgeText(tabId), { timeout: 10_000 }).toBe('1');
    await page.goto(`${demo.origin.replace('127.0.0.1', 'localhost')}/elsewhere/index.html`);
    const worker = await serviceWorker(browser.context);
    const fieldsLeft = () =>
      worker.evaluate(async (id) => {
        const stored = await chrome.storage.session.get(`tab-findings:${id}`);
        return Object.keys((stored[`tab-findings:${id}`] as { fields?: object })?.fields ?? {}).length;
      }, tabId);
    await expect.poll(fieldsLeft, { timeout: 10_000 }).toBe(0);
    expect(await browser.badgeText(tabId)).toBe('');
    await page.close();
  });

  test('a site off the built-in list is left alone until the person asks to check it', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${demo.origin}/elsewhere/profile.html`);
    await page.fill('#rates', 'Call 555 123 4567');
    const tabId = await browser.tabIdOf(page);
    const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
    await expect.poll(() => popup.locator('#check-page').isVisible()).toBe(true);
    // Longer than the content script's debounce: had it run, the badge would show by now.
    await page.waitForTimeout(800);
    expect(await browser.badgeText(tabId)).toBe('');

    // "Check this page". The browser allows it here because the demo host is a listed site (host
    // permissions ignore the path); elsewhere the person's click on the toolbar button (activeTab) does.
    await popup.click('#check-page');
    await expect.poll(() => popup.locator('li.finding').count(), { timeout: 10_000 }).toBe(1);
    expect(await popup.locator('#check-page').isVisible()).toBe(false);
    expect(await browser.badgeText(tabId)).toBe('1');
    await popup.close();
    await page.close();
  });

  test('the options page opens, and the country choice is kept', async () => {
    const options = await browser.openExtensionPage('options.html');
    await expect.poll(() => options.locator('h1').textContent()).toBe('Parasol settings');
    expect(await options.locator('#country option').count()).toBeGreaterThan(200);
    await options.selectOption('#country', 'GB');
    await expect.poll(() => options.locator('#country-saved').textContent()).toBe('Saved.');
    await options.reload();
    await expect.poll(() => options.locator('#country').inputValue()).toBe('GB');
    expect(await options.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // Back to automatic, so other tests read numbers as the browser's country (US).
    await options.selectOption('#country', '');
    await options.close();
  });
});
