// The list's secret: a code Parasol makes (PSL1- then 160 random bits in base32 groups) or a
// passphrase the publisher picks. It opens the file and keys the tags; it travels out of band.
import nacl from 'tweetnacl';
import type { TagCost } from './tags';

/** Crockford's base32: no I, L, O, U, so a code read aloud or retyped survives. */
const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_BYTES = 20;
const CODE_CHARS = 32;
const CODE = /^PSL1[\s-]*((?:[0-9A-Z][\s-]*){32})$/i;

/** A fresh code: `PSL1-XXXX-XXXX-…` (8 groups of 4), 160 bits. */
export function newListSecret(): string {
  const bytes = nacl.randomBytes(CODE_BYTES);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return `PSL1-${out.match(/.{4}/g)!.join('-')}`;
}

/**
 * The secret as its KDF input: a code in one canonical form (case, dashes, spaces and the
 * look-alikes O/I/L forgiven), a passphrase NFC-normalised and otherwise as typed.
 */
export function canonicalSecret(secret: string): { text: string; isCode: boolean } {
  const match = CODE.exec(secret.trim());
  if (match) {
    const chars = match[1]!
      .replace(/[\s-]/g, '')
      .toUpperCase()
      .replace(/O/g, '0')
      .replace(/[IL]/g, '1');
    if (chars.length === CODE_CHARS && [...chars].every((c) => BASE32.includes(c))) return { text: `PSL1-${chars}`, isCode: true };
  }
  return { text: secret.normalize('NFC'), isCode: false };
}

/**
 * Argon2id cost of the key that opens the file. A code carries 160 random bits: no cost makes
 * guessing it any harder than impossible, so it gets a light one (opening stays quick on a phone).
 * A passphrase may be guessable, so it gets the vault's cost.
 */
export function fileKdfCost(secret: string): TagCost {
  return canonicalSecret(secret).isCode
    ? { memoryKiB: 8 * 1024, iterations: 1, parallelism: 1 }
    : { memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 };
}
