// The vault's operations. A vault object is never changed in place: every change returns a new
// one, so a failed step (wrong passphrase, damaged record) leaves the caller's vault as it was.
import { deriveKey, newKdfParams, wipeKey, type KdfCost } from './kdf';
import { RECORD_ID, VAULT_FORMAT, VAULT_LIMITS, VAULT_VERSION, parseVault, type Vault } from './format';
import { openText, sealText } from './seal';

/** The known value sealed as the vault's check. */
const CHECK_TEXT = 'parasol-vault-check-v1';

export type UnlockError = 'wrong-passphrase' | 'corrupt' | 'unsupported';
export type UnlockResult = { ok: true; key: Uint8Array } | { ok: false; error: UnlockError };
export type OpenError = 'missing' | 'corrupt';
export type OpenResult = { ok: true; text: string } | { ok: false; error: OpenError };
export type ChangeResult = { ok: true; vault: Vault; key: Uint8Array } | { ok: false; error: UnlockError };

/** A new, empty vault and its key. `cost` is for tests and later tuning; the default is the bench's. */
export async function createVault(passphrase: string, cost?: KdfCost): Promise<{ vault: Vault; key: Uint8Array }> {
  if (passphrase.length === 0) throw new RangeError('vault: empty passphrase');
  const kdf = newKdfParams(cost);
  const key = await deriveKey(passphrase, kdf);
  return { vault: { format: VAULT_FORMAT, version: VAULT_VERSION, kdf, check: sealText(key, CHECK_TEXT), records: {} }, key };
}

/**
 * The vault's key for this passphrase. The vault is validated first (it may come from storage or a
 * file), so a damaged one gives 'corrupt' and a newer one 'unsupported' before any key is derived.
 * A tampered check cannot be told from a wrong passphrase (both fail authentication): 'wrong-passphrase'.
 */
export async function unlockVault(vault: unknown, passphrase: string): Promise<UnlockResult> {
  const parsed = parseVault(vault);
  if (!parsed.ok) return { ok: false, error: parsed.error === 'unsupported' ? 'unsupported' : 'corrupt' };
  // No vault is made with an empty passphrase (and Argon2 refuses one).
  if (passphrase.length === 0) return { ok: false, error: 'wrong-passphrase' };
  const key = await deriveKey(passphrase, parsed.vault.kdf);
  const check = openText(key, parsed.vault.check);
  if (check === CHECK_TEXT) return { ok: true, key };
  wipeKey(key);
  // The check opened but holds something else: sealed by this key, yet not a vault check.
  return { ok: false, error: check === null ? 'wrong-passphrase' : 'corrupt' };
}

/** A new vault with `text` sealed under `id` (replacing any record there). */
export function sealRecord(vault: Vault, key: Uint8Array, id: string, text: string): Vault {
  if (!RECORD_ID.test(id)) throw new RangeError('vault: bad record id');
  const isNew = !Object.hasOwn(vault.records, id);
  if (isNew && Object.keys(vault.records).length >= VAULT_LIMITS.records) throw new RangeError('vault: too many records');
  const sealed = sealText(key, bound(id, text));
  if (sealed.box.length > VAULT_LIMITS.recordChars) throw new RangeError('vault: record too large');
  return { ...vault, records: { ...vault.records, [id]: sealed } };
}

/** A record's text; 'corrupt' when its ciphertext or nonce was changed or it was sealed with another key. */
export function openRecord(vault: Vault, key: Uint8Array, id: string): OpenResult {
  const sealed = Object.hasOwn(vault.records, id) ? vault.records[id] : undefined;
  if (!sealed) return { ok: false, error: 'missing' };
  const plain = openText(key, sealed);
  const prefix = bound(id, '');
  return plain === null || !plain.startsWith(prefix) ? { ok: false, error: 'corrupt' } : { ok: true, text: plain.slice(prefix.length) };
}

/**
 * The plaintext sealed for a record starts with its id, so a record moved under another id (or the
 * check moved into a record) is refused: secretbox has no associated data to bind it otherwise.
 * Ids never hold a newline.
 */
function bound(id: string, text: string): string {
  return `${id}\n${text}`;
}

export function removeRecord(vault: Vault, id: string): Vault {
  if (!Object.hasOwn(vault.records, id)) return vault;
  const records = { ...vault.records };
  delete records[id];
  return { ...vault, records };
}

export function recordIds(vault: Vault): string[] {
  return Object.keys(vault.records).sort();
}

/**
 * Re-seals every record under a key from the new passphrase, with a new salt (and `cost`, so this is
 * also how parameters are raised). All or nothing: if any record does not open, nothing is returned
 * but 'corrupt', and the given vault is untouched either way. The old key derived here is wiped.
 */
export async function changePassphrase(vault: Vault, oldPassphrase: string, newPassphrase: string, cost?: KdfCost): Promise<ChangeResult> {
  if (newPassphrase.length === 0) throw new RangeError('vault: empty passphrase');
  const unlocked = await unlockVault(vault, oldPassphrase);
  if (!unlocked.ok) return unlocked;
  const oldKey = unlocked.key;
  try {
    const texts: [string, string][] = [];
    for (const id of Object.keys(vault.records)) {
      const opened = openRecord(vault, oldKey, id);
      if (!opened.ok) return { ok: false, error: 'corrupt' };
      texts.push([id, opened.text]);
    }
    const { memoryKiB, iterations, parallelism } = vault.kdf;
    const created = await createVault(newPassphrase, cost ?? { memoryKiB, iterations, parallelism });
    let next = created.vault;
    for (const [id, text] of texts) next = sealRecord(next, created.key, id, text);
    return { ok: true, vault: next, key: created.key };
  } finally {
    wipeKey(oldKey);
  }
}
