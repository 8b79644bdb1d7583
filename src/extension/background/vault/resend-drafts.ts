import { browser } from 'wxt/browser';
import { forgetIdentityTerms } from '../../../core/text/identity-terms';
import { forgetScannedParts } from '../../../core/text/scan-draft';
import type { ContentMessage } from '../../messages';
import { onIdentitiesChange } from './unlocked-identities';

/**
 * When the vault locks or unlocks, or the identities change, every open draft is checked again:
 * each tab's content script sends its fields anew. On a lock, what the scanner kept of the
 * identities' terms (and the answers about numbers) is dropped first, so no answer about them outlives the key.
 */
export function resendDraftsOnChange(): void {
  onIdentitiesChange((identities) => {
    if (identities === undefined) {
      forgetScannedParts();
      forgetIdentityTerms();
    }
    void resendDrafts();
  });
}

async function resendDrafts(): Promise<void> {
  const message: ContentMessage = { type: 'drafts/resend' };
  for (const tab of await browser.tabs.query({})) {
    // Tabs without Parasol's content script refuse the message; that is expected.
    if (tab.id !== undefined) void browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
  }
}
