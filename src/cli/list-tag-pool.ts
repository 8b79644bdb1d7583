// Tags for a large list across the computer's cores. Each tag is one Argon2id hash of at least
// 16 MiB (tens of milliseconds), and buildList computes them one after another: 100,000 handles
// would take over an hour on one core. Here they are computed ahead, several at a time, and
// buildList gets a tagger that hands them out (the same Argon2id, checked against argonTagger in
// tests): with native Argon2id where the optional `argon2` package loaded (about twice as fast),
// else with WebAssembly on worker threads.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { argonTagger, type HandleTag, type TagParams, type Tagger } from '../core/warnlist';
import { DETAIL_KEY_BYTES, TAG_BYTES, tagCostAllowed } from '../core/warnlist/tags';
import { fromBase64 } from '../core/vault/base64';
import { loadNativeArgon2, type NativeArgon2 } from './native-argon2';

/** Handles sent to a worker at a time (and tags between progress reports): a few seconds of work, so progress moves and cores stay busy. */
const BATCH = 32;
/** Below this many handles, starting workers costs more than it saves. */
export const MIN_HANDLES_FOR_WORKERS = 64;

/**
 * The worker, as plain CommonJS so it runs under node, tsx and vitest alike without a loader:
 * argonTagger's computation, byte for byte (hash-wasm's Argon2id, 48 bytes: tag, then detail key).
 * hash-wasm rather than src/core/argon2id.ts because that is TypeScript with its WebAssembly
 * inlined by a script, which an eval'd worker cannot load without a loader or a bundle.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { argon2id } = require(workerData.hashWasm);
const encoder = new TextEncoder();
parentPort.on('message', async ({ id, handles, params }) => {
  try {
    const salt = Uint8Array.from(Buffer.from(params.salt, 'base64'));
    const out = [];
    for (const handle of handles) {
      out.push(await argon2id({ password: encoder.encode(handle), salt, memorySize: params.memoryKiB, iterations: params.iterations, parallelism: params.parallelism, hashLength: ${TAG_BYTES} + 32, outputType: 'binary' }));
    }
    parentPort.postMessage({ id, out });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) });
  }
});
`;

export function defaultJobs(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

export interface TagPoolOptions {
  /** Told once, before any tag, how they are computed: a line for stderr. */
  say?: (line: string) => void;
  /** Where native Argon2id comes from; tests pass `async () => undefined` to use the worker threads. */
  loadNative?: () => Promise<NativeArgon2 | undefined>;
}

/**
 * The hashes native Argon2id keeps in flight. Its async calls run on libuv's thread pool, whose
 * size is read from UV_THREADPOOL_SIZE once, at its first use (default 4): setting it from here
 * would not be reliable, since Node may already have used the pool. `jobs` up to 4 is what a
 * machine with up to 4 cores wants anyway; more in flight than the pool's threads would only queue.
 */
function nativeInFlight(jobs: number): number {
  const pool = Number(process.env.UV_THREADPOOL_SIZE);
  return Math.max(1, Math.min(jobs, Number.isInteger(pool) && pool >= 1 ? pool : 4));
}

/**
 * Every handle's tag, computed `jobs` at a time: native Argon2id if it loads, else worker
 * threads. Resolves to a map by handle; rejects if a hash fails (the list is then not written).
 */
export async function tagsInParallel(
  handles: string[],
  params: TagParams,
  jobs: number,
  onProgress?: (done: number, total: number) => void,
  options: TagPoolOptions = {},
): Promise<Map<string, HandleTag>> {
  if (tagCostAllowed(params) !== 'ok' || fromBase64(params.salt)?.length !== 16) throw new RangeError('warnlist: tag parameters out of bounds');
  const native = await (options.loadNative ?? loadNativeArgon2)();
  if (native) {
    const inFlight = nativeInFlight(jobs);
    options.say?.(`tags: native Argon2id, ${inFlight} at a time`);
    return nativeTags(native, handles, params, inFlight, onProgress);
  }
  const threads = Math.max(1, Math.min(jobs, Math.ceil(handles.length / BATCH)));
  options.say?.(`tags: WebAssembly on ${threads} worker thread${threads === 1 ? '' : 's'}`);
  return workerTags(handles, params, threads, onProgress);
}

/** Progress as the worker threads report it: after every BATCH tags, and at the end. */
async function nativeTags(
  native: NativeArgon2,
  handles: string[],
  params: TagParams,
  inFlight: number,
  onProgress?: (done: number, total: number) => void,
): Promise<Map<string, HandleTag>> {
  const result = new Map<string, HandleTag>();
  let next = 0;
  let failed = false;
  await Promise.all(
    Array.from({ length: Math.min(inFlight, handles.length) }, async () => {
      try {
        while (next < handles.length && !failed) {
          const handle = handles[next++]!;
          const out = await native(handle, params);
          if (out.length !== TAG_BYTES + DETAIL_KEY_BYTES) throw new Error(`native Argon2id gave ${out.length} bytes`);
          result.set(handle, { tag: out.slice(0, TAG_BYTES), detailKey: out.slice(TAG_BYTES) });
          if (result.size % BATCH === 0 || result.size === handles.length) onProgress?.(result.size, handles.length);
        }
      } catch (error) {
        failed = true; // the others stop taking handles, so the build ends soon after
        throw error;
      }
    }),
  );
  return result;
}

async function workerTags(
  handles: string[],
  params: TagParams,
  threads: number,
  onProgress?: (done: number, total: number) => void,
): Promise<Map<string, HandleTag>> {
  const result = new Map<string, HandleTag>();
  const batches: string[][] = [];
  for (let at = 0; at < handles.length; at += BATCH) batches.push(handles.slice(at, at + BATCH));
  const hashWasm = createRequire(import.meta.url).resolve('hash-wasm');
  const workers = Array.from({ length: threads }, () => new Worker(WORKER_SOURCE, { eval: true, workerData: { hashWasm } }));
  let next = 0;
  try {
    await Promise.all(
      workers.map(async (worker) => {
        while (next < batches.length) {
          const id = next++;
          const batch = batches[id]!;
          const out = await ask(worker, { id, handles: batch, params: { ...params } });
          batch.forEach((handle, i) => result.set(handle, { tag: out[i]!.slice(0, TAG_BYTES), detailKey: out[i]!.slice(TAG_BYTES) }));
          onProgress?.(result.size, handles.length);
        }
      }),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return result;
}

function ask(worker: Worker, message: { id: number; handles: string[]; params: TagParams }): Promise<Uint8Array[]> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: { id: number; out?: Uint8Array[]; error?: string }) => {
      if (reply.id !== message.id) return;
      worker.off('message', onMessage);
      worker.off('error', onError);
      if (reply.error || !reply.out) reject(new Error(`tag worker: ${reply.error}`));
      else resolve(reply.out);
    };
    const onError = (error: Error) => {
      worker.off('message', onMessage);
      reject(error);
    };
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.postMessage(message);
  });
}

/** A tagger for buildList that hands out tags computed ahead (for these parameters only), and computes any other itself. */
export function precomputedTagger(tags: Map<string, HandleTag>, computedWith: TagParams): Tagger {
  const same = (p: TagParams) =>
    p.salt === computedWith.salt && p.memoryKiB === computedWith.memoryKiB && p.iterations === computedWith.iterations && p.parallelism === computedWith.parallelism;
  return async (handle, params) => (same(params) && tags.get(handle)) || argonTagger(handle, params);
}
