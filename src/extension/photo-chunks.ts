/** The chunks of `bytes`, in order: a photo crosses the photo port (PHOTO_PORT) in pieces. */
export function* chunksOf(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}
