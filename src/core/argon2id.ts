// Argon2id for every slow hash in Parasol: list tags, list files' keys and the vault's key.
// openpgpjs/argon2id with WebAssembly SIMD takes about 24 ms for a 16 MiB list tag here, where
// hash-wasm took 33 ms (npm run bench, part warnlist); a page's lookups cost one tag per handle
// and list, so that is most of their time. It falls back to its plain build where SIMD is missing.
// The output is RFC 9106 Argon2id, byte for byte (tests/unit/core/argon2id.test.ts).
import setupWasm, { type computeHash } from 'argon2id/lib/setup.js';
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

let loaded: Promise<computeHash> | undefined;

const wasmBytes = (base64: string) => base64ToBytes(base64) as Uint8Array<ArrayBuffer>;

/** One instance per context (page, worker, thread): its memory grows to the largest cost asked and is reused. */
function hasher(): Promise<computeHash> {
  loaded ??= setupWasm(
    (imports) => WebAssembly.instantiate(wasmBytes(SIMD_WASM), imports),
    (imports) => WebAssembly.instantiate(wasmBytes(PLAIN_WASM), imports),
  ).catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}

/** Shorter passwords go to hash-wasm: openpgpjs/argon2id refuses them, though RFC 9106 allows them. */
const SHORTEST_FOR_SIMD = 8;

export async function argon2id(input: Argon2idInput): Promise<Uint8Array> {
  if (input.password.length < SHORTEST_FOR_SIMD) {
    const { password, salt, memoryKiB: memorySize, iterations, parallelism, length: hashLength } = input;
    return argon2idPlain({ password, salt, memorySize, iterations, parallelism, hashLength, outputType: 'binary' });
  }
  const hash = await hasher();
  return hash({
    password: input.password,
    salt: input.salt,
    memorySize: input.memoryKiB,
    passes: input.iterations,
    parallelism: input.parallelism,
    tagLength: input.length,
  });
}
