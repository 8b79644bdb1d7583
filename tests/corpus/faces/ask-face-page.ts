import type { FaceReply } from '../../../src/extension/faces/face-result';

/**
 * Runs in one of the extension's own pages (in a browser under test): opens the face finder's
 * page in a frame, as Firefox's background does, and asks it about one photo, by the same
 * postMessage the background uses. Returns the finder's answer.
 */
export async function askFacePage(base64: string): Promise<FaceReply['result']> {
  let frame = document.querySelector<HTMLIFrameElement>('iframe[data-test-faces]');
  if (!frame) {
    frame = document.createElement('iframe');
    frame.dataset.testFaces = '';
    frame.src = '/offscreen.html';
    const loaded = new Promise((resolve) => frame!.addEventListener('load', resolve, { once: true }));
    document.body.append(frame);
    await loaded;
  }
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  const id = Math.floor(Math.random() * 1e9);
  return new Promise((resolve) => {
    addEventListener('message', function listen(event) {
      if ((event.data as FaceReply | null)?.parasolFaces !== id) return;
      removeEventListener('message', listen);
      resolve((event.data as FaceReply).result);
    });
    frame!.contentWindow!.postMessage({ parasolFaces: id, bytes: bytes.buffer }, location.origin, [bytes.buffer]);
  });
}
