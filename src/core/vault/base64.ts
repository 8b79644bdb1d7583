// Strict base64 for the vault's JSON: a damaged file is refused, never decoded by guesswork.
import { base64ToBytes } from '../base64';

export { bytesToBase64 as toBase64 } from '../base64';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function isBase64(text: string): boolean {
  return BASE64.test(text);
}

/** Null for anything that is not canonical base64. */
export function fromBase64(text: string): Uint8Array | null {
  return isBase64(text) ? base64ToBytes(text) : null;
}
