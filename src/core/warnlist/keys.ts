// The publisher's Ed25519 key pair (tweetnacl) and its fingerprint as words.
import nacl from 'tweetnacl';
import { fromBase64, toBase64 } from '../vault/base64';
import { FINGERPRINT_WORDS } from './words';

export interface PublisherKey {
  /** Base64 of the 32-byte Ed25519 public key: goes into every list. */
  publicKey: string;
  /** Base64 of the 64-byte secret key: never leaves the publisher. */
  secretKey: string;
}

export function generatePublisherKey(): PublisherKey {
  const pair = nacl.sign.keyPair();
  return { publicKey: toBase64(pair.publicKey), secretKey: toBase64(pair.secretKey) };
}

export const FINGERPRINT_LENGTH = 8;

/** 8 words (64 bits of SHA-512 of the key): enough to notice a swapped key when read out loud. */
export function fingerprintWords(publicKey: string): string[] {
  const key = fromBase64(publicKey);
  if (!key || key.length !== nacl.sign.publicKeyLength) throw new RangeError('warnlist: not a publisher key');
  const digest = nacl.hash(key);
  return [...digest.subarray(0, FINGERPRINT_LENGTH)].map((byte) => FINGERPRINT_WORDS[byte]!);
}

/** The secret key's bytes, checked against its public half (a mismatched pair would sign lists nobody can verify). */
export function publisherSecret(key: PublisherKey): Uint8Array {
  const secret = fromBase64(key.secretKey);
  const pub = fromBase64(key.publicKey);
  if (!secret || secret.length !== nacl.sign.secretKeyLength || !pub || toBase64(secret.subarray(32)) !== key.publicKey) {
    throw new RangeError('warnlist: the publisher key pair does not match');
  }
  return secret;
}
