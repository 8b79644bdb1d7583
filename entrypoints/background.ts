import { browser } from 'wxt/browser';
import { createHandlers } from '../src/extension/background/handlers';
import { createRouter } from '../src/extension/background/router';
import { TabFindingsStore } from '../src/extension/background/tab-findings';
import { originOf } from '../src/extension/background/origin';
import { showCount } from '../src/extension/background/badge';
import { openPagesForTests } from '../src/extension/background/e2e-hooks';
import { createPhotoJobs } from '../src/extension/background/photos';
import { PHOTO_ENGINES } from '../src/extension/background/photos-engines';
import { servePhotoPort } from '../src/extension/background/photos-port';
import { watchAddedSites } from '../src/extension/background/site-scripts';
import { identityPhotoCheck } from '../src/extension/background/vault/photo-identity';
import { startAutoLock } from '../src/extension/background/vault/auto-lock';
import { resendDraftsOnChange } from '../src/extension/background/vault/resend-drafts';
import { VaultService } from '../src/extension/background/vault/vault-service';
import { startHeldLists } from '../src/extension/background/warnlist/held-lists';
import { startContainers } from '../src/extension/background/containers';
import { PHOTO_PORT } from '../src/extension/messages';

export default defineBackground(() => {
  const store = new TabFindingsStore();
  const vault = new VaultService();
  const autoLock = startAutoLock(vault);
  resendDraftsOnChange();
  watchAddedSites();
  const lists = startHeldLists(vault);
  const route = createRouter(createHandlers(store, vault, lists));
  browser.runtime.onMessage.addListener((message, sender) => {
    autoLock.touch();
    return route(message, originOf(sender));
  });
  const photoJobs = createPhotoJobs(store, PHOTO_ENGINES, identityPhotoCheck(store));
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === PHOTO_PORT) servePhotoPort(port, photoJobs);
  });
  browser.tabs.onRemoved.addListener((tabId) => void store.forget(tabId));
  browser.tabs.onUpdated.addListener(async (tabId, change) => {
    if (change.status === 'loading' && (await store.navigated(tabId, change.url))) await showCount(tabId, 0);
  });
  if (import.meta.env.FIREFOX) startContainers();
  if (import.meta.env.MODE === 'e2e') openPagesForTests();
});
