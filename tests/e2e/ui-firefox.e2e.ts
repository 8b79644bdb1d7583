import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefoxWithParasol, openExtensionPage, waitFor, type FirefoxWithParasol, running, typeAtEnd } from './support/firefox';
import { PROFILE_EDITOR, startDemoServer, TYPED_DRAFT, TYPED_PHONE, type DemoServer } from './support/demo';


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

async function profileWithNumber(): Promise<Page> {
  const page = await running(firefox, 'Firefox with Parasol').browser.newPage();
  await page.goto(running(demo, 'The demo server').url('profile.html'));
  await page.waitForSelector(PROFILE_EDITOR);
  await typeAtEnd(page, TYPED_DRAFT);
  return page;
}

function listed(view: Page) {
  return view.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('li.finding')].map((item) => ({
      kind: item.dataset.kind,
      value: item.querySelector('.finding-value')?.textContent,
      fixes: [...item.querySelectorAll<HTMLButtonElement>('button.fix')].map((b) => b.dataset.action),
    })),
  );
}

const PHONE_LISTED = [{ kind: 'phone', value: TYPED_PHONE, fixes: ['remove'] }];

async function waitForPhone(view: Page): Promise<void> {
  await waitFor('the typed phone number in the list', async () =>
    JSON.stringify(await listed(view)) === JSON.stringify(PHONE_LISTED),
  );
}

/** Elements the page has beyond its own head and body: what Parasol added, if anything. */
function addedToPage(page: Page) {
  return page.evaluate(() =>
    [...document.documentElement.children]
      .filter((element) => element !== document.head && element !== document.body)
      .map((host) => ({
        attributes: host.getAttributeNames(),
        openRoot: host.shadowRoot !== null,
        html: host.outerHTML,
        width: host.getBoundingClientRect().width,
      })),
  );
}

describe('Firefox ESR: findings where the person looks', () => {
  test('"Remove it from the draft" in the popup takes the number out of the Quill editor', async () => {
    const { browser: ff } = running(firefox, 'Firefox with Parasol');
    const page = await profileWithNumber();
    const popup = await openExtensionPage(ff, page, 'popup');
    await waitForPhone(popup);
    expect(await popup.$eval('button.fix[data-action="remove"]', (b) => b.getAttribute('aria-label'))).toBe(
      `Remove it from the draft: “${TYPED_PHONE}”`,
    );
    await popup.click('li.finding[data-kind="phone"] button.fix[data-action="remove"]');
    await waitFor('the number to leave the editor', async () =>
      !(await page.$eval(PROFILE_EDITOR, (editor) => editor.textContent ?? '')).includes(TYPED_PHONE),
    );
    expect(await page.$eval(PROFILE_EDITOR, (editor) => editor.textContent)).toContain('call me');
    await waitFor('the outcome in words', async () =>
      (await popup.$eval('#fix-status', (s) => s.textContent)) === 'Done: it is removed from the draft.',
    );
    await waitFor('an empty list', async () => (await listed(popup)).length === 0);
    await Promise.all([popup.close(), page.close()]);
  });

  test('the sidebar page for a tab lists the same findings as the popup, at 360 px', async () => {
    const { browser: ff } = running(firefox, 'Firefox with Parasol');
    const page = await profileWithNumber();
    const popup = await openExtensionPage(ff, page, 'popup');
    const panel = await openExtensionPage(ff, page, 'sidepanel');
    await Promise.all([waitForPhone(popup), waitForPhone(panel)]);
    await panel.setViewport({ width: 360, height: 640 });
    expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // Firefox has a sidebar, so the popup offers it.
    expect(await popup.$eval('#open-side-panel', (b) => (b as HTMLElement).hidden)).toBe(false);
    await Promise.all([panel.close(), popup.close(), page.close()]);
  });

  test('hints: nothing added while off; with the site on, a mark in a closed shadow root', async () => {
    const { browser: ff } = running(firefox, 'Firefox with Parasol');
    const page = await profileWithNumber();
    const popup = await openExtensionPage(ff, page, 'popup');
    await waitForPhone(popup);
    expect(await addedToPage(page)).toEqual([]);

    await waitFor('the hints switch', () => popup.$eval('#hints-here', (row) => !(row as HTMLElement).hidden));
    await popup.click('#hints-toggle');
    await waitFor('the switch to be on', () => popup.$eval('#hints-toggle', (box) => (box as HTMLInputElement).checked));
    await page.bringToFront();
    await typeAtEnd(page, ' or 555 987 6543');
    const [mark] = await waitFor('a mark beside the field', async () => {
      const added = await addedToPage(page);
      return added.length === 1 && added;
    });
    expect(mark!.openRoot).toBe(false);
    expect(mark!.attributes).toEqual(['style']);
    expect(mark!.html).not.toMatch(/555|phone|parasol|risk/i);
    expect(mark!.width).toBeGreaterThan(10);
    expect(await page.evaluate(() => document.body.innerText)).not.toMatch(/parasol|could identify/i);

    // Back off, so the mark goes with the next change.
    await popup.click('#hints-toggle');
    await waitFor('the switch to be off', () => popup.$eval('#hints-toggle', (box) => !(box as HTMLInputElement).checked));
    await page.bringToFront();
    await typeAtEnd(page, ' bye');
    await waitFor('the mark to go', async () => (await addedToPage(page)).length === 0);
    await Promise.all([popup.close(), page.close()]);
  });
});
