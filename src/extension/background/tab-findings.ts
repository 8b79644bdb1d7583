import { storage } from 'wxt/utils/storage';
import type { FieldFindings, PageWarning, PhotoFindings, TabFindings } from '../messages';

/**
 * Findings per tab. Kept in `storage.session` (memory only, never written to disk) so that they
 * survive the background being stopped and restarted by the browser, and vanish with the session.
 */
export class TabFindingsStore {
  /** Updates to one tab run one after another, so a slow write never loses a faster one. */
  private queues = new Map<number, Promise<unknown>>();
  /**
   * A number per tab that changes with each new page in it, so that an answer that took long for
   * an earlier page (a page's warning-list lookups take seconds) is not written into the next one.
   * In memory: a restarted background has no answers under way.
   */
  private pages = new Map<number, number>();

  /** The tab's page, as setWarnings wants it: read when the work for the page starts. */
  pageOf(tabId: number): number {
    return this.pages.get(tabId) ?? 0;
  }

  private nextPage(tabId: number): void {
    this.pages.set(tabId, this.pageOf(tabId) + 1);
  }

  async get(tabId: number): Promise<TabFindings> {
    return (await storage.getItem<TabFindings>(key(tabId))) ?? { watching: false, fields: {} };
  }

  /** A new page (at `pageUrl`) in the tab: findings of the previous page no longer apply. */
  opened(tabId: number, pageUrl?: string): Promise<TabFindings> {
    this.nextPage(tabId);
    const pageOrigin = pageUrl === undefined ? undefined : siteOf(pageUrl);
    return this.change(tabId, () => ({ watching: true, pageOrigin, fields: {} }));
  }

  /**
   * The tab started loading `url` (undefined: an address Parasol may not see). Leaving the
   * page's site drops its findings; a new page on the same site reports itself ('page/opened'),
   * and a single-page app that only changes its address keeps its fields, and so its findings.
   * Resolves to true when findings were dropped.
   */
  async navigated(tabId: number, url: string | undefined): Promise<boolean> {
    let dropped = false;
    await this.change(tabId, (state) => {
      if (!state.watching || (url !== undefined && siteOf(url) === state.pageOrigin)) return undefined;
      this.nextPage(tabId);
      dropped = true;
      return null;
    });
    return dropped;
  }

  /** Sets (or, with `null`, drops) the findings of one field. */
  setField(tabId: number, fieldKey: string, field: FieldFindings | null): Promise<TabFindings> {
    return this.change(tabId, (state) => {
      const fields = { ...state.fields };
      // A field that was cut stays listed even with nothing found, to say that not all was read.
      if (field && (field.findings.length > 0 || field.cut)) fields[fieldKey] = field;
      else delete fields[fieldKey];
      return { ...state, watching: true, fields };
    });
  }

  /** Changes the tab's photos as `update` says (photos.ts decides how); undefined leaves them as they are. */
  changePhotos(
    tabId: number,
    update: (photos: Record<string, PhotoFindings>) => Record<string, PhotoFindings> | undefined,
  ): Promise<TabFindings> {
    return this.change(tabId, (state) => {
      const photos = update({ ...state.photos });
      return photos && { ...state, watching: true, photos };
    });
  }

  /**
   * Sets the page's handles that a held list knows and how many were checked (none, 0, while the
   * vault is locked). `page` is pageOf when the work began: an answer for an earlier page is dropped.
   */
  setWarnings(tabId: number, warnings: PageWarning[], checked: number, page = this.pageOf(tabId)): Promise<TabFindings> {
    return this.change(tabId, (state) => {
      if (page !== this.pageOf(tabId)) return undefined;
      const { warnings: old, ...rest } = state;
      // A page reports its handles again as it changes; the same answer is not written again, so
      // the popup does not redraw (and move its buttons) for nothing.
      const same = state.watching && state.handlesChecked === checked && JSON.stringify(old ?? []) === JSON.stringify(warnings);
      if (same) return undefined;
      return { ...rest, watching: true, ...(warnings.length > 0 ? { warnings } : {}), handlesChecked: checked };
    });
  }

  async forget(tabId: number): Promise<void> {
    this.nextPage(tabId);
    await this.change(tabId, () => null);
  }

  /**
   * Runs `update` on the tab's current state, after any update already under way.
   * It returns the new state, null to drop the tab's state, or undefined to leave it as it is.
   */
  private change(
    tabId: number,
    update: (state: TabFindings) => TabFindings | null | undefined,
  ): Promise<TabFindings> {
    const previous = this.queues.get(tabId) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(async () => {
        const current = await this.get(tabId);
        const state = update(current);
        if (state === undefined) return current;
        if (state) await storage.setItem(key(tabId), state);
        else await storage.removeItem(key(tabId));
        return state ?? { watching: false, fields: {} };
      });
    this.queues.set(tabId, next);
    const settle = () => {
      if (this.queues.get(tabId) === next) this.queues.delete(tabId);
    };
    // Both paths handled: a failed write rejects for its caller only, not as an unhandled error.
    void next.then(settle, settle);
    return next;
  }
}

function siteOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

function key(tabId: number) {
  return `session:tab-findings:${tabId}` as const;
}
