/**
 * Base64 for one chunk of a photo on the photo port (see PHOTO_PORT in messages.ts): Chrome's
 * extension messaging carries JSON only, so bytes travel as text. A chunk is at most
 * PHOTO_CHUNK_BYTES, so each call here is a few milliseconds at most.
 */

type WithBase64 = Uint8ArrayConstructor & { fromBase64?: (text: string) => Uint8Array };
type BytesWithBase64 = Uint8Array & { toBase64?: () => string };

export function chunkToBase64(bytes: Uint8Array): string {
  const native = (bytes as BytesWithBase64).toBase64;
  if (native) return native.call(bytes);
  // btoa takes a "binary string"; built in slices, as a spread of the whole chunk overflows the stack.
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  return btoa(binary);
}

export function chunkFromBase64(text: string): Uint8Array {
  const native = (Uint8Array as WithBase64).fromBase64;
  if (native) return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The chunks of `bytes`, in order. */
export function* chunksOf(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}
