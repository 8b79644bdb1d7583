import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { launchFirefoxWithParasol, openExtensionPage, waitFor, type FirefoxWithParasol } from './support/firefox';
import { startDemoServer, type DemoServer } from './support/demo';
import { badBackups, PASSPHRASE, PERSONAL, SAYS, SCROLL_WIDTH, seriousViolations, WORK, WRONG_PASSPHRASE } from './support/options';

let demo: DemoServer | undefined;
let firefox: FirefoxWithParasol | undefined;
let page: Page;
let files: string;

beforeAll(async () => {
  files = await mkdtemp(join(tmpdir(), 'parasol-options-'));
  demo = await startDemoServer();
  firefox = await launchFirefoxWithParasol();
  const from = await firefox.browser.newPage();
  await from.goto(demo.url('index.html'));
  page = await openExtensionPage(firefox.browser, from, 'options');
  await page.setViewport({ width: 360, height: 640 });
  await page.bringToFront();
});

afterAll(async () => {
  await firefox?.close();
  await demo?.close();
  await rm(files, { recursive: true, force: true });
});

const state = () => page.$eval('#vault-area', (area) => area.getAttribute('data-state'));
const labels = () => page.$$eval('#identities li.identity .label', (items) => items.map((item) => item.textContent));
const text = (selector: string) => page.$eval(selector, (element) => element.textContent ?? '');
const until = (what: string, probe: () => Promise<boolean>) => waitFor(what, probe, { timeoutMs: 15_000 });
const fits = async () => expect(await page.evaluate(SCROLL_WIDTH)).toBeLessThanOrEqual(360);
const clean = async () => expect(await seriousViolations(page)).toEqual([]);
const isFocused = (selector: string) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

async function tabTo(selector: string, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await isFocused(selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function pickFile(selector: string, name: string, buffer: Buffer): Promise<void> {
  const path = join(files, name);
  await writeFile(path, buffer);
  const input = (await page.$(selector)) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(path);
}

/** The page asks the background directly, as the export button does (Firefox over BiDi has no download events). */
function exportedBackup(): Promise<string> {
  return page.evaluate(async () => {
    const ext = (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<{ text: string }> } } }).browser;
    return (await ext.runtime.sendMessage({ type: 'vault/export' })).text;
  });
}

describe('Firefox ESR: the options page and the vault', () => {
  test('first run by keyboard alone: passphrase set, an identity added and saved', async () => {
    await until('the welcome', async () => (await state()) === 'new');
    expect(await text('#welcome h2')).toBe('Welcome to Parasol');
    await clean();
    await fits();
    await tabTo('input[name="welcome-passphrase"]');
    await page.keyboard.type(PASSPHRASE);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSPHRASE);
    await page.keyboard.press('Enter');
    await until('the vault to be made', async () => (await state()) === 'unlocked');

    await tabTo('#add-identity');
    await page.keyboard.press('Enter');
    await until('the label field to have focus', () => isFocused('input[name="label"]'));
    await page.keyboard.type(PERSONAL.label);
    await tabTo('textarea[name="phones"]');
    await page.keyboard.type(PERSONAL.phones);
    await tabTo('form.identity-form button.save');
    await page.keyboard.press('Enter');
    await until('the saved identity in the list', async () => JSON.stringify(await labels()) === JSON.stringify([PERSONAL.label]));
  });

  test('a work persona with a site is kept across a reload; lock, a wrong passphrase, then the right one', async () => {
    await page.click('#add-identity');
    await page.type('form.identity-form input[name="label"]', WORK.label);
    await page.click('form.identity-form input[type="radio"][value="purple"]');
    await page.type('form.identity-form textarea[name="aliases"]', WORK.aliases);
    await page.type('form.identity-form input[name="site"]', WORK.site);
    await page.click('form.identity-form button.add-site');
    await until('the site in the form', async () => (await text('form.identity-form .sites-of')).includes(WORK.site));
    await clean();
    await fits();
    await page.click('form.identity-form button.save');
    await until('both identities', async () => JSON.stringify(await labels()) === JSON.stringify([PERSONAL.label, WORK.label]));
    expect(await text('#site-map')).toContain(WORK.label);
    // Firefox has containers: the choice is offered.
    expect(await page.$('#language .containers input[type="checkbox"]')).not.toBeNull();

    await page.evaluate(() => location.reload());
    await until('both identities after a reload', async () => JSON.stringify(await labels().catch(() => [])) === JSON.stringify([PERSONAL.label, WORK.label]));
    await clean();
    await fits();

    await page.click('#lock-now');
    await until('the unlock form', async () => (await state()) === 'locked');
    await clean();
    await page.type('input[name="unlock"]', WRONG_PASSPHRASE);
    await page.click('#unlock-form button[type="submit"]');
    await until('the wrong-passphrase message', async () => (await text('#unlock-form [role="alert"]')) === SAYS.unlockWrong);
    await page.$eval('input[name="unlock"]', (input) => ((input as HTMLInputElement).value = ''));
    await page.type('input[name="unlock"]', PASSPHRASE);
    await page.click('#unlock-form button[type="submit"]');
    await until('the identities again', async () => (await labels()).length === 2);
  });

  test('backup: bad files say what is wrong and lose nothing; a good one restores', async () => {
    await page.click('#backup-export');
    await until('the export to be reported', async () => (await text('#backup [role="status"]')).startsWith('Backup saved as'));
    const good = await exportedBackup();
    for (const bad of badBackups(good)) {
      await pickFile('#backup-import-form input[type="file"]', bad.name, bad.buffer);
      await page.$eval('input[name="backup-passphrase"]', (input) => ((input as HTMLInputElement).value = ''));
      await page.type('input[name="backup-passphrase"]', PASSPHRASE);
      await page.click('#backup-import');
      await until(`the message for ${bad.name}`, async () => (await text('#backup-import-form [role="alert"]')) === bad.says);
      expect(await labels()).toEqual([PERSONAL.label, WORK.label]);
      await page.$eval('#backup-import-form [role="alert"]', (alert) => (alert.textContent = ''));
    }
    await fits();
    await clean();

    await page.click(`#identities li.identity:nth-child(2) button.delete`);
    await page.click('#identities button.confirm-delete');
    await until('one identity left', async () => (await labels()).length === 1);
    await pickFile('#backup-import-form input[type="file"]', 'good.json', Buffer.from(good));
    await page.$eval('input[name="backup-passphrase"]', (input) => ((input as HTMLInputElement).value = ''));
    await page.type('input[name="backup-passphrase"]', PASSPHRASE);
    await page.click('#backup-import');
    await until('both identities restored', async () => (await labels()).length === 2);
    expect(await text('#vault-news')).toBe(SAYS.restored);
  });

  test('quick wipe after its confirmation shows the welcome again', async () => {
    await page.click('#wipe');
    expect(await text('#security .confirm')).toContain('all your identities');
    await clean();
    await page.click('#wipe-confirm');
    await until('the welcome after the wipe', async () => (await state()) === 'new');
    expect(await text('#vault-news')).toBe(SAYS.wiped);
  });
});
