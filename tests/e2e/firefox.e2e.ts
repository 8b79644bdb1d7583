import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import {
  launchFirefox,
  launchFirefoxWithParasol,
  openExtensionPage,
  running,
  waitFor,
  type FirefoxWithParasol,
  type RunningFirefox,
} from './support/firefox';
import type { TabFindings } from '../../src/extension/messages';
import { PROFILE_EDITOR, startDemoServer, TYPED_DRAFT, TYPED_NUMBER, TYPED_PHONE, type DemoServer } from './support/demo';

let demo: DemoServer | undefined;
let firefox: FirefoxWithParasol | undefined;
/** The same Firefox without Parasol, to show what the demo page looks like untouched. */
let plain: RunningFirefox | undefined;

beforeAll(async () => {
  demo = await startDemoServer();
  // Both start together: on two cores that costs far less than one after the other.
  const [withParasol, without] = await Promise.allSettled([launchFirefoxWithParasol(), launchFirefox()]);
  if (withParasol.status === 'fulfilled') firefox = withParasol.value;
  if (without.status === 'fulfilled') plain = without.value;
  for (const result of [withParasol, without]) if (result.status === 'rejected') throw result.reason;
});

afterAll(async () => {
  await Promise.allSettled([firefox?.close(), plain?.close()]);
  await demo?.close();
});

async function openProfile(page: Page): Promise<void> {
  await page.goto(running(demo, 'The demo server').url('profile.html'));
  await page.waitForSelector(PROFILE_EDITOR);
}

/** Types the draft at the end of the Quill editor, as a person would, and waits for Quill. */
async function typeDraft(page: Page): Promise<void> {
  await page.click(PROFILE_EDITOR);
  await page.keyboard.down('Control');
  await page.keyboard.press('End');
  await page.keyboard.up('Control');
  await page.keyboard.type(TYPED_DRAFT);
  const typed = TYPED_DRAFT.trim();
  await waitFor('the typed draft in the editor', () =>
    page.$eval(PROFILE_EDITOR, (editor, text) => editor.textContent?.endsWith(text), typed),
  );
}

/** The tab the popup reports on: the hook names it in the popup's address. */
async function popupTabId(popup: Page): Promise<number> {
  return popup.evaluate(() => Number(new URL(location.href).searchParams.get('tab')));
}

/** What the background tells the extension's own pages about one tab. */
function findingsOf(popup: Page, tabId: number): Promise<TabFindings> {
  return popup.evaluate((id) => browser.runtime.sendMessage({ type: 'findings/get', tabId: id }), tabId);
}

/** The popup's list as a person reads it: one entry per finding. */
function listedFindings(popup: Page) {
  return popup.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('li.finding')].map((item) => ({
      kind: item.dataset.kind,
      value: item.querySelector('.finding-value')?.textContent,
    })),
  );
}

async function waitForListedPhone(popup: Page): Promise<void> {
  try {
    await waitFor('the popup to list the typed phone number', async () =>
      (await listedFindings(popup)).some((item) => item.kind === 'phone' && item.value === TYPED_PHONE),
    );
  } catch (error) {
    // What the popup says instead tells a content script that never ran from a finder that missed.
    const shown = await popup.evaluate(() => document.body.innerText).catch(() => '(unreadable)');
    throw new Error(`${(error as Error).message}; the popup shows: ${JSON.stringify(shown)}`);
  }
}

describe('Firefox ESR: the thin slice of job 1', () => {
  test('a phone number typed into the rich-text editor shows in the popup and on the badge', async () => {
    const { browser: ff } = running(firefox, 'Firefox with Parasol');
    const page = await ff.newPage();
    await openProfile(page);
    await typeDraft(page);

    const popup = await openExtensionPage(ff, page, 'popup');
    const tabId = await popupTabId(popup);
    expect(tabId).toBeGreaterThanOrEqual(0);
    // The popup may open before the content script's debounce ends; it updates itself then.
    await waitForListedPhone(popup);
    expect(await listedFindings(popup)).toEqual([{ kind: 'phone', value: TYPED_PHONE }]);
    expect(await popup.$eval('.findings h2', (heading) => heading.textContent)).toBe('In “About me”');

    const reply = await findingsOf(popup, tabId);
    expect(reply.watching).toBe(true);
    const findings = Object.values(reply.fields).flatMap((field) => field.findings);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: 'phone', normalized: TYPED_NUMBER });

    await expect
      .poll(() => popup.evaluate((id) => browser.action.getBadgeText({ tabId: id }), tabId), {
        timeout: 5_000,
        message: 'badge text of the demo tab',
      })
      .toBe('1');
    await popup.close();
    await page.close();
  });

  test('the options page renders in English with the list of countries', async () => {
    const { browser: ff } = running(firefox, 'Firefox with Parasol');
    const page = await ff.newPage();
    await page.goto(running(demo, 'The demo server').url('index.html'));
    const options = await openExtensionPage(ff, page, 'options');

    const countries = await waitFor('the country list on the options page', async () => {
      const count = await options.$$eval('select#country option', (items) => items.length);
      return count > 200 && count;
    });
    expect(countries).toBeGreaterThan(200);
    expect(await options.$eval('h1', (heading) => heading.textContent?.trim())).toBe('Parasol settings');
    // The UI locale (en-US) reaches the extension: its automatic choice is the United States.
    expect(await options.$eval('select#country option', (first) => first.textContent)).toContain(
      'United States',
    );
    await options.close();
    await page.close();
  });

  test('the page learns nothing: its HTML is the same as in Firefox without Parasol', async () => {
    const { browser: ff } = running(firefox, 'Firefox with Parasol');
    const { browser: control } = running(plain, 'Firefox without Parasol');

    const page = await ff.newPage();
    await openProfile(page);
    // The popup opens first and follows the typing, so the demo tab keeps focus throughout,
    // exactly as in the control browser.
    const popup = await openExtensionPage(ff, page, 'popup');
    await page.bringToFront();
    await typeDraft(page);
    await waitForListedPhone(popup);
    const htmlWith = await page.evaluate(() => document.documentElement.outerHTML);

    const controlPage = await control.newPage();
    await openProfile(controlPage);
    await typeDraft(controlPage);
    const htmlWithout = await controlPage.evaluate(() => document.documentElement.outerHTML);

    expect(htmlWith).toContain(TYPED_PHONE);
    expect(htmlWith).not.toMatch(/parasol/i);
    expect(htmlWith).toBe(htmlWithout);
    await Promise.all([popup.close(), page.close(), controlPage.close()]);
  });
});
