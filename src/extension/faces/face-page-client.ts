import { browser } from 'wxt/browser';
import type { FaceReply, FaceRequest } from './face-result';

/** The face finder's page, held open while photos come and closed after a quiet while. */
export const FACE_PAGE = '/offscreen.html';
const IDLE_CLOSE_MS = 120_000;

/** Sends one request to the face finder's page and waits for its answer. */
export type FacePageSend = (request: FaceRequest) => Promise<FaceReply>;

export interface OffscreenApi {
  createDocument(parameters: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}
export interface WindowClient {
  url: string;
  postMessage(message: unknown, transfer: Transferable[]): void;
}
export interface WorkerScope {
  clients: { matchAll(options: { includeUncontrolled: boolean; type: 'window' }): Promise<WindowClient[]> };
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

const waiting = new Map<number, (reply: FaceReply) => void>();
let idle: ReturnType<typeof setTimeout> | undefined;

function settle(data: unknown): void {
  const reply = data as FaceReply | null;
  if (typeof reply?.parasolFaces !== 'number' || !reply.result) return;
  waiting.get(reply.parasolFaces)?.(reply);
  waiting.delete(reply.parasolFaces);
}

function expect(id: number): Promise<FaceReply> {
  return new Promise((resolve) => waiting.set(id, resolve));
}

/** Other kinds of work in the same page (warning-list tags) running now: the page stays open meanwhile. */
let holds = 0;

function restartIdle(close: () => Promise<void>): void {
  clearTimeout(idle);
  idle = setTimeout(() => {
    if (waiting.size === 0 && holds === 0) void close().catch(() => undefined);
  }, IDLE_CLOSE_MS);
}

let opening: Promise<WindowClient> | undefined;

/** Chrome: the offscreen page (one per extension), opened if it is not; shared by the face finder and the tag pool. */
export function openChromePage(offscreen: OffscreenApi, scope: WorkerScope): Promise<WindowClient> {
  const url = browser.runtime.getURL(FACE_PAGE as '/');
  const findPage = async () => (await scope.clients.matchAll({ includeUncontrolled: true, type: 'window' })).find((client) => client.url === url);
  const open = async (): Promise<WindowClient> => {
    const open = await findPage();
    if (open) return open;
    await offscreen
      .createDocument({
        url: FACE_PAGE,
        reasons: ['WORKERS'],
        justification: 'Finds faces in a photo the person picked, and checks handles against warning lists, with WebAssembly, away from the web page.',
      })
      .catch(() => undefined); // Already open: only one offscreen document may exist.
    for (let tries = 0; tries < 50; tries++) {
      const page = await findPage();
      if (page) return page;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('The face finder page did not open');
  };
  return (opening ??= open().finally(() => (opening = undefined)));
}

/** Runs other work with the Chrome offscreen page, which is not closed meanwhile; its idle close restarts after. */
export async function withChromePage<T>(offscreen: OffscreenApi, scope: WorkerScope, work: (page: WindowClient) => Promise<T>): Promise<T> {
  holds++;
  try {
    return await work(await openChromePage(offscreen, scope));
  } finally {
    holds--;
    restartIdle(() => offscreen.closeDocument());
  }
}

/**
 * Chrome's service worker has no DOM and cannot run WebAssembly under a page's rules: the finder
 * runs in an offscreen document, reached through the worker's `clients`.
 */
export function chromeFacePage(offscreen: OffscreenApi, scope: WorkerScope): FacePageSend {
  scope.addEventListener('message', (event) => {
    const source = event.source as { url?: string } | null;
    if (source?.url?.endsWith(FACE_PAGE)) settle(event.data);
  });
  return async (request) => {
    const page = await openChromePage(offscreen, scope);
    const reply = expect(request.parasolFaces);
    page.postMessage(request, [request.bytes]);
    const answer = await reply;
    restartIdle(() => offscreen.closeDocument());
    return answer;
  };
}

/** Firefox's background is a page with a DOM: the finder's page runs in a hidden frame of it. */
export function firefoxFacePage(): FacePageSend {
  let frame: Promise<HTMLIFrameElement> | undefined;
  window.addEventListener('message', (event) => {
    if (event.origin === location.origin && event.source && event.source === document.querySelector<HTMLIFrameElement>('iframe[data-parasol-faces]')?.contentWindow) {
      settle(event.data);
    }
  });
  const open = () =>
    new Promise<HTMLIFrameElement>((resolve, reject) => {
      const element = document.createElement('iframe');
      element.dataset.parasolFaces = '';
      element.hidden = true;
      element.addEventListener('load', () => resolve(element), { once: true });
      element.addEventListener('error', () => reject(new Error('The face finder page did not open')), { once: true });
      element.src = browser.runtime.getURL(FACE_PAGE as '/');
      document.body.append(element);
    });
  return async (request) => {
    frame ??= open();
    const element = await frame;
    const reply = expect(request.parasolFaces);
    element.contentWindow!.postMessage(request, location.origin, [request.bytes]);
    const answer = await reply;
    restartIdle(async () => {
      element.remove();
      frame = undefined;
    });
    return answer;
  };
}
