import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromiumWithParasol, typeIntoProfile, type ChromiumWithParasol } from './support/chromium';
import { PROFILE_EDITOR, startDemoServer, TYPED_DRAFT, TYPED_PHONE, type DemoServer } from './support/demo';


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

/** The demo profile with the thin slice's draft typed into its Quill editor, once Parasol counted it. */
async function profileWithNumber(): Promise<{ page: Page; tabId: number }> {
  const page = await browser.context.newPage();
  // Typing goes to the focused tab's editor; an extension page left in front would take it.
  await page.bringToFront();
  await typeIntoProfile(page, demo.url('profile.html'));
  const tabId = await browser.tabIdOf(page);
  await expect.poll(() => browser.badgeText(tabId), { timeout: 10_000 }).toBe('1');
  return { page, tabId };
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

const noSideScroll = (view: Page) => view.evaluate(() => document.documentElement.scrollWidth);

describe('Chromium: fixing a finding from the popup', () => {
  test('"Remove it from the draft" takes the number out of the Quill editor, and says so', async () => {
    const { page, tabId } = await profileWithNumber();
    const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
    const remove = popup.locator('li.finding[data-kind="phone"] button.fix[data-action="remove"]');
    await expect.poll(() => remove.count(), { timeout: 10_000 }).toBe(1);
    expect(await remove.textContent()).toBe('Remove it from the draft');
    // A screen reader hears what goes.
    expect(await remove.getAttribute('aria-label')).toBe(`Remove it from the draft: “${TYPED_PHONE}”`);
    expect(await noSideScroll(popup)).toBeLessThanOrEqual(360);
    // Nothing changes without the click.
    expect(await page.locator(PROFILE_EDITOR).innerText()).toContain(TYPED_PHONE);

    // By keyboard, as a person who does not use a mouse would.
    await remove.focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => page.locator(PROFILE_EDITOR).innerText(), { timeout: 10_000 }).not.toContain(TYPED_PHONE);
    const text = await page.locator(PROFILE_EDITOR).innerText();
    expect(text).toContain('Sweet, curious and always on time.');
    expect(text).toContain(TYPED_DRAFT.replace(TYPED_PHONE, '').trim());
    await expect.poll(() => popup.locator('#fix-status').textContent()).toBe('Done: it is removed from the draft.');
    await expect.poll(() => listed(popup), { timeout: 10_000 }).toEqual([]);
    expect(await browser.badgeText(tabId)).toBe('');
    // Focus is not lost in a list that was drawn again: it lands on what is left to read.
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('summary');
    await popup.close();
    await page.close();
  });
});

describe('Chromium: the side panel', () => {
  test('opened for a tab (?tab=N) lists the same findings as the popup, at 360 px', async () => {
    const { page, tabId } = await profileWithNumber();
    const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
    const panel = await browser.openExtensionPage(`sidepanel.html?tab=${tabId}`);
    await expect.poll(() => listed(panel), { timeout: 10_000 }).toEqual([
      { kind: 'phone', value: TYPED_PHONE, fixes: ['remove'] },
    ]);
    expect(await listed(panel)).toEqual(await listed(popup));
    expect(await panel.locator('.findings h2').textContent()).toBe('In “About me”');
    expect(await panel.locator('#summary').textContent()).toBe('1 thing here could identify you');
    expect(await noSideScroll(panel)).toBeLessThanOrEqual(360);
    // Where the browser has a side panel, the popup offers it.
    expect(await popup.locator('#open-side-panel').isVisible()).toBe(true);
    expect(await popup.locator('#open-side-panel').textContent()).toBe('Open in side panel');
    await Promise.all([panel.close(), popup.close(), page.close()]);
  });

  test('without ?tab it follows the active tab of its window', async () => {
    const { page } = await profileWithNumber();
    // Opened as a tab, the panel is first the active tab itself: not a page Parasol watches.
    const panel = await browser.openExtensionPage('sidepanel.html');
    await expect.poll(() => panel.locator('#not-watching').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await listed(panel)).toEqual([]);
    await page.bringToFront();
    await expect.poll(() => listed(panel), { timeout: 10_000 }).toEqual([
      { kind: 'phone', value: TYPED_PHONE, fixes: ['remove'] },
    ]);
    await panel.bringToFront();
    await expect.poll(() => listed(panel), { timeout: 10_000 }).toEqual([]);
    await Promise.all([panel.close(), page.close()]);
  });
});

