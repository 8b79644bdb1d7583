import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { launchChromiumWithParasol, type ChromiumWithParasol } from './support/chromium';
import { demoListBlock, demoListSecret, DEMO_LIST_FILE } from './support/demo-list';
import { PASSPHRASE } from './support/identities';
import { heldListsOnOptionsPage, importListOnOptionsPage, setPassphraseOnOptionsPage, type DriverPage } from './support/options-driver';
import { ROOT } from './support/paths';

let browser: ChromiumWithParasol;

beforeAll(async () => {
  browser = await launchChromiumWithParasol();
});

afterAll(async () => {
  await browser?.close();
});

describe('Chromium: warning lists on the options page', () => {
  test('the demo list imports from its file and from its pasted block; bad files and a wrong code are refused in plain words', async () => {
    const page = await browser.openExtensionPage('options.html', { width: 360, height: 800 });
    const options = page as unknown as DriverPage;
    await setPassphraseOnOptionsPage(options, PASSPHRASE);

    // A picture, and a wrong code: refused, nothing held.
    await page.locator('#list-import-form input[type="file"]').setInputFiles({ name: 'list.parasol', mimeType: 'application/octet-stream', buffer: readFileSync(`${ROOT}public/icon/48.png`) });
    expect(await importListOnOptionsPage(options, demoListSecret())).toMatch(/^This is not a Parasol warning list\. Nothing you had was changed\.$/);
    await page.locator('#list-import-form input[type="file"]').setInputFiles(DEMO_LIST_FILE);
    expect(await importListOnOptionsPage(options, 'PSL1-WRONG-CODE')).toBe('That code or passphrase does not open this list. Nothing you had was changed.');
    expect(await heldListsOnOptionsPage(options)).toEqual([]);

    await page.locator('#list-import-form input[type="file"]').setInputFiles(DEMO_LIST_FILE);
    expect(await importListOnOptionsPage(options, demoListSecret())).toMatch(/^The list “.+” is added\./);
    await expect.poll(() => heldListsOnOptionsPage(options)).toHaveLength(1);
    // The publisher's words are shown, to compare with the publisher.
    expect(await page.locator('li.held-list .words').innerText()).toMatch(/^(\S+ ){7}\S+$/);

    // The same list again, pasted as it came in a messenger, with quote marks: taken, still one list.
    const quoted = demoListBlock().split('\n').map((line) => `> ${line}`).join('\n');
    expect(await importListOnOptionsPage(options, demoListSecret(), `Here it is:\n${quoted}\nStay safe x`)).toMatch(/is added/);
    await expect.poll(() => heldListsOnOptionsPage(options)).toHaveLength(1);
    await page.close();
  });
});
