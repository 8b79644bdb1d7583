import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { buildList, generatePublisherKey, newListSecret } from '../../../../src/core/warnlist';
import { VaultService } from '../../../../src/extension/background/vault/vault-service';
import { HeldLists } from '../../../../src/extension/background/warnlist/held-lists';

// Real Argon2id tags at Parasol's floor and real signatures: a few reports only.
const PASS = 'correct horse battery';
const PUBLISHER = generatePublisherKey();
const SECRET = newListSecret();

function list(version: number, publisher = PUBLISHER, secret = SECRET, expires = '2099-01-01') {
  return buildList({
    id: 'peers-nyc',
    name: 'NYC peers',
    version,
    issued: '2026-11-01',
    expires,
    publisher,
    secret,
    reports: [{ handles: ['tel:+12125550147'], category: 'violence', story: 'Hit a worker in Queens.', region: 'Queens', date: '2026-10-30' }],
  });
}

async function unlocked(): Promise<{ vault: VaultService; lists: HeldLists }> {
  const vault = new VaultService();
  const lists = new HeldLists(vault);
  await vault.create(PASS);
  return { vault, lists };
}

describe('HeldLists', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
  });

  it('imports a list, then finds a listed number however it is written, and not an unlisted one', async () => {
    const { lists } = await unlocked();
    const reply = await lists.importList(await list(1), SECRET);
    expect(reply).toMatchObject({ ok: true, summary: { id: 'peers-nyc', name: 'NYC peers', entries: 1 } });
    const found = await lists.checkHandle('2I2 five five five 0147');
    expect(found).toMatchObject({ ok: true, handle: 'tel:+12125550147', matches: [{ category: 'violence', story: 'Hit a worker in Queens.', sources: 1 }] });
    await expect(lists.checkHandle('(646) 555-0199')).resolves.toEqual({ ok: true, handle: 'tel:+16465550199', matches: [] });
    await expect(lists.checkHandle('hello there')).resolves.toEqual({ ok: false, error: 'not-a-handle' });
  });

  it('keeps the list file sealed: storage holds no handle or story in clear', async () => {
    const { lists } = await unlocked();
    await lists.importList(await list(1), SECRET);
    const text = JSON.stringify(await fakeBrowser.storage.local.get(null));
    for (const secret of ['2125550147', 'Queens', 'violence', 'NYC peers', SECRET]) expect(text).not.toContain(secret);
  });

  it('refuses a wrong secret, an older version and another publisher, each with its reason, keeping what it held', async () => {
    const { lists } = await unlocked();
    await lists.importList(await list(2), SECRET);
    const before = await fakeBrowser.storage.local.get(null);
    await expect(lists.importList(await list(3), 'not the code')).resolves.toEqual({ ok: false, error: 'wrong-secret' });
    await expect(lists.importList(await list(1), SECRET)).resolves.toEqual({ ok: false, error: 'older-version' });
    await expect(lists.importList(await list(3, generatePublisherKey()), SECRET)).resolves.toEqual({ ok: false, error: 'publisher-changed' });
    await expect(lists.importList('{"hello": "world"}', SECRET)).resolves.toEqual({ ok: false, error: 'not-a-list' });
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
    await expect(lists.checkHandle('212-555-0147')).resolves.toMatchObject({ ok: true, matches: [{ category: 'violence' }] });
  });

  it('a newer version replaces the held one; an expired list is taken and flagged', async () => {
    const { lists } = await unlocked();
    await lists.importList(await list(1), SECRET);
    await expect(lists.importList(await list(2), SECRET)).resolves.toMatchObject({ ok: true, merged: 1, warnings: [] });
    const expired = await lists.importList(await list(3, PUBLISHER, SECRET, '2020-01-01'), SECRET);
    expect(expired).toMatchObject({ ok: true, warnings: ['expired'] });
    const held = await lists.summaries();
    expect(held).toMatchObject({ ok: true, lists: [{ id: 'peers-nyc', version: 3, expired: true }] });
  });

  it('answers nothing while locked, and reloads the lists at the next unlock', async () => {
    const { vault, lists } = await unlocked();
    await lists.importList(await list(1), SECRET);
    await vault.lock();
    await expect(lists.checkHandle('212 555 0147')).resolves.toEqual({ ok: false, error: 'locked' });
    await expect(lists.lookupHandles(['tel:+12125550147'])).resolves.toBe('locked');
    await vault.unlock(PASS);
    const found = await lists.lookupHandles(['tel:+12125550147']);
    expect(found).not.toBe('locked');
    expect((found as Map<string, unknown[]>).get('tel:+12125550147')).toHaveLength(1);
  });

  it('a report goes into the person\'s own list, which is found and can be shared with its code', async () => {
    const { lists } = await unlocked();
    await expect(lists.exportOwn()).resolves.toEqual({ ok: false, error: 'nothing' });
    await expect(lists.addReport({ handles: ['@bad.client', '917 555 0123'], category: 'non-payment', story: 'Left without paying.', date: '2026-11-20' })).resolves.toEqual({ ok: true });
    await expect(lists.checkHandle('917.555.0123')).resolves.toMatchObject({ ok: true, matches: [{ category: 'non-payment', story: 'Left without paying.' }] });
    const shared = await lists.exportOwn();
    expect(shared).toMatchObject({ ok: true });
    if (!shared.ok) return;
    expect(shared.armored).toContain('BEGIN PARASOL LIST');
    // A peer imports it from the pasted block with the code.
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
    const peer = await unlocked();
    await expect(peer.lists.importList(`> ${shared.armored.split('\n').join('\n> ')}`, shared.secret)).resolves.toMatchObject({ ok: true });
    await expect(peer.lists.checkHandle('(917) 555-0123')).resolves.toMatchObject({ ok: true, matches: [{ category: 'non-payment' }] });
    await expect(lists.addReport({ handles: [], category: 'nonsense', story: 'x', date: 'soon' })).resolves.toMatchObject({ ok: false, error: 'invalid' });
  });
});
