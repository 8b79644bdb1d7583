// Passphrase → 32-byte key with Argon2id (../argon2id). The parameters travel with the vault so a
// later release can raise them without locking anyone out of an older vault.
import { argon2id } from '../argon2id';
import nacl from 'tweetnacl';
import { fromBase64, toBase64 } from './base64';

/** Argon2 version 1.3 (0x13), the only one ../argon2id computes. */
export const ARGON2_VERSION = 0x13;
export const SALT_BYTES = 16;
export const KEY_BYTES = nacl.secretbox.keyLength;

export interface KdfParams {
  name: 'argon2id';
  version: typeof ARGON2_VERSION;
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  /** Base64 of SALT_BYTES random bytes. */
  salt: string;
}

export type KdfCost = Pick<KdfParams, 'memoryKiB' | 'iterations' | 'parallelism'>;

/** 64 MiB, 3 passes, one lane: about 0.3 s on the development machine (see the vault bench). */
export const DEFAULT_KDF_COST: KdfCost = { memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 };

/**
 * Bounds a vault read from a file must respect: the upper ones stop a crafted backup from making
 * an unlock take minutes or exhaust memory; the lower ones are Argon2's own minimums.
 */
export const KDF_LIMITS = {
  memoryKiB: { min: 8, max: 512 * 1024 },
  iterations: { min: 1, max: 16 },
  parallelism: { min: 1, max: 4 },
} as const;

export function newKdfParams(cost: KdfCost = DEFAULT_KDF_COST): KdfParams {
  return { name: 'argon2id', version: ARGON2_VERSION, ...cost, salt: toBase64(nacl.randomBytes(SALT_BYTES)) };
}

export async function deriveKey(passphrase: string, params: KdfParams): Promise<Uint8Array> {
  const salt = fromBase64(params.salt);
  if (!salt || salt.length !== SALT_BYTES) throw new RangeError('vault: bad salt');
  // NFC so the same passphrase typed on another keyboard or system gives the same bytes.
  const password = new TextEncoder().encode(passphrase.normalize('NFC'));
  try {
    return await argon2id({
      password,
      salt,
      memoryKiB: params.memoryKiB,
      iterations: params.iterations,
      parallelism: params.parallelism,
      length: KEY_BYTES,
    }, { wipe: true });
  } finally {
    password.fill(0);
  }
}

/** Overwrites a key the caller is done with, so it does not linger in memory until collected. */
export function wipeKey(key: Uint8Array | null | undefined): void {
  key?.fill(0);
}
