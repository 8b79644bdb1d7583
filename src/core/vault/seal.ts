// One sealed value: tweetnacl secretbox (XSalsa20-Poly1305) with a fresh random nonce each time.
import nacl from 'tweetnacl';
import { fromBase64, toBase64 } from './base64';

export const NONCE_BYTES = nacl.secretbox.nonceLength;

export interface Sealed {
  /** Base64 of the 24-byte nonce. */
  nonce: string;
  /** Base64 of the ciphertext with its 16-byte authenticator. */
  box: string;
}

export function sealText(key: Uint8Array, text: string): Sealed {
  const plain = new TextEncoder().encode(text);
  const nonce = nacl.randomBytes(NONCE_BYTES);
  const box = nacl.secretbox(plain, nonce, key);
  plain.fill(0);
  return { nonce: toBase64(nonce), box: toBase64(box) };
}

/** Null when the box does not open with this key: tampered, truncated or sealed with another key. */
export function openText(key: Uint8Array, sealed: Sealed): string | null {
  const nonce = fromBase64(sealed.nonce);
  const box = fromBase64(sealed.box);
  if (!nonce || nonce.length !== NONCE_BYTES || !box || box.length < nacl.secretbox.overheadLength) return null;
  const plain = nacl.secretbox.open(box, nonce, key);
  if (!plain) return null;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    return null;
  } finally {
    plain.fill(0);
  }
  return text;
}
