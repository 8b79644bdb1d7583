// Tags for a large list across the computer's cores. Each tag is one Argon2id hash of at least
// 16 MiB (tens of milliseconds), and buildList computes them one after another: 100,000 handles
// would take over an hour on one core. Here worker threads compute them ahead, and buildList
// gets a tagger that hands them out (the same Argon2id, checked against argonTagger in tests).
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { argonTagger, type HandleTag, type TagParams, type Tagger } from '../core/warnlist';
import { TAG_BYTES, tagCostAllowed } from '../core/warnlist/tags';
import { fromBase64 } from '../core/vault/base64';

/** Handles sent to a worker at a time: a few seconds of work, so progress moves and cores stay busy. */
const BATCH = 32;
/** Below this many handles, starting workers costs more than it saves. */
export const MIN_HANDLES_FOR_WORKERS = 64;

/**
 * The worker, as plain CommonJS so it runs under node, tsx and vitest alike without a loader:
 * argonTagger's computation, byte for byte (hash-wasm's Argon2id, 48 bytes: tag, then detail key).
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

/**
 * Every handle's tag, computed by `jobs` worker threads. Resolves to a map by handle; rejects if
 * a worker fails (the list is then not written).
 */
export async function tagsInParallel(
  handles: string[],
  params: TagParams,
  jobs: number,
  onProgress?: (done: number, total: number) => void,
): Promise<Map<string, HandleTag>> {
  if (tagCostAllowed(params) !== 'ok' || fromBase64(params.salt)?.length !== 16) throw new RangeError('warnlist: tag parameters out of bounds');
  const result = new Map<string, HandleTag>();
  const batches: string[][] = [];
  for (let at = 0; at < handles.length; at += BATCH) batches.push(handles.slice(at, at + BATCH));
  const hashWasm = createRequire(import.meta.url).resolve('hash-wasm');
  const workers = Array.from({ length: Math.max(1, Math.min(jobs, batches.length)) }, () => new Worker(WORKER_SOURCE, { eval: true, workerData: { hashWasm } }));
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
