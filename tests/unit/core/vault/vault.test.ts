import { describe, expect, it } from 'vitest';
import {
  DEFAULT_KDF_COST,
  changePassphrase,
  createVault,
  openRecord,
  recordIds,
  removeRecord,
  sealRecord,
  unlockVault,
  type KdfCost,
  type Vault,
} from '../../../../src/core/vault';
import { fromBase64, toBase64 } from '../../../../src/core/vault/base64';

/** Small Argon2 parameters: the vault stores its own, so tests need not pay 64 MiB each time. */
const FAST: KdfCost = { memoryKiB: 64, iterations: 1, parallelism: 1 };

const PASS = 'correct horse battery staple';

async function vaultWith(records: Record<string, string>): Promise<{ vault: Vault; key: Uint8Array }> {
  const created = await createVault(PASS, FAST);
  let vault = created.vault;
  for (const [id, text] of Object.entries(records)) vault = sealRecord(vault, created.key, id, text);
  return { vault, key: created.key };
}

/** Flips one bit of a base64 field. */
function flip(base64: string, index = 0): string {
  const bytes = fromBase64(base64)!;
  bytes[index]! ^= 1;
  return toBase64(bytes);
}

describe('vault', () => {
  it('seals and opens records after unlocking with the passphrase', async () => {
    const { vault } = await vaultWith({ personal: '{"phone":"+44 7700 900123"}', 'persona.1': 'Ruby, 07700 900456' });
    const unlocked = await unlockVault(structuredClone(vault), PASS);
    expect(unlocked.ok).toBe(true);
    if (!unlocked.ok) return;
    expect(unlocked.key).toHaveLength(32);
    expect(openRecord(vault, unlocked.key, 'personal')).toEqual({ ok: true, text: '{"phone":"+44 7700 900123"}' });
    expect(openRecord(vault, unlocked.key, 'persona.1')).toEqual({ ok: true, text: 'Ruby, 07700 900456' });
    expect(openRecord(vault, unlocked.key, 'nobody')).toEqual({ ok: false, error: 'missing' });
    expect(recordIds(vault)).toEqual(['persona.1', 'personal']);
    // Nothing readable in the stored form.
    expect(JSON.stringify(vault)).not.toContain('7700');
    expect(vault.kdf).toMatchObject({ name: 'argon2id', version: 0x13, ...FAST });
  });

  it('uses a new salt per vault and a new nonce per record', async () => {
    const a = await vaultWith({ x: 'same', y: 'same' });
    const b = await vaultWith({ x: 'same' });
    expect(a.vault.kdf.salt).not.toBe(b.vault.kdf.salt);
    expect(a.vault.records.x!.nonce).not.toBe(a.vault.records.y!.nonce);
    expect(a.vault.records.x!.box).not.toBe(a.vault.records.y!.box);
  });

  it('refuses a wrong passphrase and changes nothing', async () => {
    const { vault } = await vaultWith({ personal: 'secret' });
    const before = structuredClone(vault);
    expect(await unlockVault(vault, 'correct horse battery stapler')).toEqual({ ok: false, error: 'wrong-passphrase' });
    expect(await unlockVault(vault, '')).toEqual({ ok: false, error: 'wrong-passphrase' });
    expect(vault).toEqual(before);
  });

  it('gives the same key for the same passphrase in another Unicode form', async () => {
    const created = await createVault('café', FAST);
    const unlocked = await unlockVault(created.vault, 'cafe\u0301');
    expect(unlocked.ok && Buffer.from(unlocked.key).equals(Buffer.from(created.key))).toBe(true);
  });

  it('refuses a tampered ciphertext or nonce as corrupt', async () => {
    const { vault, key } = await vaultWith({ personal: 'secret text' });
    const sealed = vault.records.personal!;
    const tamperedBox: Vault = { ...vault, records: { personal: { ...sealed, box: flip(sealed.box, 20) } } };
    const tamperedTag: Vault = { ...vault, records: { personal: { ...sealed, box: flip(sealed.box, 0) } } };
    const tamperedNonce: Vault = { ...vault, records: { personal: { ...sealed, nonce: flip(sealed.nonce, 23) } } };
    const truncated: Vault = { ...vault, records: { personal: { ...sealed, box: toBase64(fromBase64(sealed.box)!.subarray(0, 20)) } } };
    // A record moved under another id, or the check moved into a record, opens but is refused.
    const moved: Vault = { ...vault, records: { other: sealed } };
    const swapped: Vault = { ...vault, records: { personal: vault.check } };
    expect(openRecord(moved, key, 'other')).toEqual({ ok: false, error: 'corrupt' });
    for (const bad of [tamperedBox, tamperedTag, tamperedNonce, truncated, swapped]) {
      expect(openRecord(bad, key, 'personal')).toEqual({ ok: false, error: 'corrupt' });
    }
    expect(openRecord(vault, key, 'personal')).toEqual({ ok: true, text: 'secret text' });
  });

  it('refuses a tampered check, and a damaged or newer vault, before deriving any key', async () => {
    const { vault } = await vaultWith({});
    expect(await unlockVault({ ...vault, check: { ...vault.check, box: flip(vault.check.box, 17) } }, PASS)).toEqual({ ok: false, error: 'wrong-passphrase' });
    expect(await unlockVault({ ...vault, check: { ...vault.check, nonce: flip(vault.check.nonce) } }, PASS)).toEqual({ ok: false, error: 'wrong-passphrase' });
    expect(await unlockVault({ ...vault, check: { nonce: vault.check.nonce, box: 'not base64!' } }, PASS)).toEqual({ ok: false, error: 'corrupt' });
    expect(await unlockVault({ ...vault, version: 2 }, PASS)).toEqual({ ok: false, error: 'unsupported' });
    expect(await unlockVault({ ...vault, kdf: { ...vault.kdf, name: 'scrypt' } }, PASS)).toEqual({ ok: false, error: 'unsupported' });
    // A crafted vault asking for 4 GiB or a thousand passes is refused, not computed.
    expect(await unlockVault({ ...vault, kdf: { ...vault.kdf, memoryKiB: 4 * 2 ** 20 } }, PASS)).toEqual({ ok: false, error: 'corrupt' });
    expect(await unlockVault({ ...vault, kdf: { ...vault.kdf, iterations: 1000 } }, PASS)).toEqual({ ok: false, error: 'corrupt' });
    expect(await unlockVault(null, PASS)).toEqual({ ok: false, error: 'corrupt' });
    // A check sealed with the right key but holding another value.
    const created = await createVault(PASS, FAST);
    const other = sealRecord(created.vault, created.key, 'x', 'not the check');
    expect(await unlockVault({ ...created.vault, check: other.records.x }, PASS)).toEqual({ ok: false, error: 'corrupt' });
  });

  it('changes the passphrase, keeping every record and leaving the old vault as it was', async () => {
    const records = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`r${i}`, `record ${i} ✓ ${'x'.repeat(i * 100)}`]));
    const { vault } = await vaultWith(records);
    const before = structuredClone(vault);
    const changed = await changePassphrase(vault, PASS, 'a new passphrase');
    expect(changed.ok).toBe(true);
    if (!changed.ok) return;
    expect(vault).toEqual(before);
    expect(changed.vault.kdf.salt).not.toBe(vault.kdf.salt);
    expect(changed.vault.kdf).toMatchObject(FAST);
    expect(await unlockVault(changed.vault, PASS)).toEqual({ ok: false, error: 'wrong-passphrase' });
    const unlocked = await unlockVault(changed.vault, 'a new passphrase');
    expect(unlocked.ok).toBe(true);
    if (!unlocked.ok) return;
    for (const [id, text] of Object.entries(records)) expect(openRecord(changed.vault, unlocked.key, id)).toEqual({ ok: true, text });
    expect(recordIds(changed.vault)).toEqual(recordIds(vault));
    // The old vault still opens with the old passphrase.
    expect((await unlockVault(vault, PASS)).ok).toBe(true);
  });

  it('raises the KDF cost when changing the passphrase', async () => {
    const { vault } = await vaultWith({ a: 'b' });
    const changed = await changePassphrase(vault, PASS, PASS, { memoryKiB: 128, iterations: 2, parallelism: 1 });
    expect(changed.ok && changed.vault.kdf).toMatchObject({ memoryKiB: 128, iterations: 2 });
  });

  it('refuses to change the passphrase when the old one is wrong or a record is damaged', async () => {
    const { vault } = await vaultWith({ a: 'one', b: 'two' });
    expect(await changePassphrase(vault, 'wrong', 'new')).toEqual({ ok: false, error: 'wrong-passphrase' });
    const damaged: Vault = { ...vault, records: { ...vault.records, b: { ...vault.records.b!, box: flip(vault.records.b!.box, 18) } } };
    expect(await changePassphrase(damaged, PASS, 'new')).toEqual({ ok: false, error: 'corrupt' });
  });

  it('removes records without touching the given vault', async () => {
    const { vault } = await vaultWith({ a: 'one', b: 'two' });
    const removed = removeRecord(vault, 'a');
    expect(recordIds(removed)).toEqual(['b']);
    expect(recordIds(vault)).toEqual(['a', 'b']);
  });

  it('refuses ids that are not plain', async () => {
    const { vault, key } = await vaultWith({});
    for (const id of ['', '__proto__', 'a b', 'x'.repeat(129), 'é']) expect(() => sealRecord(vault, key, id, 'x')).toThrow(RangeError);
  });

  it('works with the default parameters (64 MiB, 3 passes)', async () => {
    const created = await createVault(PASS);
    expect(created.vault.kdf).toMatchObject(DEFAULT_KDF_COST);
    expect(DEFAULT_KDF_COST.memoryKiB).toBeGreaterThanOrEqual(64 * 1024);
    expect(DEFAULT_KDF_COST.iterations).toBeGreaterThanOrEqual(3);
    const vault = sealRecord(created.vault, created.key, 'personal', 'hello');
    const unlocked = await unlockVault(vault, PASS);
    expect(unlocked.ok && openRecord(vault, unlocked.key, 'personal')).toEqual({ ok: true, text: 'hello' });
    expect(await unlockVault(vault, 'nope')).toEqual({ ok: false, error: 'wrong-passphrase' });
  }, 30_000);
});
