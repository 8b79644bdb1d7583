import { describe, expect, it, vi } from 'vitest';
import { createRouter, RefusedMessage, type Handlers } from '../../../src/extension/background/router';
import type { Origin } from '../../../src/extension/messages';
import { MAX_DRAFT_CHARS } from '../../../src/core/text/scan-draft';

const CONTENT: Origin = { tabId: 4, frameId: 0, fromExtensionPage: false };
const PAGE: Origin = { fromExtensionPage: true };

function setup() {
  const handlers = {
    'draft/update': vi.fn(async () => ({ count: 1 })),
    'draft/forget': vi.fn(async () => ({ count: 0 })),
    'page/opened': vi.fn(async () => null),
    'findings/get': vi.fn(async () => ({ watching: true, fields: {} })),
    'page/check': vi.fn(async () => ({ ok: true as const })),
    'fix/apply': vi.fn(async () => ({ ok: true as const })),
    'photo/choose': vi.fn(async () => ({ ok: true as const })),
    'photo/not-image': vi.fn(async () => null),
    'photo/forget': vi.fn(async () => ({ count: 0 })),
    'vault/status': vi.fn(async () => ({ state: 'new' as const })),
    'vault/create': vi.fn(async () => ({ ok: true as const })),
    'vault/unlock': vi.fn(async () => ({ ok: true as const })),
    'vault/lock': vi.fn(async () => null),
    'vault/change-passphrase': vi.fn(async () => ({ ok: true as const })),
    'vault/wipe': vi.fn(async () => null),
    'vault/export': vi.fn(async () => ({ ok: false as const, error: 'no-vault' as const })),
    'vault/import': vi.fn(async () => ({ ok: true as const })),
    'identities/get': vi.fn(async () => ({ ok: false as const, error: 'locked' as const })),
    'identities/save': vi.fn(async () => ({ ok: false as const, error: 'locked' as const })),
    'site/identity': vi.fn(async () => ({ state: 'new' as const })),
    'handles/found': vi.fn(async () => ({ count: 0 })),
    'warn/check': vi.fn(async () => ({ ok: false as const, error: 'locked' as const })),
    'lists/import': vi.fn(async () => ({ ok: false as const, error: 'locked' as const })),
    'lists/get': vi.fn(async () => ({ ok: false as const, error: 'locked' as const })),
    'lists/remove': vi.fn(async () => ({ ok: false as const, error: 'locked' as const })),
    'report/add': vi.fn(async () => ({ ok: false as const, error: 'locked' as const })),
    'report/export': vi.fn(async () => ({ ok: false as const, error: 'locked' as const })),
  } satisfies Handlers;
  return { handlers, route: createRouter(handlers) };
}

function calls(handlers: ReturnType<typeof setup>['handlers']) {
  return Object.values(handlers).reduce((sum, handler) => sum + handler.mock.calls.length, 0);
}

const update = { type: 'draft/update', field: { id: 'f1', label: 'About me' }, text: 'hello' } as const;

describe('createRouter: shape', () => {
  it.each([
    ['null', null],
    ['a string', 'draft/update'],
    ['an array', [update]],
    ['no type', { field: update.field, text: 'x' }],
    ['an unknown type', { type: 'draft/delete', fieldId: 'f1' }],
    ['a type of the wrong case', { ...update, type: 'Draft/Update' }],
    ['update without text', { type: 'draft/update', field: update.field }],
    ['update without field', { type: 'draft/update', text: 'x' }],
    ['update with a text number', { ...update, text: 5 }],
    ['update without a label', { ...update, field: { id: 'f1' } }],
    ['update with a label over 200 chars', { ...update, field: { id: 'f1', label: 'a'.repeat(201) } }],
    ['update with text over the limit', { ...update, text: 'a'.repeat(MAX_DRAFT_CHARS + 1) }],
    ['update with a field id not f<digits>', { ...update, field: { id: 'x1', label: '' } }],
    ['update with field id "f"', { ...update, field: { id: 'f', label: '' } }],
    ['update with a ten-digit field id', { ...update, field: { id: 'f1234567890', label: '' } }],
    ['update with a field id with a newline', { ...update, field: { id: 'f1\n', label: '' } }],
    ['forget without a field id', { type: 'draft/forget' }],
    ['forget with a bad field id', { type: 'draft/forget', fieldId: '__proto__' }],
    ['findings/get without a tab id', { type: 'findings/get' }],
    ['findings/get with a negative tab id', { type: 'findings/get', tabId: -1 }],
    ['findings/get with a fractional tab id', { type: 'findings/get', tabId: 1.5 }],
    ['findings/get with a string tab id', { type: 'findings/get', tabId: '1' }],
    ['page/check with a negative tab id', { type: 'page/check', tabId: -3 }],
    ['page/check with NaN', { type: 'page/check', tabId: Number.NaN }],
  ])('refuses %s', async (_name, raw) => {
    const { handlers, route } = setup();
    for (const origin of [CONTENT, PAGE]) {
      await expect(route(raw, origin)).rejects.toThrow(RefusedMessage);
      await expect(route(raw, origin)).rejects.toThrow(/wrong shape/);
    }
    expect(calls(handlers)).toBe(0);
  });

  it('accepts text of exactly the limit', async () => {
    const { handlers, route } = setup();
    await route({ ...update, text: 'a'.repeat(MAX_DRAFT_CHARS) }, CONTENT);
    expect(handlers['draft/update']).toHaveBeenCalledOnce();
  });

  it('accepts a label of 200 chars and a nine-digit field id', async () => {
    const { handlers, route } = setup();
    await route({ ...update, field: { id: 'f123456789', label: 'a'.repeat(200) } }, CONTENT);
    expect(handlers['draft/update']).toHaveBeenCalledOnce();
  });

  it('refusals are RefusedMessage errors', async () => {
    const { route } = setup();
    const error = await route({ type: 'nope' }, PAGE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefusedMessage);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('RefusedMessage');
  });
});

