import { browser } from 'wxt/browser';
import { scanDraftForSite } from '../../core/identity/scan-for-site';
import { MAX_DRAFT_CHARS, scanDraft } from '../../core/text/scan-draft';
import { countFindings, fieldKeyOf, type ContentMessage, type FieldFindings, type FixReply, type Origin } from '../messages';
import { loadSettings } from '../storage/settings';
import { showCount } from './badge';
import { personCountry } from './country';
import { sendHints } from './hints';
import { createPhotoHandlers } from './photos-handlers';
import type { Handlers } from './router';
import type { TabFindingsStore } from './tab-findings';
import { unlockedIdentities } from './vault/unlocked-identities';
import { createWarnPageHandlers } from './warnlist/handlers';
import type { HeldLists } from './warnlist/held-lists';
import { createListHandlers } from './warnlist/list-handlers';
import { createVaultHandlers, pageHost } from './vault/vault-handlers';
import type { VaultService } from './vault/vault-service';

/** The background's answers to every message; `createRouter` checks each message first. */
export function createHandlers(store: TabFindingsStore, vault: VaultService, lists: HeldLists): Handlers {
  const updateTab = async (origin: Origin, fieldId: string, field: FieldFindings | null) => {
    const tabId = origin.tabId!;
    const state = await store.setField(tabId, fieldKeyOf(origin.frameId ?? 0, fieldId), field);
    const count = countFindings(state);
    await showCount(tabId, count);
    return { count };
  };

  return {
    'draft/update': async ({ field, text }, origin) => {
      // Read once per update: the country for numbers, and the sites with in-page hints.
      const settings = await loadSettings();
      const country = await personCountry(settings);
      // While unlocked, what belongs to another of the person's identities than the site's is a leak.
      const identities = unlockedIdentities();
      const host = identities?.length ? await pageHost(store, origin.tabId!) : undefined;
      const findings = identities?.length && host ? scanDraftForSite(text, identities, host, { country }) : scanDraft(text, { country });
      // In-page hints (off unless the person turned them on for the site) never hold up the count.
      void sendHints(settings, origin, field.id, findings).catch(() => undefined);
      // The content script sends at most MAX_DRAFT_CHARS: a text that long was most likely cut.
      const cut = text.length >= MAX_DRAFT_CHARS;
      return updateTab(origin, field.id, { label: field.label, findings, ...(cut ? { cut } : {}) });
    },

    'draft/forget': ({ fieldId }, origin) => updateTab(origin, fieldId, null),

    'page/opened': async (_message, origin) => {
      // Frames other than the top one share the tab's page; only the top frame starts a new page.
      if ((origin.frameId ?? 0) !== 0) return null;
      await store.opened(origin.tabId!, origin.url);
      await showCount(origin.tabId!, 0);
      return null;
    },

    'findings/get': ({ tabId }) => store.get(tabId),

    'page/check': async ({ tabId }) => {
      try {
        await browser.scripting.executeScript({
          target: { tabId },
          files: ['/content-scripts/content.js'],
        });
        return { ok: true };
      } catch {
        // Without the person's click on the toolbar button (activeTab), or on the browser's own
        // pages, the browser does not let Parasol read the page.
        return { ok: false, error: 'noAccess' };
      }
    },

    'fix/apply': async ({ tabId, fieldKey, start, end, expected, replacement }) => {
      const state = await store.get(tabId);
      if (!state.fields[fieldKey]) return { ok: false, error: 'gone' };
      const [frameId, fieldId] = fieldKey.split(':') as [string, string];
      const perform: ContentMessage = { type: 'fix/perform', fieldId, start, end, expected, replacement };
      try {
        return (await browser.tabs.sendMessage(tabId, perform, { frameId: Number(frameId) })) as FixReply;
      } catch {
        // The frame is gone, or its content script was replaced by a newer copy of the extension.
        return { ok: false, error: 'gone' };
      }
    },

    ...createPhotoHandlers(store),
    ...createVaultHandlers(vault, store),
    ...createWarnPageHandlers(store),
    ...createListHandlers(lists),
  };
}
