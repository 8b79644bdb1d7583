// The argon2id package types only its setup; this is its compute step, which takes the instance
// and the memory it runs in (src/core/argon2id.ts makes both, to be able to wipe the memory).
declare module 'argon2id/lib/argon2id.js' {
  export interface Argon2idParams {
    password: Uint8Array;
    salt: Uint8Array;
    parallelism: number;
    passes: number;
    /** KiB. */
    memorySize: number;
    tagLength: number;
    ad?: Uint8Array;
    secret?: Uint8Array;
  }
  export default function argon2id(params: Argon2idParams, wasm: { instance: WebAssembly.Instance; memory: WebAssembly.Memory }): Uint8Array;
}
