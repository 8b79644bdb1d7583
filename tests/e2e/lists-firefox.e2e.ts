import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { startDemoServer, type DemoServer } from './support/demo';
import { demoListBlock, demoListSecret, DEMO_LIST_FILE } from './support/demo-list';
import { launchFirefoxWithParasol, openExtensionPage, running, type FirefoxWithParasol } from './support/firefox';
import { PASSPHRASE } from './support/identities';
import { heldListsOnOptionsPage, importListOnOptionsPage, setPassphraseOnOptionsPage, type DriverPage } from './support/options-driver';
import { ROOT } from './support/paths';

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

async function choose(page: Page, path: string): Promise<void> {
  const input = (await page.$('#list-import-form input[type="file"]')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(path);
}

describe('Firefox ESR: warning lists on the options page', () => {
  test('the demo list imports from its file and from its pasted block; a picture and a wrong code are refused in plain words', async () => {
    const { browser: ff } = running(firefox, 'Firefox with Parasol');
    const from = await ff.newPage();
    await from.goto(running(demo, 'The demo server').url('inbox.html'));
    const page = await openExtensionPage(ff, from, 'options');
    const options = page as unknown as DriverPage;
    await setPassphraseOnOptionsPage(options, PASSPHRASE);

    await choose(page, `${ROOT}public/icon/48.png`);
    expect(await importListOnOptionsPage(options, demoListSecret())).toBe('This is not a Parasol warning list. Nothing you had was changed.');
    await choose(page, DEMO_LIST_FILE);
    expect(await importListOnOptionsPage(options, 'PSL1-WRONG-CODE')).toBe('That code or passphrase does not open this list. Nothing you had was changed.');
    expect(await heldListsOnOptionsPage(options)).toEqual([]);

    await choose(page, DEMO_LIST_FILE);
    expect(await importListOnOptionsPage(options, demoListSecret())).toMatch(/^The list “.+” is added\./);
    expect(await heldListsOnOptionsPage(options)).toHaveLength(1);

    const quoted = demoListBlock().split('\n').map((line) => `> ${line}`).join('\n');
    expect(await importListOnOptionsPage(options, demoListSecret(), `Here it is:\n${quoted}\nStay safe x`)).toMatch(/is added/);
    expect(await heldListsOnOptionsPage(options)).toHaveLength(1);
    await Promise.all([page.close(), from.close()]);
  });
});
