import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { PROFILE_EDITOR, TYPED_DRAFT } from './demo';
import { CHROME_BUILD, requireFile } from './paths';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ChromiumWithParasol {
  context: BrowserContext;
  extensionId: string;
  /** The id the extension knows `page`'s tab by. */
  tabIdOf(page: Page): Promise<number>;
  /** The toolbar badge's text for one tab, as the extension set it. */
  badgeText(tabId: number): Promise<string>;
  /** One of the extension's own pages (`popup.html?tab=N`, `options.html`) in a new tab. */
  openExtensionPage(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Flags for Debian's Chromium in tests: no network of its own (this machine's closed network
 * refuses it), no first-run pages, an English UI for the tests' words.
 */
export function chromiumFlags(headed: boolean): string[] {
  return [
    ...(headed ? [] : ['--headless=new']),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--lang=en-US',
  ];
}

/**
 * Debian's Chromium with the built extension loaded. Headless unless `headed` (Chromium only
 * loads extensions in its new headless mode, which playwright starts through `--headless=new`).
 */
export async function launchChromiumWithParasol({ headed = false } = {}): Promise<ChromiumWithParasol> {
  requireFile(CHROMIUM, 'Install Debian\'s Chromium: apt-get install chromium');
  requireFile(`${CHROME_BUILD}/manifest.json`, 'Build the extension first: npm run build');
  const profile = await mkdtemp(join(tmpdir(), 'parasol-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    viewport: { width: 1000, height: 800 },
    args: [
      ...chromiumFlags(headed),
      `--disable-extensions-except=${CHROME_BUILD}`,
      `--load-extension=${CHROME_BUILD}`,
    ],
  });
  const extensionId = new URL((await serviceWorker(context)).url()).host;
  return {
    context,
    extensionId,
    async tabIdOf(page) {
      const worker = await serviceWorker(context);
      return worker.evaluate(async (address) => {
        const tabs = await chrome.tabs.query({});
        return tabs.find((tab) => tab.url === address)!.id!;
      }, page.url());
    },
    async badgeText(tabId) {
      const worker = await serviceWorker(context);
      return worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    },
    async openExtensionPage(path, viewport = { width: 360, height: 640 }) {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Types the thin slice's draft at the end of the demo profile's Quill editor, as a person would. */
export async function typeIntoProfile(page: Page, profileUrl: string, text = TYPED_DRAFT): Promise<void> {
  await page.goto(profileUrl);
  await page.click(PROFILE_EDITOR);
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

/** The extension's service worker, fetched anew: the browser may have restarted it. */
export async function serviceWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}
