import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefoxWithParasol, openExtensionPage, waitFor, type FirefoxWithParasol, running } from './support/firefox';
import { startDemoServer, type DemoServer } from './support/demo';
import { IDENTITY_COLOURS, IDENTITY_ICONS } from '../../src/core/identity/schema';

/**
 * Firefox containers for a work persona: with the option on and the vault unlocked, the persona
 * gets a container of its label, colour and icon, and its site opened in an ordinary tab is
 * reopened in that container. Read from Parasol's own page: tabs.query gives each tab's cookieStoreId.
 */

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

/** A message to the background from Parasol's page, as the options page sends it. */
function ask(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate((m) => (globalThis as unknown as { browser: typeof chrome }).browser.runtime.sendMessage(m), message);
}

interface ContainerSeen {
  cookieStoreId: string;
  name: string;
  color: string;
  icon: string;
}

function containers(page: Page): Promise<ContainerSeen[]> {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { browser: { contextualIdentities: { query(q: object): Promise<ContainerSeen[]> } } }).browser;
    return (await api.contextualIdentities.query({})).map(({ cookieStoreId, name, color, icon }) => ({ cookieStoreId, name, color, icon }));
  });
}

/** The container of every tab showing `path` of the demo site. */
function containersOfTabs(page: Page, path: string): Promise<string[]> {
  return page.evaluate(async (wanted) => {
    const tabs = await (globalThis as unknown as { browser: typeof chrome }).browser.tabs.query({});
    return tabs
      .filter((tab) => tab.url?.includes(wanted))
      .map((tab) => (tab as { cookieStoreId?: string }).cookieStoreId ?? 'none');
  }, path);
}

describe('Firefox: a work persona\'s site opens in its own container', () => {
  // First: once 127.0.0.1 is a persona's site, a demo tab no longer stays where puppeteer opened it.
  test('Firefox takes every colour and icon an identity can have, for a container', async () => {
    const ff = running(firefox, 'Firefox with Parasol');
    const hook = await ff.browser.newPage();
    await hook.goto(running(demo, 'The demo server').url('inbox.html'));
    const options = await openExtensionPage(ff.browser, hook, 'options');
    const result = await options.evaluate(
      async (colours) => {
        interface Api {
          getSupportedIcons(): Promise<{ icon: string }[]>;
          create(details: object): Promise<{ cookieStoreId: string; color: string }>;
          remove(cookieStoreId: string): Promise<unknown>;
        }
        const api = (globalThis as unknown as { browser: { contextualIdentities: Api } }).browser.contextualIdentities;
        const made: string[] = [];
        // Firefox 153 reports turquoise and toolbar by new names (cyan, gray) but still takes them.
        for (const color of colours) {
          const container = await api.create({ name: `e2e ${color}`, color, icon: 'circle' });
          made.push(color);
          await api.remove(container.cookieStoreId);
        }
        return { made, icons: (await api.getSupportedIcons()).map((i) => i.icon).sort() };
      },
      [...IDENTITY_COLOURS],
    );
    expect(result).toEqual({ made: [...IDENTITY_COLOURS], icons: [...IDENTITY_ICONS].sort() });
    await options.close();
  });

  test('the option on and the vault unlocked: a container "Lola", and the persona\'s site reopened in it', async () => {
    const ff = running(firefox, 'Firefox with Parasol');
    const site = running(demo, 'The demo server');
    const hook = await ff.browser.newPage();
    await hook.goto(site.url('index.html'));
    const options = await openExtensionPage(ff.browser, hook, 'options');

    // The optional `cookies` permission is asked for in a click, as the option's checkbox does.
    await options.evaluate(() => {
      const button = document.createElement('button');
      button.id = 'e2e-grant';
      button.textContent = 'grant';
      button.addEventListener('click', async () => {
        const api = (globalThis as unknown as { browser: typeof chrome }).browser;
        button.dataset.granted = String(await api.permissions.request({ permissions: ['cookies'] }));
      });
      document.body.prepend(button);
    });
    await options.click('#e2e-grant');
    expect(await waitFor('the cookies permission', () => options.$eval('#e2e-grant', (b) => (b as HTMLElement).dataset.granted))).toBe('true');

    expect(await ask(options, { type: 'vault/create', passphrase: 'correct horse battery staple' })).toEqual({ ok: true });
    const lola = {
      id: 'lola', kind: 'work', label: 'Lola', colour: 'pink', icon: 'briefcase',
      names: [], aliases: [], phones: [], emails: [], handles: [], places: [], photos: [], sites: ['127.0.0.1'],
    };
    const me = { ...lola, id: 'me', kind: 'personal', label: 'Me', colour: 'blue', icon: 'fingerprint', sites: ['example.org'] };
    expect(await ask(options, { type: 'identities/save', identities: [me, lola] })).toMatchObject({ ok: true });
    // Nothing while the option is off (the default).
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await containers(options)).filter((c) => c.name === 'Lola')).toEqual([]);

    await options.evaluate(() =>
      (globalThis as unknown as { browser: typeof chrome }).browser.storage.local.set({
        settings: { country: null, hintSites: [], autoLockMinutes: 15, language: 'auto', containers: true },
        settings$: { v: 3 },
      }),
    );
    const made = await waitFor('a container for Lola', async () => (await containers(options)).find((c) => c.name === 'Lola'));
    expect(made).toMatchObject({ name: 'Lola', color: 'pink', icon: 'briefcase' });
    // One container per work persona, none for the personal identity.
    expect((await containers(options)).filter((c) => c.name === 'Me')).toEqual([]);

    const visit = await ff.browser.newPage();
    // The tab is closed under puppeteer's feet once it is reopened in the container.
    await visit.goto(site.url('profile.html')).catch(() => undefined);
    const seen = await waitFor('the profile page in Lola\'s container, and only there', async () => {
      const stores = await containersOfTabs(options, '/profile.html');
      return stores.length === 1 && stores[0] === made.cookieStoreId ? stores : undefined;
    });
    expect(seen).toEqual([made.cookieStoreId]);

    // Renaming the persona renames its container rather than making another.
    expect(await ask(options, { type: 'identities/save', identities: [me, { ...lola, label: 'Lola B', colour: 'green' }] })).toMatchObject({ ok: true });
    const renamed = await waitFor('the container renamed', async () => (await containers(options)).find((c) => c.name === 'Lola B'));
    expect(renamed).toMatchObject({ cookieStoreId: made.cookieStoreId, color: 'green' });
    expect((await containers(options)).filter((c) => c.name === 'Lola')).toEqual([]);
    await options.close();
  });

});
