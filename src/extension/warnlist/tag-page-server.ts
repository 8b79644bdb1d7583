import { isTagRequestList, type TagPageReply, type TagPageRequest } from './tag-messages';
import type { TagPool } from './tag-pool';

/**
 * In Chrome's offscreen page: answers the service worker's tag batches with the page's tag pool
 * (a service worker cannot start Web Workers; this page can). Face requests are answered beside
 * it by face-page-server.ts; each ignores the other's messages.
 */
export function serveTagRequests(pool: TagPool): void {
  navigator.serviceWorker?.addEventListener('message', (event) => {
    const request = event.data as TagPageRequest | null;
    const worker = event.source as ServiceWorker | null;
    if (typeof request?.parasolTags !== 'number' || !worker) return;
    const id = request.parasolTags;
    const reply = (message: TagPageReply) => worker.postMessage(message);
    if (!isTagRequestList(request.requests)) return reply({ parasolTags: id, error: 'bad-request' });
    pool.tagBatch(request.requests).then(
      (tags) => reply({ parasolTags: id, out: tags.map(({ tag, detailKey }) => concat(tag, detailKey)) }),
      (error: unknown) => reply({ parasolTags: id, error: String((error as Error)?.message ?? error) }),
    );
  });
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const both = new Uint8Array(a.length + b.length);
  both.set(a);
  both.set(b, a.length);
  return both;
}
