import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchChromiumWithParasol, type ChromiumWithParasol } from './support/chromium';
import { startDemoServer, type DemoServer } from './support/demo';
import type { FixReply, TabFindings } from '../../src/extension/messages';
import { EDITORS, editorTests, listedUnder, readModel, recordedInputs, recordInputs, type Driver, type EditorCase, type EditorPage } from './support/editors';

let demo: DemoServer;
let browser: ChromiumWithParasol;
/** Each editor page's playwright page, to find its tab and bring it to the front. */
const pages = new WeakMap<EditorPage, Page>();

beforeAll(async () => {
  [demo, browser] = await Promise.all([startDemoServer(), launchChromiumWithParasol()]);
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

/** The field, through its frame and its shadow root (playwright's CSS selectors pierce open shadow roots). */
function locate(page: Page, editor: EditorCase): Locator {
  const scope = editor.frame ? page.frameLocator(editor.frame) : page;
  return scope.locator(editor.shadowHost ? `${editor.shadowHost} ${editor.field}` : editor.field);
}

const chromiumDriver = (): Driver => ({
  url: (path) => demo.url(path),
  async open(editor, url) {
    const page = await browser.context.newPage();
    await page.goto(url);
    const field = locate(page, editor);
    await field.waitFor();
    const editorPage: EditorPage = {
      async type(text) {
        await page.bringToFront();
        await field.click();
        await page.keyboard.press('Control+End');
        await page.keyboard.type(text);
      },
      model: () => field.evaluate(readModel, editor.model),
      close: () => page.close(),
      recordInputs: () => field.evaluate(recordInputs),
      recordedInputs: () => field.evaluate(recordedInputs),
    };
    pages.set(editorPage, page);
    return editorPage;
  },
  async popup(editorPage) {
    const tabId = await browser.tabIdOf(pages.get(editorPage)!);
    const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
    return {
      listed: (label) => popup.evaluate(listedUnder, label),
      async clickFix(label, kind, action) {
        await popup
          .locator('section.field', { has: popup.locator('h2', { hasText: `In “${label}”` }) })
          .locator(`li.finding[data-kind="${kind}"] button.fix[data-action="${action}"]`)
          .first()
          .click();
      },
      close: () => popup.close(),
    };
  },
});

editorTests('Chromium', chromiumDriver);


describe('Chromium: a fix is applied only to the text the person saw', () => {
  for (const editor of EDITORS.filter((each) => each.model === 'react' || each.model === 'tiptap')) {
    test(`${editor.name}: a changed draft is left alone, a replacement goes in as typed`, async () => {
      const driver = chromiumDriver();
      const page = await driver.open(editor, `${driver.url(editor.page)}?refusal=${editor.model}`);
      const tab = pages.get(page)!;
      const popup = await browser.openExtensionPage('popup.html');
      try {
        await page.type(' call me 555 123 4567 soon');
        const tabId = await browser.tabIdOf(tab);
        const findings = () =>
          popup.evaluate((id) => chrome.runtime.sendMessage({ type: 'findings/get', tabId: id }), tabId) as Promise<TabFindings>;
        const phoneIn = (state: TabFindings) =>
          Object.entries(state.fields).flatMap(([fieldKey, field]) =>
            field.label === editor.label ? field.findings.filter((f) => f.kind === 'phone').map((f) => ({ fieldKey, ...f })) : [],
          );
        await expect.poll(async () => phoneIn(await findings()).length, { timeout: 15_000 }).toBe(1);
        const [phone] = phoneIn(await findings());
        const apply = (change: object) =>
          popup.evaluate(
            (message) => chrome.runtime.sendMessage(message),
            { type: 'fix/apply', tabId, fieldKey: phone!.fieldKey, start: phone!.start, end: phone!.end, expected: phone!.value, replacement: '', ...change },
          ) as Promise<FixReply>;
        const before = await page.model();

        expect(await apply({ expected: '555 123 4568' })).toEqual({ ok: false, error: 'changed' });
        expect(await apply({ start: phone!.start! + 1, end: phone!.end! + 1 })).toEqual({ ok: false, error: 'changed' });
        expect(await apply({ fieldKey: '0:f999999' })).toEqual({ ok: false, error: 'gone' });
        expect(await page.model()).toBe(before);

        expect(await apply({ replacement: 'my work line' })).toEqual({ ok: true });
        expect(await page.model()).toBe(before.replace('555 123 4567', 'my work line'));
        await expect.poll(async () => phoneIn(await findings()).length, { timeout: 15_000 }).toBe(0);
      } finally {
        await popup.close();
        await page.close();
      }
    });
  }
});
