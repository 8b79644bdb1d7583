import type { NormalHandle, WarnMatch } from '../../../core/warnlist/types';
import { countFindings, type PageWarning, type Replies } from '../../messages';
import { showCount } from '../badge';
import { personCountry } from '../country';
import type { Handlers } from '../router';
import type { TabFindingsStore } from '../tab-findings';
import { checkHandle, lookupHandles } from './held-lists';
import { lookupBatches, lookupVariants, pageHandles } from './page-handles';

export type LookupHandles = (handles: NormalHandle[]) => Promise<Map<NormalHandle, WarnMatch[]> | 'locked'>;

/**
 * `handles/found` (a page's content script) and `warn/check` (the popup's check by hand). A page's
 * handles are looked up in batches, each batch's warnings stored and counted on the badge as
 * it is done; a newer report from the same tab makes an older one stop. While the vault is
 * locked nothing is stored and no handle counts as checked.
 */
export function createWarnPageHandlers(
  store: TabFindingsStore,
  lookup: LookupHandles = lookupHandles,
): Pick<Handlers, 'handles/found' | 'warn/check'> {
  const latest = new Map<number, number>();
  let runs = 0;

  return {
    'handles/found': async ({ texts, links }, origin) => {
      const tabId = origin.tabId!;
      const page = store.pageOf(tabId);
      const run = ++runs;
      latest.set(tabId, run);
      // A newer report from the tab, or a new page in it, ends this run.
      const current = () => latest.get(tabId) === run && store.pageOf(tabId) === page;
      const found = pageHandles(texts, links, { country: await personCountry() });

      const warnings: PageWarning[] = [];
      let checked = 0;
      let reply: Replies['handles/found'] = { count: 0 };
      const record = async () => {
        const state = await store.setWarnings(tabId, [...warnings], checked, page);
        reply = { count: countFindings(state) };
        await showCount(tabId, reply.count);
      };

      for (const batch of lookupBatches(found)) {
        if (!current()) return reply;
        const answers = await lookup([...new Set(batch.flatMap((handle) => lookupVariants(handle.handle)))]);
        if (!current()) return reply;
        if (answers === 'locked') {
          warnings.length = 0;
          checked = 0;
          break;
        }
        for (const handle of batch) {
          const matches = lookupVariants(handle.handle).flatMap((variant) => answers.get(variant) ?? []);
          if (matches.length > 0) warnings.push({ written: handle.written, handle: handle.handle, matches: unique(matches) });
        }
        checked += batch.length;
        await record();
      }
      if (current() && (found.length === 0 || checked === 0)) await record();
      return reply;
    },

    'warn/check': ({ handle }) => checkHandle(handle),
  };
}

/** The same report reached through both `user:site:name` and `user:any:name` is shown once. */
function unique(matches: WarnMatch[]): WarnMatch[] {
  const seen = new Set<string>();
  return matches.filter((match) => {
    const key = JSON.stringify([match.listId, match.category, match.story, match.firstReported]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
