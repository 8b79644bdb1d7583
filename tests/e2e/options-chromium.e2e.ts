import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromiumWithParasol, type ChromiumWithParasol } from './support/chromium';
import { badBackups, PASSPHRASE, PERSONAL, SAYS, SCROLL_WIDTH, seriousViolations, WORK, WRONG_PASSPHRASE } from './support/options';

let browser: ChromiumWithParasol;
let page: Page;

beforeAll(async () => {
  browser = await launchChromiumWithParasol();
  page = await browser.openExtensionPage('options.html');
});

afterAll(async () => {
  await browser?.close();
});

const state = () => page.locator('#vault-area').getAttribute('data-state');
const labels = () => page.locator('#identities li.identity .label').allTextContents();
const fits = async () => expect(await page.evaluate(SCROLL_WIDTH)).toBeLessThanOrEqual(360);
const clean = async () => expect(await seriousViolations(page)).toEqual([]);
const focused = () => page.evaluate(() => {
  const element = document.activeElement as HTMLElement | null;
  return `${element?.localName}.${element?.className}#${element?.id}:${element?.textContent?.trim().slice(0, 40)}`;
});

/** Presses Tab until the focused element matches `selector` (a person tabbing through the form). */
async function tabTo(selector: string, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}; focus is on ${await focused()}`);
}

describe('Chromium: the options page and the vault', () => {
  test('first run by keyboard alone: the welcome sets the passphrase, an identity is added and saved', async () => {
    await expect.poll(state, { timeout: 10_000 }).toBe('new');
    expect(await page.locator('#welcome h2').textContent()).toBe('Welcome to Parasol');
    expect(await page.locator('#welcome').innerText()).toContain('Everything stays on this device');
    await clean();
    await fits();

    // The welcome's heading has focus: Tab goes to the passphrase.
    await page.keyboard.press('Tab');
    await page.keyboard.type('short');
    await page.keyboard.press('Tab');
    await page.keyboard.type('short');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#welcome-form [role="alert"]').textContent()).toBe(SAYS.tooShort);

    // The too-short passphrase is focused again: select it and type a good one.
    await page.keyboard.press('Control+A');
    await page.keyboard.type(PASSPHRASE);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(`${PASSPHRASE}!`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#welcome-form [role="alert"]').textContent()).toBe(SAYS.mismatch);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(PASSPHRASE);
    await tabTo('#welcome-form button[type="submit"]');
    await page.keyboard.press('Space');
    await expect.poll(state, { timeout: 15_000 }).toBe('unlocked');

    await tabTo('#add-identity');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toMatch(/^input\./);
    await page.keyboard.type(PERSONAL.label);
    // Kind, colour and icon are radio groups: one Tab stop each, arrows to choose.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight'); // colour: blue → turquoise
    await tabTo('textarea[name="names"]');
    await page.keyboard.type(PERSONAL.names);
    await tabTo('textarea[name="phones"]');
    await page.keyboard.type(PERSONAL.phones);
    await tabTo('form.identity-form button.save');
    await page.keyboard.press('Enter');
    await expect.poll(labels, { timeout: 10_000 }).toEqual([PERSONAL.label]);
    await expect.poll(() => page.locator('#identities [role="status"]').textContent()).toBe(`“${PERSONAL.label}” is saved.`);
  });

  test('quick wipe: one click, a step that names what is lost, then the welcome again', async () => {
    const wipe = page.locator('#wipe');
    await wipe.scrollIntoViewIfNeeded();
    await clean();
    await wipe.click();
    const question = page.locator('#security .confirm');
    expect(await question.innerText()).toContain('all your identities');
    expect(await labels()).toEqual([PERSONAL.label]); // nothing happened yet
    await clean();
    await fits();
    await page.locator('#wipe-confirm').click();
    await expect.poll(state, { timeout: 10_000 }).toBe('new');
    expect(await page.locator('#vault-news').textContent()).toBe(SAYS.wiped);
    expect(await page.locator('#welcome h2').isVisible()).toBe(true);
  });

  test('two identities are kept across a reload; lock now asks for the passphrase; a wrong one says so', async () => {
    await page.fill('input[name="welcome-passphrase"]', PASSPHRASE);
    await page.fill('input[name="welcome-again"]', PASSPHRASE);
    await page.click('#welcome-form button[type="submit"]');
    await expect.poll(state, { timeout: 15_000 }).toBe('unlocked');

    await page.click('#add-identity');
    await page.fill('form.identity-form input[name="label"]', PERSONAL.label);
    await page.fill('form.identity-form textarea[name="phones"]', PERSONAL.phones);
    await page.click('form.identity-form button.save');
    await expect.poll(labels).toEqual([PERSONAL.label]);

    await page.click('#add-identity');
    const form = page.locator('form.identity-form');
    // One personal identity at most: the second can only be a work persona.
    expect(await form.getByRole('radio', { name: 'Personal' }).isDisabled()).toBe(true);
    expect(await form.getByRole('radio', { name: 'Work persona' }).isChecked()).toBe(true);
    await form.locator('input[name="label"]').fill(WORK.label);
    await form.getByRole('radio', { name: 'Purple' }).check();
    await form.getByRole('radio', { name: 'Money' }).check();
    await form.locator('textarea[name="aliases"]').fill(WORK.aliases);
    await form.locator('input[name="site"]').fill('not a site!');
    await form.locator('button.add-site').click();
    expect(await form.locator('.sites-editor [role="alert"]').textContent()).toContain('does not look like a site address');
    // A pasted address keeps only its host; the demo site is built in, so no permission is asked.
    await form.locator('input[name="site"]').fill(`http://${WORK.site}/parasol-demo/profile.html`);
    await form.locator('button.add-site').click();
    await expect.poll(() => form.locator('.sites-of li .site').allTextContents()).toEqual([WORK.site]);
    expect(await form.locator('.sites-editor [role="status"]').textContent()).toContain('Parasol already checks it on its own');
    await clean();
    await fits();
    await form.locator('button.save').click();
    await expect.poll(labels).toEqual([PERSONAL.label, WORK.label]);
    const overview = page.locator('#site-map li');
    expect(await overview.count()).toBe(1);
    expect(await overview.innerText()).toContain(WORK.label);

    await page.reload();
    await expect.poll(state, { timeout: 10_000 }).toBe('unlocked');
    await expect.poll(labels).toEqual([PERSONAL.label, WORK.label]);
    await page.getByRole('button', { name: `Edit ${WORK.label}` }).click();
    expect(await page.locator('form.identity-form textarea[name="aliases"]').inputValue()).toBe(WORK.aliases);
    expect(await page.locator('form.identity-form').getByRole('radio', { name: 'Purple' }).isChecked()).toBe(true);
    await page.click('form.identity-form button.cancel');
    await clean();
    await fits();

    await page.click('#lock-now');
    await expect.poll(state, { timeout: 10_000 }).toBe('locked');
    expect(await page.locator('#unlock h2').textContent()).toBe('Parasol is locked');
    expect(await labels()).toEqual([]);
    await clean();
    await fits();
    await page.fill('input[name="unlock"]', WRONG_PASSPHRASE);
    await page.click('#unlock-form button[type="submit"]');
    await expect.poll(() => page.locator('#unlock-form [role="alert"]').textContent(), { timeout: 10_000 }).toBe(SAYS.unlockWrong);
    expect(await state()).toBe('locked');
    await page.fill('input[name="unlock"]', PASSPHRASE);
    await page.click('#unlock-form button[type="submit"]');
    await expect.poll(state, { timeout: 10_000 }).toBe('unlocked');
    await expect.poll(labels).toEqual([PERSONAL.label, WORK.label]);
  });

  test('a lock from elsewhere shows the unlock form when the page is looked at again', async () => {
    const other = await browser.openExtensionPage('options.html');
    await expect.poll(() => other.locator('#vault-area').getAttribute('data-state'), { timeout: 10_000 }).toBe('unlocked');
    await other.click('#lock-now');
    await other.close();
    await page.bringToFront();
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect.poll(state, { timeout: 10_000 }).toBe('locked');
    await page.fill('input[name="unlock"]', PASSPHRASE);
    await page.click('#unlock-form button[type="submit"]');
    await expect.poll(state, { timeout: 10_000 }).toBe('unlocked');
  });

  test('change of passphrase: a wrong old one says so; then only the new one opens, and every identity is kept', async () => {
    const NEW = 'a brand new passphrase, longer';
    const change = page.locator('#change-passphrase');
    await change.locator('input[name="old-passphrase"]').fill(WRONG_PASSPHRASE);
    await change.locator('input[name="change-passphrase"]').fill(NEW);
    await change.locator('input[name="change-again"]').fill(NEW);
    await change.locator('button[type="submit"]').click();
    await expect.poll(() => change.locator('[role="alert"]').textContent(), { timeout: 15_000 }).toBe(SAYS.oldPassphraseWrong);
    await change.locator('input[name="old-passphrase"]').fill(PASSPHRASE);
    await change.locator('button[type="submit"]').click();
    await expect.poll(() => change.locator('[role="status"]').textContent(), { timeout: 20_000 }).toBe(SAYS.passphraseChanged);
    // The fields are emptied: nothing of either passphrase stays on the page.
    expect(await change.locator('input[type="password"]').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).toEqual(['', '', '']);

    await page.click('#lock-now');
    await expect.poll(state, { timeout: 10_000 }).toBe('locked');
    await page.fill('input[name="unlock"]', PASSPHRASE);
    await page.click('#unlock-form button[type="submit"]');
    await expect.poll(() => page.locator('#unlock-form [role="alert"]').textContent(), { timeout: 10_000 }).toBe(SAYS.unlockWrong);
    await page.fill('input[name="unlock"]', NEW);
    await page.click('#unlock-form button[type="submit"]');
    await expect.poll(state, { timeout: 10_000 }).toBe('unlocked');
    await expect.poll(labels).toEqual([PERSONAL.label, WORK.label]);

    // Back to the first passphrase, for the tests after this one.
    await change.locator('input[name="old-passphrase"]').fill(NEW);
    await change.locator('input[name="change-passphrase"]').fill(PASSPHRASE);
    await change.locator('input[name="change-again"]').fill(PASSPHRASE);
    await change.locator('button[type="submit"]').click();
    await expect.poll(() => change.locator('[role="status"]').textContent(), { timeout: 20_000 }).toBe(SAYS.passphraseChanged);
  });

  test('backup: bad files each say what is wrong and lose nothing; a good one restores', async () => {
    const downloading = page.waitForEvent('download');
    await page.click('#backup-export');
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^parasol-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const good = await readFile((await download.path())!, 'utf8');
    expect(good).not.toContain(PERSONAL.phones); // sealed
    await expect.poll(() => page.locator('#backup [role="status"]').first().textContent()).toContain('Backup saved as');

    const message = page.locator('#backup-import-form [role="alert"]');
    for (const bad of badBackups(good)) {
      await page.setInputFiles('#backup-import-form input[type="file"]', bad);
      await page.fill('input[name="backup-passphrase"]', PASSPHRASE);
      await page.click('#backup-import');
      await expect.poll(() => message.textContent(), { timeout: 10_000, message: bad.name }).toBe(bad.says);
      expect(await labels()).toEqual([PERSONAL.label, WORK.label]);
      await page.evaluate(() => (document.querySelector('#backup-import-form [role="alert"]')!.textContent = ''));
    }
    await page.setInputFiles('#backup-import-form input[type="file"]', { name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(good) });
    await page.fill('input[name="backup-passphrase"]', WRONG_PASSPHRASE);
    await page.click('#backup-import');
    await expect.poll(() => message.textContent(), { timeout: 10_000 }).toBe(SAYS.wrongBackupPassphrase);
    await fits();
    await clean();

    // Delete the work persona (with its confirmation), then bring it back from the backup.
    await page.getByRole('button', { name: `Delete ${WORK.label}` }).click();
    expect(await page.locator('#identities .confirm').innerText()).toContain(`Delete “${WORK.label}”`);
    await page.click('#identities button.confirm-delete');
    await expect.poll(labels).toEqual([PERSONAL.label]);
    expect(await page.locator('#site-map li').count()).toBe(0);

    await page.setInputFiles('#backup-import-form input[type="file"]', { name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(good) });
    await page.fill('input[name="backup-passphrase"]', PASSPHRASE);
    await page.click('#backup-import');
    await expect.poll(labels, { timeout: 10_000 }).toEqual([PERSONAL.label, WORK.label]);
    expect(await page.locator('#vault-news').textContent()).toBe(SAYS.restored);
  });

  test('the country and hint sections still work beside the vault', async () => {
    expect(await page.locator('#country option').count()).toBeGreaterThan(200);
    expect(await page.locator('#hint-sites input[type="checkbox"]').count()).toBeGreaterThan(10);
    expect(await page.locator('#language select option').allTextContents()).toEqual(['Same as the browser', 'English', 'Español', 'Русский', '简体中文']);
    // Chromium has no containers.
    expect(await page.locator('#language .containers').count()).toBe(0);
  });
});
