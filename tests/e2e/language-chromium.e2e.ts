import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { formatMessage, parseMessages } from '../../src/extension/i18n-messages';
import { launchChromiumWithParasol, serviceWorker, typeIntoProfile, type ChromiumWithParasol } from './support/chromium';
import { startDemoServer, TYPED_PHONE, type DemoServer } from './support/demo';
import { ROOT } from './support/paths';

/** The browser speaks English (--lang=en-US); the person picks another language for Parasol's pages. */

type Messages = Record<string, { message: string }>;
const locale = (name: string) => readFileSync(`${ROOT}public/_locales/${name}/messages.json`, 'utf8');
const es = JSON.parse(locale('es')) as Messages;
const en = JSON.parse(locale('en')) as Messages;

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

/** Stores the settings as the options page would, with WXT's version mark for settings v3. */
async function chooseLanguage(language: string): Promise<void> {
  const worker = await serviceWorker(browser.context);
  await worker.evaluate(
    (choice) =>
      chrome.storage.local.set({
        settings: { country: null, hintSites: [], autoLockMinutes: 15, language: choice, containers: false },
        settings$: { v: 3 },
      }),
    language,
  );
}

async function profileWithNumber(): Promise<{ page: Page; tabId: number }> {
  const page = await browser.context.newPage();
  await page.bringToFront();
  await typeIntoProfile(page, demo.url('profile.html'));
  const tabId = await browser.tabIdOf(page);
  await expect.poll(() => browser.badgeText(tabId), { timeout: 10_000 }).toBe('1');
  return { page, tabId };
}

const removeButton = (view: Page) => view.locator('li.finding[data-kind="phone"] button.fix[data-action="remove"]');

describe('Chromium in English, Parasol set to Spanish', () => {
  test('the popup and the side panel speak Spanish, placeholders filled in; back to English with "auto"', async () => {
    const { page, tabId } = await profileWithNumber();

    await chooseLanguage('es');
    // Every address the extension's pages ask for while they load: only Parasol's own files.
    const asked: string[] = [];
    const note = (request: { url(): string }) => void asked.push(request.url());
    browser.context.on('request', note);
    for (const path of [`popup.html?tab=${tabId}`, `sidepanel.html?tab=${tabId}`]) {
      const view = await browser.openExtensionPage(path);
      await expect.poll(() => removeButton(view).count(), { timeout: 10_000 }).toBe(1);
      expect(await view.evaluate(() => document.documentElement.lang)).toBe('es');
      expect(await view.evaluate(() => document.documentElement.dir)).toBe('ltr');
      expect(await view.locator('[data-i18n="popupHintsHere"]').textContent()).toBe(es.popupHintsHere!.message);
      expect(await removeButton(view).textContent()).toBe(es.fixRemove!.message);
      // A message with a named placeholder ($VALUE$ → $1), filled in by Parasol, not by the browser.
      expect(await removeButton(view).getAttribute('aria-label')).toBe(es.fixRemoveName!.message.replace('$VALUE$', TYPED_PHONE));
      await view.close();
    }
    browser.context.off('request', note);
    expect(asked.filter((url) => url.endsWith('/_locales/es/messages.json'))).toHaveLength(2);
    expect(asked.filter((url) => !url.startsWith(`chrome-extension://${browser.extensionId}/`))).toEqual([]);

    await chooseLanguage('auto');
    const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
    await expect.poll(() => removeButton(popup).count(), { timeout: 10_000 }).toBe(1);
    expect(await popup.evaluate(() => document.documentElement.lang)).toMatch(/^en/);
    expect(await removeButton(popup).getAttribute('aria-label')).toBe(`Remove it from the draft: “${TYPED_PHONE}”`);
    await popup.close();
    await page.close();
  });

  test('Parasol fills in every English message exactly as chrome.i18n.getMessage does', async () => {
    const table = parseMessages(locale('en'))!;
    const names = Object.keys(en);
    const substitutions = ['Lola $1', 'B$$', '3'];
    const view = await browser.openExtensionPage('popup.html');
    const browsers = await view.evaluate(
      ({ names, substitutions }) => names.map((name) => [chrome.i18n.getMessage(name as 'extName', substitutions), chrome.i18n.getMessage(name as 'extName')]),
      { names, substitutions },
    );
    const ours = names.map((name) => [formatMessage(table, name, substitutions), formatMessage(table, name)]);
    expect(ours).toEqual(browsers);
    // Not an empty comparison: the placeholders were there to fill.
    expect(browsers.filter(([withValues, without]) => withValues !== without).length).toBeGreaterThan(20);
    await view.close();
  });
});
