import { readIdentities, storedIdentities, type Identity } from '../../../core/identity';
import {
  changePassphrase,
  createVault,
  DEFAULT_KDF_COST,
  exportBackup,
  importBackup,
  openRecord,
  removeRecord,
  sealRecord,
  unlockVault,
  wipeKey,
  type Vault,
} from '../../../core/vault';
import type {
  ChangePassphraseReply,
  CreateVaultReply,
  ExportReply,
  IdentitiesReply,
  ImportReply,
  SaveIdentitiesReply,
  UnlockReply,
  VaultState,
} from '../../messages';
import { MAX_BACKUP_CHARS } from '../../messages';
import { tooShort } from './passphrase';
import { setUnlockedIdentities } from './unlocked-identities';
import { readSessionKey, readVault, writeSessionKey, writeVault } from './vault-storage';
import { wipeEverything } from './wipe';

/** The one record identities are sealed under. */
const IDENTITIES_RECORD = 'identities';

type Opened = { ok: true; identities: Identity[]; migrated: boolean } | { ok: false };

/**
 * The vault as the background holds it. The key lives here (and in storage.session, for a
 * restarted service worker) only while unlocked; nothing outside the background ever gets it.
 * Operations run one at a time, so an unlock and a save or a lock never interleave.
 */
export class VaultService {
  private key: Uint8Array | undefined;
  private vault: Vault | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor() {
    void this.run(() => this.restore());
  }

  status(): Promise<VaultState> {
    return this.run(async () => (this.key ? 'unlocked' : (await readVault()) ? 'locked' : 'new'));
  }

  create(passphrase: string): Promise<CreateVaultReply> {
    return this.run(async () => {
      if (await readVault()) return { ok: false, error: 'exists' };
      if (tooShort(passphrase)) return { ok: false, error: 'too-short' };
      const { vault, key } = await createVault(passphrase);
      const sealed = sealIdentities(vault, key, []);
      await writeVault(sealed);
      await this.open(sealed, key, []);
      return { ok: true };
    });
  }

  unlock(passphrase: string): Promise<UnlockReply> {
    return this.run(async () => {
      const stored = await readVault();
      if (!stored) return { ok: false, error: 'no-vault' };
      if (!stored.ok) return { ok: false, error: stored.error === 'unsupported' ? 'unsupported' : 'corrupt' };
      const unlocked = await unlockVault(stored.vault, passphrase);
      if (!unlocked.ok) return unlocked;
      const opened = openIdentities(stored.vault, unlocked.key);
      if (!opened.ok) {
        wipeKey(unlocked.key);
        return { ok: false, error: 'corrupt' };
      }
      let vault = stored.vault;
      let key = unlocked.key;
      // A vault made with weaker key-derivation settings than today's is sealed again with today's.
      if (weakerThanDefault(vault)) {
        const raised = await changePassphrase(vault, passphrase, passphrase, DEFAULT_KDF_COST);
        if (raised.ok) {
          wipeKey(key);
          ({ vault, key } = raised);
        }
      }
      await this.settle(vault, key, opened, vault !== stored.vault);
      return { ok: true };
    });
  }

  lock(): Promise<void> {
    return this.run(() => this.close());
  }

  changePassphrase(old: string, next: string): Promise<ChangePassphraseReply> {
    return this.run(async () => {
      if (tooShort(next)) return { ok: false, error: 'too-short' };
      const stored = await readVault();
      if (!stored) return { ok: false, error: 'no-vault' };
      if (!stored.ok) return { ok: false, error: stored.error === 'unsupported' ? 'unsupported' : 'corrupt' };
      const changed = await changePassphrase(stored.vault, old, next);
      if (!changed.ok) return changed;
      const opened = openIdentities(changed.vault, changed.key);
      await writeVault(changed.vault);
      await this.open(changed.vault, changed.key, opened.ok ? opened.identities : []);
      return { ok: true };
    });
  }

  wipe(): Promise<void> {
    return this.run(async () => {
      await this.close();
      await wipeEverything();
    });
  }

  exportBackup(): Promise<ExportReply> {
    return this.run(async () => {
      const stored = await readVault();
      if (!stored?.ok) return { ok: false, error: 'no-vault' };
      return { ok: true, text: exportBackup(stored.vault), fileName: `parasol-backup-${new Date().toISOString().slice(0, 10)}.json` };
    });
  }

  /** The vault is replaced only once the backup is whole, opens with `passphrase`, and its identities read. */
  importBackup(text: string, passphrase: string): Promise<ImportReply> {
    return this.run(async () => {
      if (text.length > MAX_BACKUP_CHARS) return { ok: false, error: 'too-large' };
      const parsed = importBackup(text);
      if (!parsed.ok) return parsed;
      const unlocked = await unlockVault(parsed.vault, passphrase);
      if (!unlocked.ok) return { ok: false, error: unlocked.error === 'wrong-passphrase' ? 'wrong-passphrase' : unlocked.error };
      const opened = openIdentities(parsed.vault, unlocked.key);
      if (!opened.ok) {
        wipeKey(unlocked.key);
        return { ok: false, error: 'corrupt' };
      }
      await this.close();
      await this.settle(parsed.vault, unlocked.key, opened, true);
      return { ok: true };
    });
  }

