import { storage } from 'wxt/utils/storage';
import { bytesToBase64 } from '../../../core/base64';
import { fromBase64 } from '../../../core/vault/base64';
import { KEY_BYTES } from '../../../core/vault/kdf';
import { parseVault, type ParseResult, type Vault } from '../../../core/vault';

/**
 * The vault on disk: one item in storage.local, always written whole in one `set`, so a write
 * either lands or leaves the old vault (storage.local writes one key atomically). Its own
 * `format`/`version` and the records' migrations (core/identity/stored.ts) version what is inside.
 */
const vaultItem = storage.defineItem<unknown>('local:vault', { version: 1 });

/**
 * The key while unlocked, in storage.session: memory only (never on disk), gone when the browser
 * closes, and out of content scripts' reach (Chrome's default access level; Firefox never exposes
 * it to them). It lets a service worker the browser stopped come back unlocked.
 */
const keyItem = storage.defineItem<string>('session:vaultKey');

export async function readVault(): Promise<ParseResult | undefined> {
  const stored = await vaultItem.getValue();
  return stored === null || stored === undefined ? undefined : parseVault(stored);
}

export async function writeVault(vault: Vault): Promise<void> {
  await vaultItem.setValue(vault);
}

export async function readSessionKey(): Promise<Uint8Array | undefined> {
  const text = await keyItem.getValue().catch(() => null);
  const key = text ? fromBase64(text) : null;
  return key?.length === KEY_BYTES ? key : undefined;
}

export async function writeSessionKey(key: Uint8Array | undefined): Promise<void> {
  if (key) await keyItem.setValue(bytesToBase64(key));
  else await keyItem.removeValue();
}
