// The body of a tag worker (a dedicated Web Worker): argonTagger itself, so its tags are Parasol's
// tags byte for byte. The cost bounds are argonTagger's own checks.
import { argonTagger } from '../../core/warnlist/tags';
import { isTagRequestList, type TagWorkReply, type TagWorkRequest } from './tag-messages';

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  postMessage(message: unknown): void;
}

export function serveTagWork(scope: WorkerScope): void {
  // One batch at a time: two interleaved batches would only hold twice the memory.
  let queue: Promise<unknown> = Promise.resolve();
  scope.addEventListener('message', (event) => {
    const request = event.data as TagWorkRequest | null;
    if (typeof request?.parasolTagWork !== 'number') return;
    queue = queue.then(async () => scope.postMessage(await work(request)));
  });
}

export async function work(request: TagWorkRequest): Promise<TagWorkReply> {
  const id = request.parasolTagWork;
  if (!isTagRequestList(request.requests)) return { parasolTagWork: id, error: 'bad-request' };
  try {
    const out: Uint8Array[] = [];
    for (const { handle, params } of request.requests) {
      const { tag, detailKey } = await argonTagger(handle, params);
      const both = new Uint8Array(tag.length + detailKey.length);
      both.set(tag);
      both.set(detailKey, tag.length);
      out.push(both);
    }
    return { parasolTagWork: id, out };
  } catch (error) {
    return { parasolTagWork: id, error: String((error as Error)?.message ?? error) };
  }
}