/** Elements the page has beyond its own: what Parasol added, if anything. */
function addedToPage(page: Page) {
  return page.evaluate(() =>
    [...document.documentElement.children]
      .filter((element) => element !== document.head && element !== document.body)
      .map((host) => ({
        tag: host.localName,
        attributes: host.getAttributeNames(),
        openRoot: host.shadowRoot !== null,
        html: host.outerHTML,
        text: (host as HTMLElement).innerText ?? '',
        box: host.getBoundingClientRect().toJSON() as DOMRect,
      })),
  );
}

describe('Chromium: in-page hints', () => {
  test('are off by default: typing a number adds nothing to the page', async () => {
    const { page } = await profileWithNumber();
    await page.waitForTimeout(500);
    expect(await addedToPage(page)).toEqual([]);
    await page.close();
  });

  test('turned on for the demo site, mark the field from a closed shadow root that says nothing found', async () => {
    const { page, tabId } = await profileWithNumber();
    const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
    const toggle = popup.locator('#hints-toggle');
    await expect.poll(() => toggle.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await popup.locator('#hints-here label').textContent()).toContain("Show hints on this page's site");
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();

    // Hints come with the next change to the draft.
    const layoutBefore = await page.locator(PROFILE_EDITOR).boundingBox();
    await page.click(PROFILE_EDITOR);
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' or 555 987 6543');
    // The mark is added hidden and placed beside the field on the next animation frame.
    await expect
      .poll(() => addedToPage(page).then((added) => added.length === 1 && added[0]!.box.width > 10), { timeout: 10_000 })
      .toBe(true);
    const [mark] = await addedToPage(page);
    expect(mark!.openRoot).toBe(false); // closed: host.shadowRoot is null for the page
    expect(mark!.attributes).toEqual(['style']);
    expect(mark!.html).not.toMatch(/555|phone|parasol|risk/i);
    expect(mark!.text).toBe('');
    expect(await page.evaluate(() => document.body.innerText)).not.toMatch(/parasol|could identify/i);
    // Beside the field, and the page's own layout did not move.
    const field = (await page.locator(PROFILE_EDITOR).boundingBox())!;
    expect(await page.locator(PROFILE_EDITOR).boundingBox()).toEqual(layoutBefore);
    expect(mark!.box.width).toBeGreaterThan(10);
    expect(mark!.box.right).toBeLessThanOrEqual(field.x + field.width + 1);
    expect(Math.abs(mark!.box.top - field.y)).toBeLessThan(40);
    await page.screenshot({ path: `${process.env.PARASOL_OUTPUT ?? '.output'}/screenshots/hint-on-demo.png` });

    // Off again: the mark goes with the next change, and nothing comes back.
    await toggle.uncheck();
    await page.keyboard.type(' bye');
    await expect.poll(() => addedToPage(page), { timeout: 10_000 }).toEqual([]);
    await popup.close();
    await page.close();
  });
});

describe('Chromium: the options page', () => {
  test('lists the built-in sites with a hint switch each, off by default, kept when changed', async () => {
    const options = await browser.openExtensionPage('options.html');
    const boxes = options.locator('#hint-sites input[type="checkbox"]');
    await expect.poll(() => boxes.count(), { timeout: 10_000 }).toBeGreaterThan(10);
    expect(await options.locator('#hint-sites input:checked').count()).toBe(0);
    const tryst = options.getByRole('checkbox', { name: 'tryst.link' });
    await tryst.check();
    await expect.poll(() => options.locator('#hints-saved').textContent()).toBe('Saved.');
    await options.reload();
    await expect.poll(() => options.getByRole('checkbox', { name: 'tryst.link' }).isChecked()).toBe(true);
    expect(await noSideScroll(options)).toBeLessThanOrEqual(360);
    await options.getByRole('checkbox', { name: 'tryst.link' }).uncheck();
    await options.close();
  });
});
