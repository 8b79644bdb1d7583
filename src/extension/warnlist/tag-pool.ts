// Warning-list tags across the device's cores. Each tag is one Argon2id hash (16 MiB, about 25 ms),
// one per (handle, list): a page with 50 handles and 3 lists is 150 or more of them, about 4 s on
// one thread here. Dedicated Web Workers compute them side by side: 1.6–2.3 s on two cores (npm run
// bench, part warnlist-browser). Runs where `Worker` exists: Firefox's background page and
// Chrome's offscreen document.
import type { BatchTagger } from '../../core/warnlist/lookup';
import { DETAIL_KEY_BYTES, TAG_BYTES, type HandleTag } from '../../core/warnlist/tags';
import type { TagRequest, TagWorkReply, TagWorkRequest } from './tag-messages';

/** The tag worker's script (entrypoints/tag-worker.ts, built by WXT). */
export const TAG_WORKER_PATH = '/tag-worker.js';
/** Tags sent to a worker at a time: small, so the workers finish together. */
const CHUNK = 2;
/** Workers hold their Argon2id memory: they are ended after this quiet while. */
const IDLE_END_MS = 30_000;
/** A batch taking longer than this fails (and is computed one by one instead). */
const timeoutFor = (tags: number) => 5_000 + tags * 400;

export function poolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 0;
  return Math.max(1, Math.min(4, cores || 2));
}

export interface TagPool {
  tagBatch: BatchTagger;
  /** Ends the workers now (they start again on the next batch). */
  end(): void;
}

export function createTagPool(workerUrl: string, size = poolSize(), makeWorker = (url: string) => new Worker(url)): TagPool {
  let workers: Worker[] = [];
  let idle: ReturnType<typeof setTimeout> | undefined;
  let running = 0;
  let nextId = 1;
  const end = () => {
    for (const worker of workers) worker.terminate();
    workers = [];
  };

  const ask = (worker: Worker, requests: TagRequest[]): Promise<Uint8Array[]> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const done = () => {
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
      };
      const onMessage = (event: MessageEvent) => {
        const reply = event.data as TagWorkReply | null;
        if (reply?.parasolTagWork !== id) return;
        done();
        if (reply.out && reply.out.length === requests.length) resolve(reply.out);
        else reject(new Error(`tag worker: ${reply.error ?? 'no tags'}`));
      };
      const onError = (event: Event) => {
        done();
        reject(new Error(`tag worker failed: ${(event as ErrorEvent).message ?? 'error'}`));
      };
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      worker.postMessage({ parasolTagWork: id, requests } satisfies TagWorkRequest);
    });

  const tagBatch: BatchTagger = async (requests) => {
    if (requests.length === 0) return [];
    clearTimeout(idle);
    running++;
    const chunks: TagRequest[][] = [];
    for (let at = 0; at < requests.length; at += CHUNK) chunks.push(requests.slice(at, at + CHUNK).map(({ handle, params }) => ({ handle, params: { ...params } })));
    while (workers.length < Math.min(size, chunks.length)) workers.push(makeWorker(workerUrl));
    const out: Uint8Array[][] = [];
    let next = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const all = Promise.all(
        workers.map(async (worker) => {
          while (next < chunks.length) {
            const at = next++;
            out[at] = await ask(worker, chunks[at]!);
          }
        }),
      );
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('tag workers: too slow')), timeoutFor(requests.length));
      });
      await Promise.race([all, timeout]);
    } catch (error) {
      end(); // A failed or stuck worker is not reused.
      throw error;
    } finally {
      clearTimeout(timer);
      running--;
      if (running === 0) idle = setTimeout(end, IDLE_END_MS);
    }
    return out.flat().map((bytes): HandleTag => {
      if (bytes.length !== TAG_BYTES + DETAIL_KEY_BYTES) throw new Error('tag worker: wrong length');
      return { tag: bytes.slice(0, TAG_BYTES), detailKey: bytes.slice(TAG_BYTES) };
    });
  };

  return { tagBatch, end };
}
