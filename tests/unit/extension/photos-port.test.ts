import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { MAX_PHOTO_BYTES } from '../../../src/core/image/photo-report';
import { servePhotoPort, type PhotoJobs } from '../../../src/extension/background/photos-port';
import { PHOTO_CHUNK_BYTES, PHOTO_PORT, type PhotoPortReply } from '../../../src/extension/messages';
import { base64ToBytes, bytesToBase64 } from '../../../src/core/base64';
import { chunksOf } from '../../../src/extension/photo-chunks';

/** Both ends of a port, as the browser would connect them: what the background sends is kept in `replies`. */
function connect(jobs: PhotoJobs, sender: object = { id: fakeBrowser.runtime.id, tab: { id: 5 }, frameId: 1, url: 'https://site.example/' }) {
  const listeners: ((message: unknown) => void)[] = [];
  const replies: PhotoPortReply[] = [];
  const port = {
    name: PHOTO_PORT,
    sender,
    disconnected: false,
    postMessage: (message: PhotoPortReply) => replies.push(JSON.parse(JSON.stringify(message))),
    disconnect() {
      this.disconnected = true;
    },
    onMessage: { addListener: (listener: (message: unknown) => void) => listeners.push(listener) },
    onDisconnect: { addListener: () => undefined },
  };
  servePhotoPort(port as never, jobs);
  // As JSON, like Chrome's messaging.
  const send = (message: unknown) => listeners.forEach((listener) => listener(JSON.parse(JSON.stringify(message))));
  return { port, replies, send };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Bytes with every value, over several chunks. */
const BYTES = Uint8Array.from({ length: PHOTO_CHUNK_BYTES * 2 + 1000 }, (_, i) => (i * 7) % 256);

describe('the photo port', () => {
  it('takes a photo chunk by chunk, one per request, and answers the check', async () => {
    let seen: Uint8Array | null = null;
    const jobs: PhotoJobs = {
      check: async (origin, photo, bytes) => {
        expect(origin).toMatchObject({ tabId: 5, frameId: 1, fromExtensionPage: false });
        expect(photo.name).toBe('a.jpg');
        seen = bytes;
        return true;
      },
      clean: async () => null,
    };
    const { replies, send } = connect(jobs);
    send({ type: 'photo/check', photo: { id: 'p1', name: 'a.jpg', type: 'image/jpeg', size: BYTES.length } });
    for (const chunk of chunksOf(BYTES, PHOTO_CHUNK_BYTES)) {
      expect(replies.pop()).toEqual({ type: 'photo/more' });
      send({ type: 'photo/chunk', data: bytesToBase64(chunk) });
    }
    await settle();
    expect(replies).toEqual([{ type: 'photo/verdict', hold: true }]);
    // Compared as buffers: a deep equal of a megabyte, element by element, takes seconds.
    expect(Buffer.from(seen!).equals(Buffer.from(BYTES))).toBe(true);
  });

  it('answers a file over the limit from its size alone', async () => {
    let seen: Uint8Array | null | undefined;
    const { replies, send } = connect({ check: async (_o, _p, bytes) => ((seen = bytes), true), clean: async () => null });
    send({ type: 'photo/check', photo: { id: 'p1', name: 'big.jpg', type: 'image/jpeg', size: MAX_PHOTO_BYTES + 1 } });
    await settle();
    expect(seen).toBeNull();
    expect(replies).toEqual([{ type: 'photo/verdict', hold: true }]);
  });

  it('sends the cleaned photo back in chunks', async () => {
    const { replies, send } = connect({ check: async () => true, clean: async () => ({ bytes: BYTES, format: 'jpeg' }) });
    send({ type: 'photo/clean', photo: { id: 'p1', name: 'a.jpg', type: 'image/jpeg', size: 3 }, choice: 'clean' });
    send({ type: 'photo/chunk', data: bytesToBase64(new Uint8Array([1, 2, 3])) });
    await settle();
    expect(replies[0]).toEqual({ type: 'photo/more' });
    expect(replies[1]).toEqual({ type: 'photo/cleaned', format: 'jpeg', size: BYTES.length });
    expect(replies.at(-1)).toEqual({ type: 'photo/done' });
    const chunks = replies.slice(2, -1).map((reply) => base64ToBytes((reply as { data: string }).data));
    expect(Buffer.concat(chunks).equals(Buffer.from(BYTES))).toBe(true);
  });

  it.each([
    ['a message of the wrong shape', [{ type: 'photo/steal' }]],
    ['a chunk before the header', [{ type: 'photo/chunk', data: 'AAAA' }]],
    ['more bytes than announced', [{ type: 'photo/check', photo: { id: 'p1', name: 'a', type: '', size: 2 } }, { type: 'photo/chunk', data: 'AAAA' }]],
    ['a second header', [{ type: 'photo/check', photo: { id: 'p1', name: 'a', type: '', size: 2 } }, { type: 'photo/check', photo: { id: 'p2', name: 'a', type: '', size: 2 } }]],
    ['a chunk that is not base64', [{ type: 'photo/check', photo: { id: 'p1', name: 'a', type: '', size: 2 } }, { type: 'photo/chunk', data: '<script>' }]],
  ])('closes the port on %s', async (_what, messages) => {
    const { port, send } = connect({ check: async () => true, clean: async () => null });
    for (const message of messages) send(message);
    await settle();
    expect(port.disconnected).toBe(true);
  });

  it('refuses a port from an extension page or from outside a tab', () => {
    const jobs: PhotoJobs = { check: async () => true, clean: async () => null };
    expect(connect(jobs, { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') }).port.disconnected).toBe(true);
    expect(connect(jobs, { id: fakeBrowser.runtime.id }).port.disconnected).toBe(true);
  });
});