  identities(): Promise<IdentitiesReply> {
    return this.run(async () => {
      if (!this.key || !this.vault) return { ok: false, error: 'locked' };
      const opened = openIdentities(this.vault, this.key);
      return opened.ok ? { ok: true, identities: opened.identities } : { ok: false, error: 'locked' };
    });
  }

  saveIdentities(raw: unknown): Promise<SaveIdentitiesReply> {
    return this.run(async () => {
      if (!this.key || !this.vault) return { ok: false, error: 'locked' };
      // The options page sends a bare list, which the reader takes as the oldest stored shape.
      const read = readIdentities(raw);
      if (!read.ok) return { ok: false, error: 'invalid', ...(read.field ? { field: read.field } : {}) };
      const vault = sealIdentities(this.vault, this.key, read.value.identities);
      await writeVault(vault);
      this.vault = vault;
      setUnlockedIdentities(read.value.identities);
      return { ok: true, identities: read.value.identities };
    });
  }

  /** Another part's record (warning lists), opened while unlocked; undefined when there is none. */
  readRecord(id: string): Promise<{ ok: true; text: string | undefined } | { ok: false; error: 'locked' | 'corrupt' }> {
    return this.run(async () => {
      if (!this.key || !this.vault) return { ok: false, error: 'locked' };
      const opened = openRecord(this.vault, this.key, id);
      if (opened.ok) return { ok: true, text: opened.text };
      return opened.error === 'missing' ? { ok: true, text: undefined } : { ok: false, error: 'corrupt' };
    });
  }

  /** Seals several records at once (null removes one), in one write of the vault. */
  writeRecords(changes: Record<string, string | null>): Promise<{ ok: true } | { ok: false; error: 'locked' }> {
    return this.run(async () => {
      if (!this.key || !this.vault) return { ok: false, error: 'locked' };
      let vault = this.vault;
      for (const [id, text] of Object.entries(changes)) vault = text === null ? removeRecord(vault, id) : sealRecord(vault, this.key, id, text);
      await writeVault(vault);
      this.vault = vault;
      return { ok: true };
    });
  }

  private run<T>(job: () => Promise<T>): Promise<T> {
    const result = this.queue.then(job, job);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** A service worker the browser restarted comes back unlocked if the session still has the key. */
  private async restore(): Promise<void> {
    const key = await readSessionKey();
    if (!key) return;
    const stored = await readVault();
    const opened = stored?.ok ? openIdentities(stored.vault, key) : { ok: false as const };
    if (stored?.ok && opened.ok) {
      await this.open(stored.vault, key, opened.identities);
    } else {
      wipeKey(key);
      await writeSessionKey(undefined);
    }
  }

  /**
   * Opens `vault` after an unlock or an import: identities written by an older Parasol are sealed
   * again in the current shape, and the vault is stored when that or the caller (`changed`) says so.
   */
  private async settle(vault: Vault, key: Uint8Array, opened: Extract<Opened, { ok: true }>, changed: boolean): Promise<void> {
    const current = opened.migrated ? sealIdentities(vault, key, opened.identities) : vault;
    if (changed || opened.migrated) await writeVault(current);
    await this.open(current, key, opened.identities);
  }

  private async open(vault: Vault, key: Uint8Array, identities: Identity[]): Promise<void> {
    if (this.key !== key) wipeKey(this.key);
    this.key = key;
    this.vault = vault;
    await writeSessionKey(key);
    setUnlockedIdentities(identities);
  }

  private async close(): Promise<void> {
    const wasOpen = this.key !== undefined;
    wipeKey(this.key);
    this.key = undefined;
    this.vault = undefined;
    await writeSessionKey(undefined);
    if (wasOpen) setUnlockedIdentities(undefined);
  }
}

function weakerThanDefault({ kdf }: Vault): boolean {
  return kdf.memoryKiB < DEFAULT_KDF_COST.memoryKiB || kdf.iterations < DEFAULT_KDF_COST.iterations;
}

function sealIdentities(vault: Vault, key: Uint8Array, identities: readonly Identity[]): Vault {
  return sealRecord(vault, key, IDENTITIES_RECORD, JSON.stringify(storedIdentities(identities)));
}

function openIdentities(vault: Vault, key: Uint8Array): Opened {
  const opened = openRecord(vault, key, IDENTITIES_RECORD);
  if (!opened.ok) return opened.error === 'missing' ? { ok: true, identities: [], migrated: false } : { ok: false };
  let data: unknown;
  try {
    data = JSON.parse(opened.text);
  } catch {
    return { ok: false };
  }
  const read = readIdentities(data);
  return read.ok ? { ok: true, identities: read.value.identities, migrated: read.migrated } : { ok: false };
}
