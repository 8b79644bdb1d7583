import { afterAll, beforeAll } from 'vitest';
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { launchFirefoxWithParasol, openExtensionPage, type FirefoxWithParasol } from './support/firefox';
import { startDemoServer, type DemoServer } from './support/demo';
import { editorTests, listedUnder, readModel, recordedInputs, recordInputs, type Driver, type EditorCase, type EditorPage } from './support/editors';

let demo: DemoServer;
let firefox: FirefoxWithParasol;
/** Each editor page's puppeteer page, to open the popup for its tab. */
const pages = new WeakMap<EditorPage, Page>();

beforeAll(async () => {
  [demo, firefox] = await Promise.all([startDemoServer(), launchFirefoxWithParasol()]);
});

afterAll(async () => {
  await firefox?.close();
  await demo?.close();
});

/** The field, through its frame and its shadow root (`>>>` pierces open shadow roots). */
async function locate(page: Page, editor: EditorCase): Promise<ElementHandle<Element>> {
  let scope: Page | Frame = page;
  if (editor.frame) {
    const frameElement = await page.waitForSelector(editor.frame);
    scope = (await frameElement!.contentFrame())!;
  }
  const selector = editor.shadowHost ? `${editor.shadowHost} >>> ${editor.field}` : editor.field;
  return (await scope.waitForSelector(selector))!;
}

const firefoxDriver = (): Driver => ({
  url: (path) => demo.url(path),
  async open(editor, url) {
    const page = await firefox.browser.newPage();
    await page.goto(url);
    const field = await locate(page, editor);
    const editorPage: EditorPage = {
      async type(text) {
        await page.bringToFront();
        await field.click();
        await page.keyboard.down('Control');
        await page.keyboard.press('End');
        await page.keyboard.up('Control');
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
    const popup = await openExtensionPage(firefox.browser, pages.get(editorPage)!, 'popup');
    return {
      listed: (label) => popup.evaluate(listedUnder, label),
      async clickFix(label, kind, action) {
        const button = await popup.evaluateHandle(
          (heading, selector) =>
            [...document.querySelectorAll('section.field')]
              .find((section) => section.querySelector('h2')?.textContent === heading)
              ?.querySelector<HTMLButtonElement>(selector),
          `In “${label}”`,
          `li.finding[data-kind="${kind}"] button.fix[data-action="${action}"]`,
        );
        const element = button.asElement() as ElementHandle<HTMLButtonElement> | null;
        if (!element) throw new Error(`No ${action} button for a ${kind} under “${label}” in the popup`);
        await element.click();
      },
      close: () => popup.close(),
    };
  },
});

editorTests('Firefox ESR', firefoxDriver);
