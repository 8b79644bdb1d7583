import { browser } from 'wxt/browser';
import { startHintsSwitch } from './hints-switch';
import { startSiteIdentity } from './site-identity';
import { useChosenLanguage } from '../i18n';
import { localizePage } from './localize';
import { offerSidePanel } from './side-panel-opener';
import { createTabView, tabFromAddress } from './tab-view';

/**
 * The popup shows what Parasol found in the current tab's drafts. `?tab=N` names the tab
 * explicitly (the popup opened as a page, as on Firefox for Android, or in tests).
 */
export async function startPopup(doc: Document): Promise<void> {
  await useChosenLanguage();
  localizePage(doc);
  const view = createTabView(doc);
  startHintsSwitch(doc, view);
  startSiteIdentity(doc, view);
  const named = tabFromAddress(doc);
  const tabId = named ?? (await activeTab());
  // A popup closes itself once the side panel took over; a popup opened as a page stays.
  if (tabId !== undefined) offerSidePanel(doc, tabId, named === undefined);
  await view.show(tabId);
}

async function activeTab(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}
