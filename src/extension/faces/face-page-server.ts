import type { FaceReply, FaceRequest, FaceResult } from './face-result';

function isRequest(data: unknown): data is FaceRequest {
  const request = data as FaceRequest | null;
  return typeof request?.parasolFaces === 'number' && request.bytes instanceof ArrayBuffer;
}

/**
 * Answers face requests in the face finder's page, one photo at a time: from the service worker
 * in Chrome (the offscreen document), from the background page that holds this page in a frame
 * in Firefox. Bytes and answers travel by postMessage, as a transferred ArrayBuffer: no copy, no
 * JSON (Chrome's extension messaging would turn a photo into text).
 */
export function serveFaceRequests(find: (bytes: Uint8Array) => Promise<FaceResult>): void {
  let queue: Promise<unknown> = Promise.resolve();
  const answer = (request: FaceRequest, reply: (message: FaceReply) => void) => {
    queue = queue.then(async () => reply({ parasolFaces: request.parasolFaces, result: await find(new Uint8Array(request.bytes)) }));
  };
  navigator.serviceWorker?.addEventListener('message', (event) => {
    const worker = event.source as ServiceWorker | null;
    if (isRequest(event.data) && worker) answer(event.data, (message) => worker.postMessage(message));
  });
  window.addEventListener('message', (event) => {
    if (event.origin !== location.origin || event.source !== window.parent || window.parent === window) return;
    if (isRequest(event.data)) answer(event.data, (message) => window.parent.postMessage(message, location.origin));
  });
}
