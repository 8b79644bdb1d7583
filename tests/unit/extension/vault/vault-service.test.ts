import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { unlockedIdentities } from '../../../../src/extension/background/vault/unlocked-identities';
import { VaultService } from '../../../../src/extension/background/vault/vault-service';
import * as v from 'valibot';
import { IdentitiesSchema } from '../../../../src/core/identity/schema';
import { lola, personal } from '../../core/identity/fixtures';

// Real Argon2id (64 MiB, 3 passes) and real secretbox: each derivation takes a fraction of a second.
const PASS = 'correct horse battery';
/** The fixtures as stored: sites in their one written form. */
const SAVED = v.parse(IdentitiesSchema, [personal, lola]);

async function stored() {
  return fakeBrowser.storage.local.get(null);
}

async function fresh(): Promise<VaultService> {
  const vault = new VaultService();
  await vault.create(PASS);
  await vault.saveIdentities([personal, lola]);
  return vault;
}

describe('VaultService', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('starts new, and refuses a passphrase shorter than 8 characters', async () => {
    const vault = new VaultService();
    await expect(vault.status()).resolves.toBe('new');
    await expect(vault.create('short')).resolves.toEqual({ ok: false, error: 'too-short' });
    await expect(vault.status()).resolves.toBe('new');
  });

  it('keeps identities sealed: the stored vault never holds them in clear', async () => {
    const vault = await fresh();
    await expect(vault.identities()).resolves.toEqual({ ok: true, identities: SAVED });
    const text = JSON.stringify(await stored());
    for (const secret of ['Maria', '702 555 0147', 'lola.nights', 'Henderson']) expect(text).not.toContain(secret);
    expect(unlockedIdentities()).toEqual(SAVED);
  });

  it('locks: the key leaves memory and the session, identities are no longer given', async () => {
    const vault = await fresh();
    await vault.lock();
    await expect(vault.status()).resolves.toBe('locked');
    await expect(vault.identities()).resolves.toEqual({ ok: false, error: 'locked' });
    await expect(vault.saveIdentities([])).resolves.toEqual({ ok: false, error: 'locked' });
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(unlockedIdentities()).toBeUndefined();
  });

  it('a wrong passphrase gives a clear error and changes nothing', async () => {
    const vault = await fresh();
    await vault.lock();
    const before = await stored();
    await expect(vault.unlock('not the passphrase')).resolves.toEqual({ ok: false, error: 'wrong-passphrase' });
    expect(await stored()).toEqual(before);
    await expect(vault.status()).resolves.toBe('locked');
    await expect(vault.unlock(PASS)).resolves.toEqual({ ok: true });
    await expect(vault.identities()).resolves.toEqual({ ok: true, identities: SAVED });
  });

  it('a restarted background comes back unlocked from the session key', async () => {
    await fresh();
    const restarted = new VaultService();
    await expect(restarted.status()).resolves.toBe('unlocked');
    await expect(restarted.identities()).resolves.toEqual({ ok: true, identities: SAVED });
  });

  it('refuses identities that break the schema, keeping the ones stored', async () => {
    const vault = await fresh();
    const reply = await vault.saveIdentities([personal, { ...personal, id: 'me2' }]);
    expect(reply).toMatchObject({ ok: false, error: 'invalid' });
    expect(reply).not.toHaveProperty('field');
    // The page names a refused field in the person's language; the validator's English stays out of the reply.
    const bad = await vault.saveIdentities([{ ...personal, sites: ['not a site!'] }]);
    expect(bad).toEqual({ ok: false, error: 'invalid', field: 'sites' });
    await expect(vault.identities()).resolves.toEqual({ ok: true, identities: SAVED });
  });

  it('changing the passphrase keeps every identity; only the new passphrase opens it', async () => {
    const vault = await fresh();
    await expect(vault.changePassphrase('wrong wrong wrong', 'a new passphrase')).resolves.toEqual({ ok: false, error: 'wrong-passphrase' });
    await expect(vault.changePassphrase(PASS, 'a new passphrase')).resolves.toEqual({ ok: true });
    await vault.lock();
    await expect(vault.unlock(PASS)).resolves.toEqual({ ok: false, error: 'wrong-passphrase' });
    await expect(vault.unlock('a new passphrase')).resolves.toEqual({ ok: true });
    await expect(vault.identities()).resolves.toEqual({ ok: true, identities: SAVED });
  });

  it('a stored vault that was tampered with is refused as damaged', async () => {
    const vault = await fresh();
    await vault.lock();
    const { vault: sealed } = (await stored()) as { vault: { records: Record<string, { box: string }> } };
    const box = sealed.records.identities!.box;
    sealed.records.identities!.box = (box[0] === 'A' ? 'B' : 'A') + box.slice(1);
    await fakeBrowser.storage.local.set({ vault: sealed });
    await expect(vault.unlock(PASS)).resolves.toEqual({ ok: false, error: 'corrupt' });
    await expect(vault.status()).resolves.toBe('locked');
  });

  it('wipes everything it stored, in storage.local and storage.session', async () => {
    const vault = await fresh();
    await fakeBrowser.storage.session.set({ 'tab-findings:3': { watching: true, fields: {} } });
    await vault.wipe();
    expect(await stored()).toEqual({});
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    await expect(vault.status()).resolves.toBe('new');
    expect(unlockedIdentities()).toBeUndefined();
  });
});

