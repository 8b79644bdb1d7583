// The vault file: versioned JSON, checked with valibot on every read. Everything in it is either
// public (format, KDF parameters) or sealed, so the file may sit in storage or in a backup as is.
import * as v from 'valibot';
import { isBase64 } from './base64';
import { ARGON2_VERSION, KDF_LIMITS, SALT_BYTES, type KdfParams } from './kdf';
import { NONCE_BYTES, type Sealed } from './seal';

export const VAULT_FORMAT = 'parasol-vault';
export const VAULT_VERSION = 1;

/** Limits on what a vault read from storage or a file may hold, so a crafted one cannot exhaust memory. */
export const VAULT_LIMITS = {
  /** Text of a whole vault or backup. */
  fileChars: 32 * 2 ** 20,
  records: 10_000,
  /** Base64 characters of one sealed record (about 3 MiB of plaintext). */
  recordChars: 4 * 2 ** 20,
  idChars: 128,
} as const;

export interface Vault {
  format: typeof VAULT_FORMAT;
  version: typeof VAULT_VERSION;
  kdf: KdfParams;
  /** A known value sealed with the key: opening it tells a right passphrase from a wrong one. */
  check: Sealed;
  records: Record<string, Sealed>;
}

/**
 * What a record id may be: short and plain. No underscore, so `__proto__` and its kin can never be
 * a key of the records object.
 */
export const RECORD_ID = /^[A-Za-z0-9.:-]{1,128}$/;

const base64Of = (bytes: number) => v.pipe(v.string(), v.length(Math.ceil(bytes / 3) * 4), v.check(isBase64));

const SealedSchema = v.strictObject({
  nonce: base64Of(NONCE_BYTES),
  box: v.pipe(v.string(), v.minLength(24), v.maxLength(VAULT_LIMITS.recordChars), v.check(isBase64)),
});

const whole = (limits: { min: number; max: number }) => v.pipe(v.number(), v.integer(), v.minValue(limits.min), v.maxValue(limits.max));

const KdfSchema = v.strictObject({
  name: v.literal('argon2id'),
  version: v.literal(ARGON2_VERSION),
  memoryKiB: whole(KDF_LIMITS.memoryKiB),
  iterations: whole(KDF_LIMITS.iterations),
  parallelism: whole(KDF_LIMITS.parallelism),
  salt: base64Of(SALT_BYTES),
});

const VaultSchema = v.strictObject({
  format: v.literal(VAULT_FORMAT),
  version: v.literal(VAULT_VERSION),
  kdf: KdfSchema,
  check: SealedSchema,
  records: v.pipe(
    v.record(v.pipe(v.string(), v.regex(RECORD_ID)), SealedSchema),
    v.check((records) => Object.keys(records).length <= VAULT_LIMITS.records),
  ),
});

/** Just enough to know a file is a vault at all, and which version and KDF it claims. */
const HeaderSchema = v.looseObject({
  format: v.literal(VAULT_FORMAT),
  version: v.unknown(),
  kdf: v.optional(v.unknown()),
});

export type ParseError = 'foreign' | 'unsupported' | 'corrupt';
export type ParseResult = { ok: true; vault: Vault } | { ok: false; error: ParseError };

/**
 * Checks a value claimed to be a vault. 'foreign': not a Parasol vault at all; 'unsupported': a
 * vault of a later version or with a KDF this release does not know; 'corrupt': anything else wrong.
 */
export function parseVault(value: unknown): ParseResult {
  const header = v.safeParse(HeaderSchema, value);
  if (!header.success) return { ok: false, error: 'foreign' };
  if (header.output.version !== VAULT_VERSION) {
    return { ok: false, error: typeof header.output.version === 'number' && header.output.version > VAULT_VERSION ? 'unsupported' : 'corrupt' };
  }
  const kdf = header.output.kdf;
  if (isObject(kdf) && ((typeof kdf.name === 'string' && kdf.name !== 'argon2id') || (typeof kdf.version === 'number' && kdf.version !== ARGON2_VERSION))) {
    return { ok: false, error: 'unsupported' };
  }
  const full = v.safeParse(VaultSchema, value);
  // valibot's output is a fresh object, so later changes to `value` cannot reach the vault.
  return full.success ? { ok: true, vault: full.output } : { ok: false, error: 'corrupt' };
}

/** Parses vault text (storage or a backup file), size-limited before JSON.parse sees it. */
export function parseVaultText(text: string): ParseResult {
  if (text.length > VAULT_LIMITS.fileChars) return { ok: false, error: 'corrupt' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // A truncated vault is not valid JSON; anything else that is not JSON is not ours.
    return { ok: false, error: looksLikeVault(text) ? 'corrupt' : 'foreign' };
  }
  return parseVault(value);
}

function looksLikeVault(text: string): boolean {
  return text.slice(0, 200).includes(`"${VAULT_FORMAT}"`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
