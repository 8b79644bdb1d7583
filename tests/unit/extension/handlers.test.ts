import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createHandlers } from '../../../src/extension/background/handlers';
import { VaultService } from '../../../src/extension/background/vault/vault-service';
import { HeldLists } from '../../../src/extension/background/warnlist/held-lists';
import { createRouter } from '../../../src/extension/background/router';
import { TabFindingsStore } from '../../../src/extension/background/tab-findings';
import type { Origin } from '../../../src/extension/messages';
import { saveSettings } from '../../../src/extension/storage/settings';
import { CALL_ME, CALL_ME_PHONE } from '../thin-slice';
import { MAX_DRAFT_CHARS } from '../../../src/core/text/scan-draft';

const TOP: Origin = { tabId: 7, frameId: 0, fromExtensionPage: false };
const SUB: Origin = { tabId: 7, frameId: 3, fromExtensionPage: false };
const PAGE: Origin = { fromExtensionPage: true };

function update(id: string, label: string, text: string) {
  return { type: 'draft/update' as const, field: { id, label }, text };
}

const badge = (tabId: number) => fakeBrowser.action.getBadgeText({ tabId });

describe('createHandlers', () => {
  let handlers: ReturnType<typeof createHandlers>;

  beforeEach(() => {
    fakeBrowser.reset();
    // WXT's fake browser does not implement i18n.getUILanguage; handlers.ts asks it for the
    // country when none is set. Stub only that one method.
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
    handlers = createHandlers(new TabFindingsStore(), new VaultService(), new HeldLists(new VaultService()));
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('counts a phone number in a draft and returns it for the tab', async () => {
    await expect(handlers['draft/update'](update('f1', 'About me', CALL_ME), TOP)).resolves.toEqual({
      count: 1,
    });
    const state = await handlers['findings/get']({ type: 'findings/get', tabId: 7 }, PAGE);
    expect(state.watching).toBe(true);
    const fields = Object.values(state.fields);
    expect(fields).toHaveLength(1);
    expect(fields[0]!.label).toBe('About me');
    expect(fields[0]!.findings).toEqual([
      expect.objectContaining(CALL_ME_PHONE),
    ]);
  });

  it('shows the count on the toolbar badge', async () => {
    await handlers['draft/update'](update('f1', 'Bio', '555 123 4567 or 555 987 6543'), TOP);
    expect(await badge(7)).toBe('2');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 7 })).toEqual([0xb3, 0x26, 0x1e, 255]);
    await handlers['draft/update'](update('f1', 'Bio', 'no number now'), TOP);
    expect(await badge(7)).toBe('');
  });

  it('counts nothing in a draft without numbers', async () => {
    await expect(handlers['draft/update'](update('f1', 'Bio', 'Sweet and discreet'), TOP)).resolves.toEqual({
      count: 0,
    });
    await expect(handlers['findings/get']({ type: 'findings/get', tabId: 7 }, PAGE)).resolves.toEqual({
      watching: true,
      fields: {},
    });
  });

  it('says when a field was longer than Parasol reads at once, even with nothing found', async () => {
    const long = 'Sweet and discreet. '.repeat(MAX_DRAFT_CHARS / 16).slice(0, MAX_DRAFT_CHARS);
    expect(long.length).toBe(MAX_DRAFT_CHARS);
    await expect(handlers['draft/update'](update('f1', 'Bio', long), TOP)).resolves.toEqual({ count: 0 });
    const state = await handlers['findings/get']({ type: 'findings/get', tabId: 7 }, PAGE);
    expect(state.fields['0:f1']).toMatchObject({ label: 'Bio', findings: [], cut: true });
    await handlers['draft/update'](update('f1', 'Bio', 'short now'), TOP);
    expect((await handlers['findings/get']({ type: 'findings/get', tabId: 7 }, PAGE)).fields).toEqual({});
  });

  it('counts a field in another frame separately', async () => {
    await handlers['draft/update'](update('f1', 'Top', 'call 555 123 4567'), TOP);
    await expect(handlers['draft/update'](update('f1', 'Framed', 'call 555 987 6543'), SUB)).resolves.toEqual({
      count: 2,
    });
    const state = await handlers['findings/get']({ type: 'findings/get', tabId: 7 }, PAGE);
    expect(Object.values(state.fields).map((f) => f.label).sort()).toEqual(['Framed', 'Top']);
    expect(await badge(7)).toBe('2');
  });

  it('keeps tabs apart', async () => {
    await handlers['draft/update'](update('f1', 'Bio', 'call 555 123 4567'), TOP);
    await expect(
      handlers['draft/update'](update('f1', 'Bio', 'call 555 987 6543'), { ...TOP, tabId: 8 }),
    ).resolves.toEqual({ count: 1 });
    expect(await badge(7)).toBe('1');
    expect(await badge(8)).toBe('1');
  });

  it('forgets a field', async () => {
    await handlers['draft/update'](update('f1', 'Top', 'call 555 123 4567'), TOP);
    await handlers['draft/update'](update('f1', 'Framed', 'call 555 987 6543'), SUB);
    await expect(handlers['draft/forget']({ type: 'draft/forget', fieldId: 'f1' }, TOP)).resolves.toEqual({
      count: 1,
    });
    const state = await handlers['findings/get']({ type: 'findings/get', tabId: 7 }, PAGE);
    expect(Object.values(state.fields).map((f) => f.label)).toEqual(['Framed']);
    expect(await badge(7)).toBe('1');
    await expect(handlers['draft/forget']({ type: 'draft/forget', fieldId: 'f1' }, SUB)).resolves.toEqual({
      count: 0,
    });
    expect(await badge(7)).toBe('');
  });

  it('page/opened from a sub-frame keeps the findings', async () => {
    await handlers['draft/update'](update('f1', 'Bio', 'call 555 123 4567'), TOP);
    await expect(handlers['page/opened']({ type: 'page/opened' }, SUB)).resolves.toBeNull();
    const state = await handlers['findings/get']({ type: 'findings/get', tabId: 7 }, PAGE);
    expect(Object.values(state.fields)).toHaveLength(1);
    expect(await badge(7)).toBe('1');
  });

  it('page/opened from the top frame starts afresh', async () => {
    await handlers['draft/update'](update('f1', 'Bio', 'call 555 123 4567'), TOP);
    await expect(handlers['page/opened']({ type: 'page/opened' }, TOP)).resolves.toBeNull();
    await expect(handlers['findings/get']({ type: 'findings/get', tabId: 7 }, PAGE)).resolves.toEqual({
      watching: true,
      fields: {},
    });
    expect(await badge(7)).toBe('');
  });

  it('page/opened marks a new tab as watched', async () => {
    await expect(handlers['findings/get']({ type: 'findings/get', tabId: 7 }, PAGE)).resolves.toEqual({
      watching: false,
      fields: {},
    });
    await handlers['page/opened']({ type: 'page/opened' }, TOP);
    await expect(handlers['findings/get']({ type: 'findings/get', tabId: 7 }, PAGE)).resolves.toMatchObject({
      watching: true,
    });
  });

  it('reads national numbers by the saved country', async () => {
    await saveSettings({ country: 'GB' });
    await expect(handlers['draft/update'](update('f1', 'Bio', 'call 020 7946 0958'), TOP)).resolves.toEqual({
      count: 1,
    });
    const [field] = Object.values((await handlers['findings/get']({ type: 'findings/get', tabId: 7 }, PAGE)).fields);
    expect(field!.findings[0]!.normalized).toBe('+442079460958');
  });

  it('reads national numbers by the browser language when no country is saved', async () => {
    vi.mocked(fakeBrowser.i18n.getUILanguage).mockReturnValue('ru-RU');
    await expect(handlers['draft/update'](update('f1', 'Bio', 'звони 8 912 345-67-89'), TOP)).resolves.toEqual({
      count: 1,
    });
    const [field] = Object.values((await handlers['findings/get']({ type: 'findings/get', tabId: 7 }, PAGE)).fields);
    expect(field!.findings[0]!.normalized).toBe('+79123456789');
  });

  it('falls back to the US when the browser language names no country', async () => {
    vi.mocked(fakeBrowser.i18n.getUILanguage).mockReturnValue('en');
    await expect(handlers['draft/update'](update('f1', 'Bio', 'call 555 123 4567'), TOP)).resolves.toEqual({
      count: 1,
    });
  });

  it('page/check injects the content script into the tab', async () => {
    // The fake browser has no scripting API; stand in for the browser's answer.
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([]);
    await expect(handlers['page/check']({ type: 'page/check', tabId: 7 }, PAGE)).resolves.toEqual({ ok: true });
    expect(inject).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['/content-scripts/content.js'] });
  });

  it('page/check reports noAccess when the browser refuses', async () => {
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access contents of the page'));
    await expect(handlers['page/check']({ type: 'page/check', tabId: 7 }, PAGE)).resolves.toEqual({
      ok: false,
      error: 'noAccess',
    });
  });

  it('works behind the router', async () => {
    const route = createRouter(handlers);
    await expect(route(update('f1', 'Bio', 'call 555 123 4567'), TOP)).resolves.toEqual({ count: 1 });
    const state = (await route({ type: 'findings/get', tabId: 7 }, PAGE)) as Awaited<
      ReturnType<typeof handlers['findings/get']>
    >;
    expect(Object.values(state.fields).map((f) => [f.label, f.findings.map((x) => x.normalized)])).toEqual([
      ['Bio', ['+15551234567']],
    ]);
  });
});
