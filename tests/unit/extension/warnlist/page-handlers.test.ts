import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { NormalHandle, WarnMatch } from '../../../../src/core/warnlist/types';
import { createWarnPageHandlers, type LookupHandles } from '../../../../src/extension/background/warnlist/handlers';
import { TabFindingsStore } from '../../../../src/extension/background/tab-findings';
import type { Origin } from '../../../../src/extension/messages';

const TAB: Origin = { tabId: 5, frameId: 0, fromExtensionPage: false, url: 'http://127.0.0.1:8123/parasol-demo/inbox.html' };

const MIKE: WarnMatch = {
  listId: 'demo',
  listName: 'Demo list',
  category: 'violence',
  story: 'Grabbed my arm and would not let go.',
  firstReported: '2026-10-01',
  lastReported: '2026-11-02',
  sources: 3,
  expired: false,
};

/** The held lists as the background answers: a listed number and a username reported without its site. */
function heldLists(listed: Record<NormalHandle, WarnMatch[]>): LookupHandles & { asked: NormalHandle[][] } {
  const asked: NormalHandle[][] = [];
  const lookup = async (handles: NormalHandle[]) => {
    asked.push(handles);
    return new Map(handles.filter((handle) => listed[handle]).map((handle) => [handle, listed[handle]!]));
  };
  return Object.assign(lookup, { asked });
}

const found = (texts: string[], links: string[] = []) => ({ type: 'handles/found' as const, texts, links });

describe('handles/found', () => {
  let store: TabFindingsStore;

  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
    store = new TabFindingsStore();
  });
  afterEach(() => vi.restoreAllMocks());

  it('stores a listed number written in disguise, counts it on the badge, and leaves an unlisted one out', async () => {
    const lists = heldLists({ 'tel:+12125550147': [MIKE] });
    const handlers = createWarnPageHandlers(store, lists);
    const reply = await handlers['handles/found'](found(['My number is (646) 555-0199', 'call 2I2 five5five 0147']), TAB);
    expect(reply).toEqual({ count: 1 });
    const state = await store.get(5);
    expect(state.warnings).toEqual([{ written: '2I2 five5five 0147', handle: 'tel:+12125550147', matches: [MIKE] }]);
    expect(state.handlesChecked).toBe(2);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('1');
  });

  it('looks up a sender on the site also as reported without a site, and shows each report once', async () => {
    const lists = heldLists({ 'user:any:mike_nyc88': [MIKE], 'user:velvetstreet:mike_nyc88': [MIKE] });
    const handlers = createWarnPageHandlers(store, lists);
    await handlers['handles/found'](found([], ['http://127.0.0.1:8123/parasol-demo/profile.html?u=mike_nyc88']), TAB);
    expect(lists.asked.flat()).toEqual(['user:velvetstreet:mike_nyc88', 'user:any:mike_nyc88']);
    expect((await store.get(5)).warnings).toEqual([{ written: 'mike_nyc88', handle: 'user:velvetstreet:mike_nyc88', matches: [MIKE] }]);
  });

  it('looks up the first handle alone first, then the rest, storing as it goes', async () => {
    const texts = Array.from({ length: 30 }, (_, i) => `write to client${i}@example.com`);
    const lists = heldLists({ 'email:client0@example.com': [MIKE], 'email:client29@example.com': [MIKE] });
    const seen: number[] = [];
    const handlers = createWarnPageHandlers(store, async (handles) => {
      seen.push((await store.get(5)).handlesChecked ?? 0);
      return lists(handles);
    });
    await handlers['handles/found'](found(texts), TAB);
    expect(lists.asked.map((batch) => batch.length)).toEqual([1, 4, 16, 9]);
    expect(seen).toEqual([0, 1, 5, 21]);
    const state = await store.get(5);
    expect(state.handlesChecked).toBe(30);
    expect(state.warnings?.map((warning) => warning.handle)).toEqual(['email:client0@example.com', 'email:client29@example.com']);
  });

  it('stores nothing while the vault is locked, and drops earlier warnings', async () => {
    await createWarnPageHandlers(store, heldLists({ 'tel:+12125550147': [MIKE] }))['handles/found'](found(['212 555 0147']), TAB);
    const locked = createWarnPageHandlers(store, async () => 'locked');
    await expect(locked['handles/found'](found(['212 555 0147']), TAB)).resolves.toEqual({ count: 0 });
    const state = await store.get(5);
    expect(state.warnings).toBeUndefined();
    expect(state.handlesChecked).toBe(0);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('');
  });

  it('a page with no handles asks nothing and clears what an earlier page state held', async () => {
    const lists = heldLists({});
    const handlers = createWarnPageHandlers(store, lists);
    await store.setWarnings(5, [{ written: 'x', handle: 'tel:+12125550147', matches: [MIKE] }], 1);
    await expect(handlers['handles/found'](found(['Hello, see you Tuesday.']), TAB)).resolves.toEqual({ count: 0 });
    expect(lists.asked).toEqual([]);
    expect((await store.get(5)).warnings).toBeUndefined();
  });

  it('a newer report from the tab makes an older one stop', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const lists = heldLists({ 'tel:+12125550147': [MIKE] });
    const handlers = createWarnPageHandlers(store, async (handles) => {
      if (handles.includes('tel:+12125550147')) await gate;
      return lists(handles);
    });
    const old = handlers['handles/found'](found(['212 555 0147']), TAB);
    await handlers['handles/found'](found(['(646) 555-0199']), TAB);
    release();
    await old;
    const state = await store.get(5);
    expect(state.warnings).toBeUndefined();
    expect(state.handlesChecked).toBe(1);
  });
  it('drops a slow answer for a page the tab has left: a new page on the site, or another site (regression)', async () => {
    for (const leave of [
      () => store.opened(5, 'http://127.0.0.1:8123/parasol-demo/index.html'),
      () => store.navigated(5, 'https://elsewhere.example/'),
    ]) {
      await store.opened(5, TAB.url);
      let release!: () => void;
      const asked: NormalHandle[][] = [];
      const handlers = createWarnPageHandlers(store, async (handles) => {
        asked.push(handles);
        await new Promise<void>((resolve) => (release = resolve));
        return new Map(handles.map((handle) => [handle, [MIKE]]));
      });
      const reply = handlers['handles/found'](found(['212 555 0147', 'call 646 555 0199', 'or 917 555 0123']), TAB);
      await vi.waitFor(() => expect(asked).toHaveLength(1));
      await leave();
      release();
      await reply;
      const state = await store.get(5);
      expect(state.warnings).toBeUndefined();
      expect(state.handlesChecked).toBeUndefined();
      // And the run stopped: the page's other handles were not looked up for nothing.
      expect(asked).toHaveLength(1);
    }
  });
});
