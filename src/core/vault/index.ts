// The vault's public face, for the background and the tests.
export { createVault, unlockVault, sealRecord, openRecord, removeRecord, recordIds, changePassphrase } from './vault';
export type { UnlockError, UnlockResult, OpenError, OpenResult, ChangeResult } from './vault';
export { exportBackup, importBackup, BACKUP_MIME, type ImportResult } from './backup';
export { parseVault, parseVaultText, VAULT_FORMAT, VAULT_VERSION, VAULT_LIMITS, RECORD_ID, type Vault, type ParseError, type ParseResult } from './format';
export { DEFAULT_KDF_COST, KDF_LIMITS, deriveKey, wipeKey, type KdfCost, type KdfParams } from './kdf';
export type { Sealed } from './seal';
