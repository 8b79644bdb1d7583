import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromiumWithParasol, typeIntoProfile, type ChromiumWithParasol } from './support/chromium';
import { startDemoServer, type DemoServer } from './support/demo';
import { halvedCopy } from './support/identities';
import { FACE_PHOTO, photosListed } from './support/photos';
import { readFileSync } from 'node:fs';
import { NEVER_IN_PAGE, PASSPHRASE, PERSONAL, SPACED_PERSONAL, WORDS_PERSONAL, WORK } from './support/identities';
import {
  addIdentityOnOptionsPage,
  lockOnOptionsPage,
  makeDatabase,
  setPassphraseOnOptionsPage,
  storedByParasol,
  unlockOnOptionsPage,
  wipeOnOptionsPage,
  type DriverPage,
} from './support/options-driver';

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

function listed(view: Page) {
  return view.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('li.finding')].map((item) => ({
      kind: item.dataset.kind,
      reason: item.querySelector('.finding-reason')?.textContent ?? '',
    })),
  );
}

/** The page's whole HTML, its frames' too: nothing of the identities may be in it. */
async function pageHtml(page: Page): Promise<string> {
  const frames = await Promise.all(page.frames().map((frame) => frame.content().catch(() => '')));
  return frames.join('\n');
}

async function expectNothingOfIdentitiesIn(page: Page): Promise<void> {
  const html = await pageHtml(page);
  for (const secret of NEVER_IN_PAGE) expect(html).not.toContain(secret);
}

describe('Chromium: identities keep work and personal apart', () => {
  test('the personal number typed on the work persona\'s site is "your personal number"; locked, only a phone number', async () => {
    const optionsPage = await browser.openExtensionPage('options.html', { width: 360, height: 800 });
    const options = optionsPage as unknown as DriverPage;
    await setPassphraseOnOptionsPage(options, PASSPHRASE);
    await addIdentityOnOptionsPage(options, { kind: 'personal', ...PERSONAL });
    await addIdentityOnOptionsPage(options, { kind: 'work', ...WORK });

    const page = await browser.context.newPage();
    await page.bringToFront();
    await typeIntoProfile(page, demo.url('profile.html'), SPACED_PERSONAL);
    const tabId = await browser.tabIdOf(page);
    await expect.poll(() => browser.badgeText(tabId), { timeout: 10_000 }).toBe('1');
    await expectNothingOfIdentitiesIn(page);

    const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
    await expect.poll(() => listed(popup), { timeout: 10_000 }).toEqual([{ kind: 'identity', reason: 'This is your personal number.' }]);
    await expect.poll(() => popup.locator('#site-identity').innerText()).toContain('Lola');

    // In words too.
    await page.bringToFront();
    await page.keyboard.type(WORDS_PERSONAL);
    await expect.poll(() => browser.badgeText(tabId), { timeout: 10_000 }).toBe('2');
    await expect.poll(() => listed(popup), { timeout: 10_000 }).toEqual([
      { kind: 'identity', reason: 'This is your personal number.' },
      { kind: 'identity', reason: 'This is your personal number.' },
    ]);
    await expectNothingOfIdentitiesIn(page);

    // Locked: the same text is only a phone number, twice, and the popup asks to unlock.
    await lockOnOptionsPage(options);
    await expect.poll(() => listed(popup).then((items) => items.map((item) => item.kind)), { timeout: 10_000 }).toEqual(['phone', 'phone']);
    await expect.poll(() => popup.locator('#site-identity').innerText()).toContain('Unlock');
    expect(await popup.locator('#site-identity').innerText()).not.toContain('Lola');
    await expectNothingOfIdentitiesIn(page);
    await Promise.all([popup.close(), page.close(), optionsPage.close()]);
  });

  test('a personal photo, halved and saved again, picked on the work persona\'s site is "one of your personal photos"', async () => {
    const optionsPage = await browser.openExtensionPage('options.html', { width: 360, height: 800 });
    const options = optionsPage as unknown as DriverPage;
    await unlockOnOptionsPage(options, PASSPHRASE);
    // The personal identity gets the original photo (only its hash and a blurred 32-pixel copy are kept).
    await optionsPage.locator('li.identity', { hasText: PERSONAL.label }).locator('button.edit').click();
    await optionsPage.locator('.identity-form input[type="file"]').setInputFiles({ name: 'me.jpg', mimeType: 'image/jpeg', buffer: readFileSync(FACE_PHOTO) });
    await expect.poll(() => optionsPage.locator('.identity-form .photos-of img').count(), { timeout: 10_000 }).toBe(1);
    await optionsPage.locator('.identity-form button.save').click();
    await expect.poll(() => optionsPage.locator('.identity-form').count()).toBe(0);

    const page = await browser.context.newPage();
    await page.goto(demo.url('profile.html'));
    const tabId = await browser.tabIdOf(page);
    const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
    await page.bringToFront();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#avatar-button')]);
    await chooser.setFiles({ name: 'profile-picture.jpg', mimeType: 'image/jpeg', buffer: halvedCopy(FACE_PHOTO) });
    const listed = async () => (await popup.evaluate(photosListed)).find((photo) => photo.name === 'profile-picture.jpg');
    await expect.poll(async () => (await listed())?.state, { timeout: 20_000 }).toBe('waiting');
    const photo = (await listed())!;
    expect(photo.kinds).toContain('identity');
    expect(photo.text).toContain('This is one of your personal photos.');
    await expectNothingOfIdentitiesIn(page);
    await lockOnOptionsPage(options);
    await Promise.all([popup.close(), page.close(), optionsPage.close()]);
  });

  test('a quick wipe leaves nothing of Parasol in storage.local, storage.session or IndexedDB', async () => {
    const optionsPage = await browser.openExtensionPage('options.html', { width: 360, height: 800 });
    const options = optionsPage as unknown as DriverPage;
    await unlockOnOptionsPage(options, PASSPHRASE);
    await makeDatabase(options, 'parasol-cache');
    const before = await storedByParasol(options);
    expect(before.local).toContain('vault');
    expect(before.session).toContain('vaultKey');
    expect(before.databases).toContain('parasol-cache');

    await wipeOnOptionsPage(options);
    expect(await storedByParasol(options)).toEqual({ local: [], session: [], databases: [] });
    await optionsPage.close();
  });
});
