import { browser } from 'wxt/browser';
import type { BatchTagger } from '../../core/warnlist/lookup';
import { DETAIL_KEY_BYTES, TAG_BYTES, type HandleTag } from '../../core/warnlist/tags';
import { FACE_PAGE, withChromePage, type OffscreenApi, type WorkerScope } from '../faces/face-page-client';
import type { TagPageReply, TagPageRequest } from './tag-messages';
import { createTagPool, TAG_WORKER_PATH } from './tag-pool';

const PAGE_TIMEOUT_MS = (tags: number) => 8_000 + tags * 400;

let tagger: BatchTagger | undefined;

/**
 * The background's batch tagger, or none where workers cannot run (then tags are computed one
 * by one on the background's thread). Firefox's background is a page: it starts the workers
 * itself. Chrome's service worker cannot: its batches go to the offscreen page, which can.
 */
export function backgroundTagger(): BatchTagger | undefined {
  if (tagger) return tagger;
  if (typeof document !== 'undefined' && typeof Worker === 'function') {
    tagger = createTagPool(browser.runtime.getURL(TAG_WORKER_PATH as '/')).tagBatch;
  } else {
    const offscreen = (globalThis as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;
    if (offscreen) tagger = offscreenTagger(offscreen, globalThis as unknown as WorkerScope);
  }
  return tagger;
}

function offscreenTagger(offscreen: OffscreenApi, scope: WorkerScope): BatchTagger {
  const waiting = new Map<number, (reply: TagPageReply) => void>();
  let nextId = 1;
  scope.addEventListener('message', (event) => {
    const source = event.source as { url?: string } | null;
    const reply = event.data as TagPageReply | null;
    if (!source?.url?.endsWith(FACE_PAGE) || typeof reply?.parasolTags !== 'number') return;
    waiting.get(reply.parasolTags)?.(reply);
    waiting.delete(reply.parasolTags);
  });
  return (requests) =>
    withChromePage(offscreen, scope, async (page) => {
      const id = nextId++;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const reply = new Promise<TagPageReply>((resolve) => {
        waiting.set(id, resolve);
        timer = setTimeout(() => resolve({ parasolTags: id, error: 'no answer' }), PAGE_TIMEOUT_MS(requests.length));
      });
      page.postMessage({ parasolTags: id, requests: requests.map(({ handle, params }) => ({ handle, params: { ...params } })) } satisfies TagPageRequest, []);
      const answer = await reply.finally(() => {
        clearTimeout(timer);
        waiting.delete(id);
      });
      if (!answer.out || answer.out.length !== requests.length) throw new Error(`tag page: ${answer.error ?? 'no tags'}`);
      return answer.out.map((bytes): HandleTag => {
        if (bytes.length !== TAG_BYTES + DETAIL_KEY_BYTES) throw new Error('tag page: wrong length');
        return { tag: bytes.slice(0, TAG_BYTES), detailKey: bytes.slice(TAG_BYTES) };
      });
    });
}

// Chrome: the service worker's `message` listener must exist from its first run.
if (typeof document === 'undefined' && (globalThis as { chrome?: { offscreen?: unknown } }).chrome?.offscreen) backgroundTagger();
