import type { FaceResult } from './face-result';
import { chromeFacePage, firefoxFacePage, type FacePageSend } from './face-page-client';

export type { FaceResult } from './face-result';

/** A photo's faces never take longer than this, first model load included; past it, an error. */
const FACE_TIMEOUT_MS = 30_000;

let send: FacePageSend | undefined;
let nextId = 1;

/**
 * Faces in a photo, for the background: the face finder runs in its own extension page (loaded
 * on the first photo), never in the page the photo came from. `bytes` stay the caller's: a copy
 * travels. Import this module at the background's start: Chrome wants the service worker's
 * `message` listener added then.
 */
export async function detectFaces(bytes: Uint8Array): Promise<FaceResult> {
  send ??= facePage();
  const request = { parasolFaces: nextId++, bytes: bytes.slice().buffer };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<FaceResult>((resolve) => {
    timer = setTimeout(() => resolve({ error: 'detector-failed' }), FACE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([send(request).then((reply) => reply.result), timeout]);
  } catch (error) {
    console.error('Parasol face finder:', error);
    return { error: 'detector-failed' };
  } finally {
    clearTimeout(timer);
  }
}

function facePage(): FacePageSend {
  const offscreen = (globalThis as { chrome?: { offscreen?: Parameters<typeof chromeFacePage>[0] } }).chrome?.offscreen;
  if (typeof document === 'undefined' && offscreen) return chromeFacePage(offscreen, globalThis as unknown as Parameters<typeof chromeFacePage>[1]);
  return firefoxFacePage();
}

// Chrome: the service worker's `message` listener must exist from its first run.
if (typeof document === 'undefined' && (globalThis as { chrome?: { offscreen?: unknown } }).chrome?.offscreen) send = facePage();