describe('VaultService backups', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  async function backupText(): Promise<string> {
    const reply = await (await fresh()).exportBackup();
    if (!reply.ok) throw new Error('no backup');
    expect(reply.fileName).toMatch(/^parasol-backup-\d{4}-\d{2}-\d{2}\.json$/);
    return reply.text;
  }

  it('restores a backup into a wiped browser with its passphrase', async () => {
    const text = await backupText();
    const vault = new VaultService();
    await vault.wipe();
    await expect(vault.importBackup(text, 'wrong wrong wrong')).resolves.toEqual({ ok: false, error: 'wrong-passphrase' });
    await expect(vault.status()).resolves.toBe('new');
    await expect(vault.importBackup(text, PASS)).resolves.toEqual({ ok: true });
    await expect(vault.identities()).resolves.toEqual({ ok: true, identities: SAVED });
  });

  it.each([
    ['truncated', (text: string) => text.slice(0, text.length / 2), 'corrupt'],
    ['corrupt', (text: string) => text.replace(/"box": "[A-Za-z0-9+/]{8}/, '"box": "@@@@@@@@'), 'corrupt'],
    ['foreign JSON', () => JSON.stringify({ contacts: ['Maria'] }), 'foreign'],
    ['not text at all', () => '\u0089PNG\r\n\u001a\n\u0000\u0000', 'foreign'],
    ['from a later Parasol', (text: string) => text.replace('"version": 1', '"version": 99'), 'unsupported'],
    ['too large', () => ' '.repeat(32 * 2 ** 20 + 1), 'too-large'],
  ])('a %s backup gives a clear error and loses nothing', async (_name, damage, error) => {
    const text = await backupText();
    const vault = new VaultService();
    const before = await stored();
    await expect(vault.importBackup(damage(text), PASS)).resolves.toEqual({ ok: false, error });
    expect(await stored()).toEqual(before);
    await expect(vault.identities()).resolves.toEqual({ ok: true, identities: SAVED });
  });
});

describe('VaultService order', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('runs one operation at a time: a lock asked during an unlock comes after it', async () => {
    const vault = await fresh();
    await vault.lock();
    const order: string[] = [];
    const unlocking = vault.unlock(PASS).then(() => order.push('unlock'));
    const locking = vault.lock().then(() => order.push('lock'));
    await Promise.all([unlocking, locking]);
    expect(order).toEqual(['unlock', 'lock']);
    await expect(vault.status()).resolves.toBe('locked');
    vi.restoreAllMocks();
  });
});

describe('VaultService key-derivation settings', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('a vault made with weaker settings than today\'s is sealed again with today\'s on unlock, identities kept', async () => {
    const { createVault, sealRecord } = await import('../../../../src/core/vault');
    const { storedIdentities } = await import('../../../../src/core/identity/stored');
    const weak = await createVault(PASS, { memoryKiB: 8 * 1024, iterations: 1, parallelism: 1 });
    const vault = sealRecord(weak.vault, weak.key, 'identities', JSON.stringify(storedIdentities(SAVED)));
    await fakeBrowser.storage.local.set({ vault });
    const service = new VaultService();
    await expect(service.unlock(PASS)).resolves.toEqual({ ok: true });
    const { vault: raised } = (await stored()) as { vault: { kdf: { memoryKiB: number; iterations: number; salt: string } } };
    expect(raised.kdf).toMatchObject({ memoryKiB: 64 * 1024, iterations: 3 });
    expect(raised.kdf.salt).not.toBe(weak.vault.kdf.salt);
    await expect(service.identities()).resolves.toEqual({ ok: true, identities: SAVED });
    await service.lock();
    await expect(service.unlock(PASS)).resolves.toEqual({ ok: true });
  });
});
