import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { PROFILE_EDITOR } from './demo';
import { FIREFOX_E2E_BUILD, requireFile } from './paths';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * Set from the first start. Firefox's remote agent applies similar ones, but only once it runs,
 * after some services have already tried the network: this machine has none, and each such try
 * costs a DNS timeout. en-US also makes Parasol guess the US for phone numbers.
 */
const PREFS: Record<string, string | number | boolean> = {
  'intl.locale.requested': 'en-US',
  'intl.accept_languages': 'en-US, en',
  'javascript.use_us_english_locale': true,
  'network.proxy.type': 0,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.http.speculative-parallel-limit': 0,
  'services.settings.server': 'data:,#remote-settings-off',
  'security.remote_settings.intermediates.enabled': false,
  'extensions.blocklist.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.getAddons.discovery.api_url': 'data:,',
  'app.update.auto': false,
  'app.normandy.enabled': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.ping-centre.telemetry': false,
  'browser.newtabpage.activity-stream.feeds.telemetry': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.server': '',
  'dom.push.connection.enabled': false,
  'geo.provider.network.url': '',
  'browser.translations.enable': false,
  'browser.ml.enable': false,
};

export interface RunningFirefox {
  browser: Browser;
  close(): Promise<void>;
}

export interface FirefoxWithParasol extends RunningFirefox {
  extensionId: string;
}

/** Headless Firefox ESR over WebDriver BiDi, in a fresh profile that is deleted on close. */
export async function launchFirefox(): Promise<RunningFirefox> {
  requireFile(FIREFOX, "Install Debian's Firefox ESR: apt-get install firefox-esr");
  const profile = await mkdtemp(join(tmpdir(), 'parasol-firefox-'));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: FIREFOX,
      headless: true,
      userDataDir: profile,
      extraPrefsFirefox: PREFS,
      defaultViewport: { width: 1000, height: 800 },
      // No crash reporter dialog or upload attempt if Firefox crashes under test.
      env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' },
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  return {
    browser,
    async close() {
      try {
        await withTimeout(browser.close(), 15_000, 'Firefox did not close');
      } catch {
        // A hung Firefox must not outlive the tests.
        browser.process()?.kill('SIGKILL');
      } finally {
        await rm(profile, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Firefox with the e2e build installed as a temporary add-on (BiDi webExtension.install), the
 * way `about:debugging` loads an unpacked extension.
 */
export async function launchFirefoxWithParasol(): Promise<FirefoxWithParasol> {
  requireFile(
    `${FIREFOX_E2E_BUILD}/manifest.json`,
    'Build it first: npx wxt build -b firefox --mode e2e',
  );
  const firefox = await launchFirefox();
  try {
    const extensionId = await firefox.browser.installExtension(FIREFOX_E2E_BUILD);
    return { ...firefox, extensionId };
  } catch (error) {
    await firefox.close();
    throw error;
  }
}

export type ExtensionPage = 'popup' | 'sidepanel' | 'options';

/**
 * Opens one of Parasol's pages through the e2e build's hook: BiDi refuses to navigate to
 * moz-extension:// addresses, so the background opens the page when `from` (a demo-site tab)
 * gets `#parasol-e2e-open=<page>`. The popup then shows the findings of `from`'s tab.
 *
 * The new tab is found by evaluating `location.href` in each new tab: BiDi sends no navigation
 * events for extension pages, so puppeteer keeps reporting their address as about:blank.
 */
export async function openExtensionPage(browser: Browser, from: Page, page: ExtensionPage): Promise<Page> {
  const known = new Set(await browser.pages());
  await from.evaluate((hash: string) => {
    // The hook reacts to address changes only; clear a hash left by an earlier request.
    if (location.hash === `#${hash}`) location.hash = '';
    location.hash = hash;
  }, `parasol-e2e-open=${page}`);
  const what =
    `the ${page} page to open in a new tab from ${from.url()} (this needs the --mode e2e build, ` +
    'and host permission for that page: without it the hook never sees the address)';
  return waitFor(what, async () => {
    for (const candidate of await browser.pages()) {
      if (known.has(candidate)) continue;
      const href = await candidate.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://') && new URL(href).pathname === `/${page}.html`) {
        return candidate;
      }
    }
    return undefined;
  });
}

/**
 * Polls `probe` until it returns something other than undefined/null/false. Errors thrown by
 * the probe count as "not yet" (a page still loading), and the last one is in the timeout message.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  { timeoutMs = 10_000, intervalMs = 100 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      // A probe can hang too (script evaluation in a tab that is navigating): bound each one.
      const left = Math.max(deadline - Date.now(), intervalMs);
      const value = await withTimeout(probe(), left, 'the check itself did not answer');
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A browser a test file's beforeAll started, or a clear error pointing at why it did not start. */
export function running<T>(value: T | undefined, what: string): T {
  if (!value) throw new Error(`${what} did not start; see the beforeAll error`);
  return value;
}

/** Types at the end of the demo profile's Quill editor, as a person would, in front. */
export async function typeAtEnd(page: Page, text: string): Promise<void> {
  await page.bringToFront();
  await page.click(PROFILE_EDITOR);
  await page.keyboard.down('Control');
  await page.keyboard.press('End');
  await page.keyboard.up('Control');
  await page.keyboard.type(text);
  await waitFor('the typed text in the editor', () =>
    page.$eval(PROFILE_EDITOR, (editor, typed) => editor.textContent?.endsWith(typed), text.trim()),
  );
}
