// Encrypted backup to a file and back. The backup is the vault itself (already sealed), as text;
// importing only checks and returns it, so the caller replaces its vault only on success.
import { parseVaultText, type ParseError, type Vault } from './format';

export const BACKUP_MIME = 'application/json';

export function exportBackup(vault: Vault): string {
  return `${JSON.stringify(vault, null, 2)}\n`;
}

export type ImportResult = { ok: true; vault: Vault } | { ok: false; error: ParseError };

/** 'foreign': not a Parasol backup; 'unsupported': from a later Parasol; 'corrupt': damaged or truncated. */
export function importBackup(text: string): ImportResult {
  return parseVaultText(text);
}
