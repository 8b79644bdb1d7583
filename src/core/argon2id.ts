// Argon2id for every slow hash in Parasol: list tags, list files' keys and the vault's key.
// openpgpjs/argon2id with WebAssembly SIMD takes about 24 ms for a 16 MiB list tag here, where
// hash-wasm took 33 ms (npm run bench, part warnlist); a page's lookups cost one tag per handle
// and list, so that is most of their time. It falls back to its plain build where SIMD is missing.
// The output is RFC 9106 Argon2id, byte for byte (tests/unit/core/argon2id.test.ts).
//
// Its WebAssembly memory is made here rather than by the package's setupWasm, so that a key's
// derivation can wipe it: Argon2id's last blocks are enough to compute the key, and neither this
// package nor hash-wasm clears them, so after "Lock now" they would stay in the background's
// memory until the next hash of that size overwrote them.
import computeArgon2id from 'argon2id/lib/argon2id.js';
import { argon2id as argon2idPlain } from 'hash-wasm';
import { PLAIN_WASM, SIMD_WASM } from './argon2id-wasm';
import { base64ToBytes } from './base64';

export interface Argon2idInput {
  password: Uint8Array;
  salt: Uint8Array;
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  /** Bytes of output. */
  length: number;
}

interface Wasm {
  instance: WebAssembly.Instance;
  memory: WebAssembly.Memory;
}

/** The package's build declares this much memory at least (65 MiB), growing to 4 GiB. */
const INITIAL_PAGES = 1040;
const MAXIMUM_PAGES = 65536;

let loaded: Promise<Wasm> | undefined;

const wasmBytes = (base64: string) => base64ToBytes(base64) as Uint8Array<ArrayBuffer>;

/** One instance per context (page, worker, thread): its memory grows to the largest cost asked and is reused. */
function wasm(): Promise<Wasm> {
  loaded ??= (async () => {
    const memory = new WebAssembly.Memory({ initial: INITIAL_PAGES, maximum: MAXIMUM_PAGES });
    const imports = { env: { memory } };
    const source = await WebAssembly.instantiate(wasmBytes(SIMD_WASM), imports).catch(() => WebAssembly.instantiate(wasmBytes(PLAIN_WASM), imports));
    return { instance: source.instance, memory };
  })().catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}

/** Shorter passwords go to hash-wasm: openpgpjs/argon2id refuses them, though RFC 9106 allows them. */
const SHORTEST_FOR_SIMD = 8;

/**
 * Argon2id of `input`. With `wipe`, the working memory is zeroed afterwards (a key's derivation:
 * a few milliseconds per 64 MiB); without, it is left for the next hash to overwrite (list tags,
 * which only the handle's holder could compute anyway).
 */
export async function argon2id(input: Argon2idInput, { wipe = false } = {}): Promise<Uint8Array> {
  const { password, salt, memoryKiB, iterations, parallelism, length } = input;
  if (password.length < SHORTEST_FOR_SIMD) {
    // Not wiped: hash-wasm keeps its memory to itself. Vault passphrases and list codes are longer.
    return argon2idPlain({ password, salt, memorySize: memoryKiB, iterations, parallelism, hashLength: length, outputType: 'binary' });
  }
  const { instance, memory } = await wasm();
  try {
    return computeArgon2id({ password, salt, memorySize: memoryKiB, passes: iterations, parallelism, tagLength: length }, { instance, memory });
  } finally {
    if (wipe) new Uint8Array(memory.buffer).fill(0);
  }
}

/** A copy of the working memory's first `bytes`, for tests that check what a hash leaves behind. */
export async function workingMemoryForTests(bytes: number): Promise<Uint8Array> {
  const { memory } = await wasm();
  return new Uint8Array(memory.buffer, 0, Math.min(bytes, memory.buffer.byteLength)).slice();
}
