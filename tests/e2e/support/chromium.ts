import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { CHROME_BUILD, requireFile } from './paths';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ChromiumWithParasol {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close(): Promise<void>;
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
      ...(headed ? [] : ['--headless=new']),
      `--disable-extensions-except=${CHROME_BUILD}`,
      `--load-extension=${CHROME_BUILD}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--lang=en-US',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The extension's service worker, fetched anew: the browser may have restarted it. */
export async function serviceWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}
