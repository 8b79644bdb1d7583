// Base64 for the vault's JSON. Written here because `Uint8Array.fromBase64` is not yet in every
// browser Parasol supports and tweetnacl-util is unmaintained; btoa/atob run in Node and browsers.

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunks keep String.fromCharCode's argument list short for large records.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function isBase64(text: string): boolean {
  return BASE64.test(text);
}

/** Null for anything that is not canonical base64, so a damaged file is refused, not guessed. */
export function fromBase64(text: string): Uint8Array | null {
  if (!isBase64(text)) return null;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
