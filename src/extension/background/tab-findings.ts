import { storage } from 'wxt/utils/storage';
import type { FieldFindings, TabFindings } from '../messages';

/**
 * Findings per tab. Kept in `storage.session` (memory only, never written to disk) so that they
 * survive the background being stopped and restarted by the browser, and vanish with the session.
 */
export class TabFindingsStore {
  /** Updates to one tab run one after another, so a slow write never loses a faster one. */
  private queues = new Map<number, Promise<unknown>>();

  async get(tabId: number): Promise<TabFindings> {
    return (await storage.getItem<TabFindings>(key(tabId))) ?? { watching: false, fields: {} };
  }

  /** A new page in the tab: findings of the previous page no longer apply. */
  opened(tabId: number): Promise<TabFindings> {
    return this.change(tabId, () => ({ watching: true, fields: {} }));
  }

  /** Sets (or, with `null`, drops) the findings of one field. */
  setField(tabId: number, fieldKey: string, field: FieldFindings | null): Promise<TabFindings> {
    return this.change(tabId, (state) => {
      const fields = { ...state.fields };
      if (field && field.findings.length > 0) fields[fieldKey] = field;
      else delete fields[fieldKey];
      return { watching: true, fields };
    });
  }

  async forget(tabId: number): Promise<void> {
    await this.change(tabId, () => null);
  }

  private change(
    tabId: number,
    update: (state: TabFindings) => TabFindings | null,
  ): Promise<TabFindings> {
    const previous = this.queues.get(tabId) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(async () => {
        const state = update(await this.get(tabId));
        if (state) await storage.setItem(key(tabId), state);
        else await storage.removeItem(key(tabId));
        return state ?? { watching: false, fields: {} };
      });
    this.queues.set(tabId, next);
    void next.finally(() => {
      if (this.queues.get(tabId) === next) this.queues.delete(tabId);
    });
    return next;
  }
}

function key(tabId: number) {
  return `session:tab-findings:${tabId}` as const;
}
