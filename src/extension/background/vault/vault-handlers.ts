import { browser } from 'wxt/browser';
import { identityForSite } from '../../../core/identity/site';
import type { SiteIdentityReply } from '../../messages';
import type { Handlers } from '../router';
import type { TabFindingsStore } from '../tab-findings';
import { unlockedIdentities } from './unlocked-identities';
import type { VaultService } from './vault-service';

type VaultHandlers = Pick<
  Handlers,
  | 'vault/status'
  | 'vault/create'
  | 'vault/unlock'
  | 'vault/lock'
  | 'vault/change-passphrase'
  | 'vault/wipe'
  | 'vault/export'
  | 'vault/import'
  | 'identities/get'
  | 'identities/save'
  | 'site/identity'
>;

/** The vault's messages; the router has already checked that each comes from an extension page. */
export function createVaultHandlers(vault: VaultService, store: TabFindingsStore): VaultHandlers {
  return {
    'vault/status': async () => ({ state: await vault.status() }),
    'vault/create': ({ passphrase }) => vault.create(passphrase),
    'vault/unlock': ({ passphrase }) => vault.unlock(passphrase),
    'vault/lock': async () => {
      await vault.lock();
      return null;
    },
    'vault/change-passphrase': ({ old, next }) => vault.changePassphrase(old, next),
    'vault/wipe': async () => {
      await vault.wipe();
      return null;
    },
    'vault/export': () => vault.exportBackup(),
    'vault/import': ({ text, passphrase }) => vault.importBackup(text, passphrase),
    'identities/get': () => vault.identities(),
    'identities/save': ({ identities }) => vault.saveIdentities(identities),
    'site/identity': async ({ tabId }) => siteIdentity(vault, await pageHost(store, tabId)),
  };
}

/** The host of the tab's page: as its content script reported it, else as the browser tells it (activeTab). */
export async function pageHost(store: TabFindingsStore, tabId: number): Promise<string | undefined> {
  const url = (await store.get(tabId)).pageOrigin ?? (await browser.tabs.get(tabId).catch(() => undefined))?.url;
  return hostOf(url);
}

export function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? hostname : undefined;
  } catch {
    return undefined;
  }
}

async function siteIdentity(vault: VaultService, host: string | undefined): Promise<SiteIdentityReply> {
  const state = await vault.status();
  const identities = unlockedIdentities();
  const identity = state === 'unlocked' && identities && host ? identityForSite(identities, host) : undefined;
  if (!identity) return { state };
  const { label, kind, colour, icon } = identity;
  return { state, identity: { label, kind, colour, icon } };
}