describe('createRouter: senders', () => {
  const contentOnly = [
    update,
    { type: 'draft/forget', fieldId: 'f1' },
    { type: 'page/opened' },
    { type: 'handles/found', texts: ['call 212 555 0147'], links: [] },
  ];
  const pageOnly = [
    { type: 'findings/get', tabId: 4 },
    { type: 'page/check', tabId: 4 },
    // The vault: a page (or a content script it fooled) must never unlock, read or wipe it.
    { type: 'vault/status' },
    { type: 'vault/unlock', passphrase: 'guess guess' },
    { type: 'vault/wipe', confirm: true },
    { type: 'vault/export' },
    { type: 'identities/get' },
    { type: 'identities/save', identities: [] },
    { type: 'site/identity', tabId: 4 },
    // Warning lists: a page must never import, read or check against them.
    { type: 'warn/check', handle: '212 555 0147' },
    { type: 'lists/import', text: 'x', secret: 'y' },
    { type: 'lists/get' },
    { type: 'report/export' },
  ];
  const notContent: [string, Origin][] = [
    ['an extension page', PAGE],
    ['an extension page claiming a tab', { tabId: 4, frameId: 0, fromExtensionPage: true }],
    ['a sender with no tab', { fromExtensionPage: false }],
    ['a sender with only a frame', { frameId: 0, fromExtensionPage: false }],
  ];
  const notPage: [string, Origin][] = [
    ['a content script', CONTENT],
    ['a content script in a sub-frame', { tabId: 4, frameId: 2, fromExtensionPage: false }],
    ['a sender with no tab', { fromExtensionPage: false }],
  ];

  for (const message of contentOnly) {
    it.each(notContent)(`refuses ${message.type} from %s`, async (_name, origin) => {
      const { handlers, route } = setup();
      await expect(route(message, origin)).rejects.toThrow(RefusedMessage);
      await expect(route(message, origin)).rejects.toThrow(`"${message.type}"`);
      expect(calls(handlers)).toBe(0);
    });
  }

  for (const message of pageOnly) {
    it.each(notPage)(`refuses ${message.type} from %s`, async (_name, origin) => {
      const { handlers, route } = setup();
      await expect(route(message, origin)).rejects.toThrow(RefusedMessage);
      expect(calls(handlers)).toBe(0);
    });
  }

  it('accepts content messages from tab 0', async () => {
    const { handlers, route } = setup();
    await route({ type: 'page/opened' }, { tabId: 0, frameId: 0, fromExtensionPage: false });
    expect(handlers['page/opened']).toHaveBeenCalledOnce();
  });
});

describe('createRouter: dispatch', () => {
  it.each([
    [update, CONTENT],
    [{ type: 'draft/forget', fieldId: 'f7' }, { tabId: 9, frameId: 3, fromExtensionPage: false }],
    [{ type: 'page/opened' }, CONTENT],
    [{ type: 'findings/get', tabId: 12 }, PAGE],
    [{ type: 'page/check', tabId: 0 }, PAGE],
  ] as const)('sends %o to its handler', async (message, origin) => {
    const { handlers, route } = setup();
    const reply = await route(message, origin);
    const handler = handlers[message.type];
    expect(handler).toHaveBeenCalledOnce();
    expect(handler).toHaveBeenCalledWith(message, origin);
    expect(reply).toEqual(await handler.mock.results[0]!.value);
    expect(calls(handlers)).toBe(1);
  });

  it('passes the parsed message, without unknown keys', async () => {
    const { handlers, route } = setup();
    await route({ ...update, extra: 'dropped', field: { ...update.field, more: 1 } }, CONTENT);
    expect(handlers['draft/update'].mock.calls[0]).toEqual([update, CONTENT]);
  });

  it('returns what the handler returns', async () => {
    const { handlers, route } = setup();
    handlers['findings/get'].mockResolvedValueOnce({
      watching: true,
      fields: { a: { label: 'Bio', findings: [] } },
    });
    await expect(route({ type: 'findings/get', tabId: 1 }, PAGE)).resolves.toEqual({
      watching: true,
      fields: { a: { label: 'Bio', findings: [] } },
    });
  });

  it('passes a handler error on', async () => {
    const { handlers, route } = setup();
    handlers['page/check'].mockRejectedValueOnce(new Error('boom'));
    await expect(route({ type: 'page/check', tabId: 1 }, PAGE)).rejects.toThrow('boom');
  });
});
