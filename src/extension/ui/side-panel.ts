import { browser } from 'wxt/browser';
import { startHintsSwitch } from './hints-switch';
import { startSiteIdentity } from './site-identity';
import { useChosenLanguage } from '../i18n';
import { localizePage } from './localize';
import { createTabView, tabFromAddress } from './tab-view';

/**
 * The side panel (Chrome) or sidebar (Firefox): the popup's list, kept beside the page, for the
 * active tab of its own window, following the person from tab to tab. Tab ids and activation
 * events need no `tabs` permission. `?tab=N` pins one tab instead (tests, a page opened in a tab).
 */
export async function startSidePanel(doc: Document): Promise<void> {
  await useChosenLanguage();
  localizePage(doc);
  const view = createTabView(doc);
  startHintsSwitch(doc, view);
  startSiteIdentity(doc, view);
  const pinned = tabFromAddress(doc);
  if (pinned !== undefined) return view.show(pinned);

  const { id: windowId } = await browser.windows.getCurrent();
  browser.tabs.onActivated.addListener((active) => {
    if (active.windowId === windowId) void view.show(active.tabId);
  });
  // A page that finished loading in the shown tab may be one Parasol does not watch.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (tabId === view.tabId && change.status === 'complete') void view.refresh();
  });
  const [tab] = await browser.tabs.query({ active: true, windowId });
  await view.show(tab?.id);
}
