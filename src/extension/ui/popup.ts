import { browser } from 'wxt/browser';
import { localizePage } from './localize';
import { createTabView, tabFromAddress } from './tab-view';

/**
 * The popup shows what Parasol found in the current tab's drafts. `?tab=N` names the tab
 * explicitly (the popup opened as a page, as on Firefox for Android, or in tests).
 */
export async function startPopup(doc: Document): Promise<void> {
  localizePage(doc);
  const view = createTabView(doc);
  await view.show(await targetTab(doc));
}

async function targetTab(doc: Document): Promise<number | undefined> {
  const named = tabFromAddress(doc);
  if (named !== undefined) return named;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}
