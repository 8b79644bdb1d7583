import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefoxWithParasol, openExtensionPage, waitFor, type FirefoxWithParasol, running, typeAtEnd } from './support/firefox';
import { PROFILE_EDITOR, startDemoServer, type DemoServer } from './support/demo';
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

let demo: DemoServer | undefined;
let firefox: FirefoxWithParasol | undefined;

beforeAll(async () => {
  demo = await startDemoServer();
  firefox = await launchFirefoxWithParasol();
});

afterAll(async () => {
  await firefox?.close();
  await demo?.close();
});

function listed(view: Page) {
  return view.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('li.finding')].map((item) => `${item.dataset.kind}: ${item.querySelector('.finding-reason')?.textContent ?? ''}`),
  );
}

async function expectNothingOfIdentitiesIn(page: Page): Promise<void> {
  const html = (await Promise.all(page.frames().map((frame) => frame.content().catch(() => '')))).join('\n');
  for (const secret of NEVER_IN_PAGE) expect(html).not.toContain(secret);
}

const PERSONAL_NUMBER = 'identity: This is your personal number.';

describe('Firefox ESR: identities keep work and personal apart', () => {
  test('the personal number typed on the work persona\'s site is "your personal number"; locked, only a phone number', async () => {
    const { browser: ff } = running(firefox, 'Firefox with Parasol');
    const page = await ff.newPage();
    await page.goto(running(demo, 'The demo server').url('profile.html'));
    await page.waitForSelector(PROFILE_EDITOR);

    const options = await openExtensionPage(ff, page, 'options');
    await options.setViewport({ width: 360, height: 800 });
    const driver = options as unknown as DriverPage;
    await setPassphraseOnOptionsPage(driver, PASSPHRASE);
    await addIdentityOnOptionsPage(driver, { kind: 'personal', ...PERSONAL });
    await addIdentityOnOptionsPage(driver, { kind: 'work', ...WORK });

    await typeAtEnd(page, SPACED_PERSONAL);
    const popup = await openExtensionPage(ff, page, 'popup');
    await waitFor('the personal number in the popup', async () => JSON.stringify(await listed(popup)) === JSON.stringify([PERSONAL_NUMBER]));
    await waitFor('the work persona named in the popup', async () => (await popup.$eval('#site-identity', (e) => e.textContent ?? '')).includes('Lola'));
    await expectNothingOfIdentitiesIn(page);

    await typeAtEnd(page, WORDS_PERSONAL);
    await waitFor('both numbers in the popup', async () => JSON.stringify(await listed(popup)) === JSON.stringify([PERSONAL_NUMBER, PERSONAL_NUMBER]));
    await expectNothingOfIdentitiesIn(page);

    await options.bringToFront();
    await lockOnOptionsPage(driver);
    await waitFor('only phone numbers once locked', async () => (await listed(popup)).every((item) => item.startsWith('phone:')) && (await listed(popup)).length === 2);
    await waitFor('the popup to ask to unlock', async () => (await popup.$eval('#site-identity', (e) => e.textContent ?? '')).includes('Unlock'));
    expect(await popup.$eval('#site-identity', (e) => e.textContent ?? '')).not.toContain('Lola');
    await expectNothingOfIdentitiesIn(page);
    await Promise.all([popup.close(), options.close(), page.close()]);
  });

  test('a quick wipe leaves nothing of Parasol in storage.local, storage.session or IndexedDB', async () => {
    const { browser: ff } = running(firefox, 'Firefox with Parasol');
    const page = await ff.newPage();
    await page.goto(running(demo, 'The demo server').url('profile.html'));
    const options = await openExtensionPage(ff, page, 'options');
    const driver = options as unknown as DriverPage;
    await unlockOnOptionsPage(driver, PASSPHRASE);
    await makeDatabase(driver, 'parasol-cache');
    const before = await storedByParasol(driver);
    expect(before.local).toContain('vault');
    expect(before.session).toContain('vaultKey');
    expect(before.databases).toContain('parasol-cache');

    await wipeOnOptionsPage(driver);
    expect(await storedByParasol(driver)).toEqual({ local: [], session: [], databases: [] });
    await Promise.all([options.close(), page.close()]);
  });
});
