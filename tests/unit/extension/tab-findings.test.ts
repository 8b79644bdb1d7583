import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Finding } from '../../../src/core/findings';
import { TabFindingsStore } from '../../../src/extension/background/tab-findings';
import type { FieldFindings } from '../../../src/extension/messages';

function phone(value: string, start = 0): Finding {
  return {
    kind: 'phone',
    severity: 'high',
    value,
    start,
    end: start + value.length,
    reason: 'reasonPhone',
  };
}

function field(label: string, ...findings: Finding[]): FieldFindings {
  return { label, findings };
}

async function stored(tabId: number) {
  return (await fakeBrowser.storage.session.get(`tab-findings:${tabId}`))[`tab-findings:${tabId}`];
}

/** Runs `body`, waits for the event loop to settle, and returns the promise rejections nobody handled. */
async function whileCollectingUnhandled(body: () => Promise<void>): Promise<unknown[]> {
  const unhandled: unknown[] = [];
  const listener = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', listener);
  try {
    await body();
    await new Promise((resolve) => setTimeout(resolve, 20));
  } finally {
    process.off('unhandledRejection', listener);
  }
  return unhandled;
}

describe('TabFindingsStore', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('knows nothing about an unknown tab', async () => {
    const store = new TabFindingsStore();
    await expect(store.get(3)).resolves.toEqual({ watching: false, fields: {} });
  });

  it('opens a tab, then sets a field', async () => {
    const store = new TabFindingsStore();
    await expect(store.opened(3)).resolves.toEqual({ watching: true, fields: {} });
    await expect(store.get(3)).resolves.toEqual({ watching: true, fields: {} });
    const bio = field('Bio', phone('555 123 4567'));
    await expect(store.setField(3, '0:f1', bio)).resolves.toEqual({
      watching: true,
      fields: { '0:f1': bio },
    });
    await expect(store.get(3)).resolves.toEqual({ watching: true, fields: { '0:f1': bio } });
  });

  it('replaces a field on a second set', async () => {
    const store = new TabFindingsStore();
    await store.setField(3, '0:f1', field('Bio', phone('555 123 4567')));
    const second = field('Bio', phone('555 987 6543'), phone('555 111 2222', 20));
    await store.setField(3, '0:f1', second);
    await expect(store.get(3)).resolves.toEqual({ watching: true, fields: { '0:f1': second } });
  });

  it('opening a tab again drops its fields', async () => {
    const store = new TabFindingsStore();
    await store.setField(3, '0:f1', field('Bio', phone('555 123 4567')));
    await store.opened(3);
    await expect(store.get(3)).resolves.toEqual({ watching: true, fields: {} });
  });

  it('drops a field set with no findings', async () => {
    const store = new TabFindingsStore();
    await store.setField(3, '0:f1', field('Bio', phone('555 123 4567')));
    await store.setField(3, '0:f2', field('Title', phone('555 987 6543')));
    await expect(store.setField(3, '0:f1', field('Bio'))).resolves.toEqual({
      watching: true,
      fields: { '0:f2': field('Title', phone('555 987 6543')) },
    });
    expect(Object.keys((await store.get(3)).fields)).toEqual(['0:f2']);
  });

  it('drops a field set to null', async () => {
    const store = new TabFindingsStore();
    await store.setField(3, '0:f1', field('Bio', phone('555 123 4567')));
    await expect(store.setField(3, '0:f1', null)).resolves.toEqual({ watching: true, fields: {} });
  });

  it('never stores an empty field', async () => {
    const store = new TabFindingsStore();
    await store.setField(3, '0:f1', field('Bio'));
    await expect(store.get(3)).resolves.toEqual({ watching: true, fields: {} });
  });

  it('keeps tabs apart', async () => {
    const store = new TabFindingsStore();
    await store.setField(1, '0:f1', field('One', phone('555 123 4567')));
    await store.setField(2, '0:f1', field('Two', phone('555 987 6543')));
    await store.opened(1);
    expect((await store.get(1)).fields).toEqual({});
    expect((await store.get(2)).fields['0:f1']?.label).toBe('Two');
  });

  it('keeps every one of 50 concurrent updates to one tab', async () => {
    const store = new TabFindingsStore();
    const pending = Array.from({ length: 50 }, (_, i) =>
      store.setField(5, `0:f${i}`, field(`Field ${i}`, phone('555 123 4567'))),
    );
    const states = await Promise.all(pending);
    // Each update saw all the earlier ones.
    states.forEach((state, i) => expect(Object.keys(state.fields)).toHaveLength(i + 1));
    const final = await store.get(5);
    expect(Object.keys(final.fields).sort()).toEqual(Array.from({ length: 50 }, (_, i) => `0:f${i}`).sort());
    expect(final.fields['0:f49']?.label).toBe('Field 49');
  });

  it('applies mixed concurrent updates in call order', async () => {
    const store = new TabFindingsStore();
    const pending = [
      store.opened(6),
      store.setField(6, '0:f1', field('A', phone('555 123 4567'))),
      store.setField(6, '0:f2', field('B', phone('555 987 6543'))),
      store.setField(6, '0:f1', null),
    ];
    await Promise.all(pending);
    expect(Object.keys((await store.get(6)).fields)).toEqual(['0:f2']);
  });

  it('carries on after a failed write', async () => {
    const store = new TabFindingsStore();
    await whileCollectingUnhandled(async () => {
      // The browser refuses one write (say, the session quota is full); later updates still land.
      vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValueOnce(new Error('quota exceeded'));
      const bad = store.setField(7, '0:f1', field('Bio', phone('555 123 4567')));
      const good = store.setField(7, '0:f2', field('Title', phone('555 987 6543')));
      await expect(bad).rejects.toThrow('quota exceeded');
      await expect(good).resolves.toEqual({
        watching: true,
        fields: { '0:f2': field('Title', phone('555 987 6543')) },
      });
    });
    expect(Object.keys((await store.get(7)).fields)).toEqual(['0:f2']);
  });

  it('a failed write leaves no unhandled rejection behind', async () => {
    const store = new TabFindingsStore();
    const unhandled = await whileCollectingUnhandled(async () => {
      vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValueOnce(new Error('quota exceeded'));
      // The caller handles the rejection it is given...
      await expect(store.setField(7, '0:f1', field('Bio', phone('555 123 4567')))).rejects.toThrow();
    });
    // ...so nothing else may reject unobserved (a service worker logs each one as an error).
    expect(unhandled).toEqual([]);
  });

  it('forget clears a tab', async () => {
    const store = new TabFindingsStore();
    await store.setField(8, '0:f1', field('Bio', phone('555 123 4567')));
    expect(await stored(8)).toBeDefined();
    await store.forget(8);
    await expect(store.get(8)).resolves.toEqual({ watching: false, fields: {} });
    expect(await stored(8)).toBeUndefined();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it('keeps data in the session storage area only', async () => {
    const store = new TabFindingsStore();
    const bio = field('Bio', phone('555 123 4567'));
    await store.setField(9, '0:f1', bio);
    expect(await stored(9)).toEqual({ watching: true, fields: { '0:f1': bio } });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('reads what another store instance wrote (a restarted background)', async () => {
    const bio = field('Bio', phone('555 123 4567'));
    await new TabFindingsStore().setField(10, '0:f1', bio);
    await expect(new TabFindingsStore().get(10)).resolves.toEqual({ watching: true, fields: { '0:f1': bio } });
  });

  describe('navigated', () => {
    const page = 'https://ads.example/profile';

    it('drops the findings when the tab leaves the site', async () => {
      const store = new TabFindingsStore();
      await store.opened(5, page);
      await store.setField(5, '0:f1', field('About me', phone('555 123 4567')));
      expect(await store.navigated(5, 'https://elsewhere.example/')).toBe(true);
      expect(await stored(5)).toBeUndefined();
    });

    it('drops them when the new address is hidden from Parasol', async () => {
      const store = new TabFindingsStore();
      await store.opened(5, page);
      await store.setField(5, '0:f1', field('About me', phone('555 123 4567')));
      expect(await store.navigated(5, undefined)).toBe(true);
      expect(await store.get(5)).toEqual({ watching: false, fields: {} });
    });

    it('keeps them when a page of the same site changes its address', async () => {
      const store = new TabFindingsStore();
      await store.opened(5, page);
      await store.setField(5, '0:f1', field('About me', phone('555 123 4567')));
      expect(await store.navigated(5, 'https://ads.example/profile#photos')).toBe(false);
      expect(Object.keys((await store.get(5)).fields)).toEqual(['0:f1']);
    });

    it('writes nothing for a tab Parasol does not watch', async () => {
      const store = new TabFindingsStore();
      expect(await store.navigated(9, 'https://elsewhere.example/')).toBe(false);
      expect(await stored(9)).toBeUndefined();
    });

    it('waits for updates under way, so a finding that lands first is dropped with the page', async () => {
      const store = new TabFindingsStore();
      await store.opened(5, page);
      const write = store.setField(5, '0:f1', field('About me', phone('555 123 4567')));
      const left = store.navigated(5, 'https://elsewhere.example/');
      await write;
      expect(await left).toBe(true);
      expect(await stored(5)).toBeUndefined();
    });
  });
});

describe('TabFindingsStore.setWarnings', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('writes nothing when a page reports the same answer again (no redraw for nothing)', async () => {
    const store = new TabFindingsStore();
    await store.opened(9, 'https://inbox.example/');
    await store.setWarnings(9, [], 4);
    const writes: unknown[] = [];
    fakeBrowser.storage.onChanged.addListener((changes) => void writes.push(changes));
    await store.setWarnings(9, [], 4);
    expect(writes).toEqual([]);
    await store.setWarnings(9, [], 5);
    expect(writes).toHaveLength(1);
    expect((await store.get(9)).handlesChecked).toBe(5);
  });
});
