import { browser, type Browser } from 'wxt/browser';
import type { Origin } from '../messages';

/** Who sent a message, from what the browser says about the sender. */
export function originOf(sender: Browser.runtime.MessageSender): Origin {
  const fromExtensionPage =
    sender.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL('/'));
  if (fromExtensionPage) return { fromExtensionPage };
  return { fromExtensionPage, tabId: sender.tab?.id, frameId: sender.frameId, url: sender.url };
}
