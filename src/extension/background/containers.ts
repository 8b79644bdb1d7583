import * as v from 'valibot';
import type Browser from 'webextension-polyfill';
import { browser } from 'wxt/browser';
import { onWipe } from './vault/wipe';
import { storage } from 'wxt/utils/storage';
import { MAX_IDENTITIES, type Identity } from '../../core/identity/schema';
import { loadSettings, settingsItem } from '../storage/settings';
import { containerFor, planContainers, ReopenGuard, type ContainerLinks } from './containers-plan';
import { onIdentitiesChange, unlockedIdentities } from './vault/unlocked-identities';

/**
 * Firefox containers for work personas, an option (settings.containers, off by default): while the
 * vault is unlocked, each work persona has a container of its label, colour and icon, and a tab
 * that opens one of its sites outside it is reopened inside (as Multi-Account Containers does).
 * Chrome has no containers: there `browser.contextualIdentities` is missing and nothing starts.
 */

/** The Firefox-only APIs used here, as webextension-polyfill types them (WXT's `browser` has Chrome's types). */
interface FirefoxApis {
  contextualIdentities: Browser.ContextualIdentities.Static;
  tabs: Browser.Tabs.Static;
}

const LinksSchema = v.pipe(
  v.record(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/)), v.pipe(v.string(), v.maxLength(128))),
  v.check((links) => Object.keys(links).length <= MAX_IDENTITIES, 'too many links'),
);

/** Which container belongs to which persona (ids only: no label or site is kept here). */
const linksItem = storage.defineItem<Record<string, string>>('local:containerLinks', { fallback: {} });

async function loadLinks(): Promise<ContainerLinks> {
  const parsed = v.safeParse(LinksSchema, await linksItem.getValue());
  return parsed.success ? parsed.output : {};
}

/** What reopening needs, while the option is on, the vault unlocked and the containers ready. */
let active: { identities: readonly Identity[]; links: ContainerLinks } | undefined;
let syncing: Promise<void> = Promise.resolve();
const guard = new ReopenGuard();

export function startContainers(): void {
  const firefox = browser as unknown as Partial<FirefoxApis>;
  const containers = firefox.contextualIdentities;
  const tabs = firefox.tabs;
  if (!containers || !tabs) return;
  const resync = () => {
    syncing = syncing.then(() => sync(containers)).catch(() => {
      // Containers switched off in Firefox's settings, or one removed meanwhile: no reopening until the next change.
      active = undefined;
    });
  };
  onIdentitiesChange(resync);
  settingsItem.watch(resync);
  // A wipe leaves no container named after a persona behind.
  onWipe(removeContainers);
  tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined) void reopen(tabs, tabId, change.url, tab);
  });
  resync();
}

/** Makes or updates the personas' containers, then lets reopening use them. */
async function sync(containers: Browser.ContextualIdentities.Static): Promise<void> {
  active = undefined;
  const identities = unlockedIdentities();
  if (!identities || !(await loadSettings()).containers) return;
  const plan = planContainers(identities, await containers.query({}), await loadLinks());
  for (const { cookieStoreId, look } of plan.update) await containers.update(cookieStoreId, look);
  for (const { identityId, look } of plan.create) plan.links[identityId] = (await containers.create(look)).cookieStoreId;
  await linksItem.setValue(plan.links);
  // Identities may have changed while the containers were made; the listener queued another sync.
  if (unlockedIdentities() === identities) active = { identities, links: plan.links };
}

/** Opens the tab's address again in its persona's container, where it was, and closes the old tab. */
async function reopen(tabs: Browser.Tabs.Static, tabId: number, url: string, tab: Browser.Tabs.Tab): Promise<void> {
  if (!active) return;
  const cookieStoreId = containerFor(url, tab, active.identities, active.links);
  if (cookieStoreId === undefined || !guard.allow(tabId, url, cookieStoreId, Date.now())) return;
  try {
    const opened = await tabs.create({ url, cookieStoreId, index: tab.index + 1, active: tab.active, windowId: tab.windowId });
    if (opened.id !== undefined) guard.opened(opened.id, Date.now());
    await tabs.remove(tabId);
  } catch {
    // No `cookies` permission (revoked in the add-ons manager) or the tab is gone: leave it as it is.
  }
}

/**
 * For the quick wipe: removes the containers Parasol made for personas (their names are the
 * personas' labels) and forgets them. Firefox deletes the cookies kept in them too. Nothing in Chrome.
 */
export async function removeContainers(): Promise<void> {
  const containers = (browser as unknown as Partial<FirefoxApis>).contextualIdentities;
  active = undefined;
  if (containers) {
    for (const cookieStoreId of Object.values(await loadLinks())) {
      await containers.remove(cookieStoreId).catch(() => undefined);
    }
  }
  await linksItem.removeValue();
}
