/**
 * Bytes as base64 text and back, for everything Parasol carries or stores as text (photo chunks
 * on Chrome's JSON messaging, the vault's JSON, pictures inside XMP). Uses the browser's own
 * `toBase64`/`fromBase64` where it has them; btoa/atob (in every browser and Node) elsewhere.
 */

type WithBase64 = Uint8ArrayConstructor & { fromBase64?: (text: string) => Uint8Array };
type BytesWithBase64 = Uint8Array & { toBase64?: () => string };

export function bytesToBase64(bytes: Uint8Array): string {
  const native = (bytes as BytesWithBase64).toBase64;
  if (native) return native.call(bytes);
  // btoa takes a "binary string"; built in slices, as a spread of a large array overflows the stack.
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  return btoa(binary);
}

/** Throws on text that is not base64, as atob does. */
export function base64ToBytes(text: string): Uint8Array {
  const native = (Uint8Array as WithBase64).fromBase64;
  if (native) return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
