import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { ImageFormat } from '../../core/image/photo-report';
import {
  PHOTO_CHUNK_BYTES,
  PHOTO_PORT,
  PhotoPortReplySchema,
  type PhotoPortMessage,
  type PhotoPortReply,
} from '../messages';
import { MAX_PHOTO_BYTES } from '../../core/image/photo-report';
import { base64ToBytes } from '../../core/base64';
import { cleanedFile } from './photo-sniff';

export interface HeldFile {
  id: string;
  file: File;
  /** Its format by its bytes. */
  format: ImageFormat;
}

/**
 * The content script's side of the photo port (PHOTO_PORT in messages.ts): sends a photo's bytes
 * to Parasol's background, a chunk at a time, and reads the answer. The bytes go to the
 * extension only, in memory: never to the network, never to the page.
 */

/** True: hold the photo until the person chooses. Rejects when the background cannot be reached. */
export async function checkInBackground(held: HeldFile): Promise<boolean> {
  const port = openPort();
  try {
    const reply = await upload(port, { type: 'photo/check', photo: describe(held) }, held.file);
    if (reply.type !== 'photo/verdict') throw new Error(`unexpected ${reply.type}`);
    return reply.hold;
  } finally {
    port.close();
  }
}

/** The photo cleaned (with its faces covered, for `hide-faces`), or null when it could not be cleaned. */
export async function cleanInBackground(held: HeldFile, choice: 'clean' | 'hide-faces'): Promise<File | null> {
  const port = openPort();
  try {
    const reply = await upload(port, { type: 'photo/clean', photo: describe(held), choice }, held.file);
    if (reply.type !== 'photo/cleaned') return null;
    const parts: Uint8Array<ArrayBuffer>[] = [];
    let received = 0;
    for (;;) {
      const next = await port.next();
      if (next.type === 'photo/done') break;
      if (next.type !== 'photo/chunk') return null;
      // One chunk per message, so decoding never holds the page for more than a moment.
      const chunk = base64ToBytes(next.data) as Uint8Array<ArrayBuffer>;
      received += chunk.length;
      if (received > reply.size) return null;
      parts.push(chunk);
    }
    return received === reply.size ? cleanedFile(parts, held.file, held.format, reply.format) : null;
  } catch {
    return null;
  } finally {
    port.close();
  }
}

function describe({ id, file }: HeldFile) {
  return { id, name: file.name.slice(0, 500), type: file.type.slice(0, 200), size: file.size };
}

/** Sends the header, then each chunk when asked for it; resolves to the answer after the last. */
async function upload(port: PhotoPort, header: PhotoPortMessage, file: File): Promise<PhotoPortReply> {
  port.send(header);
  // Too large: the background answers from the size alone, and nothing is read.
  if (file.size > MAX_PHOTO_BYTES) return port.next();
  for (let at = 0; ; at += PHOTO_CHUNK_BYTES) {
    const reply = await port.next();
    if (reply.type !== 'photo/more') return reply;
    if (at >= file.size) throw new Error('asked for more than the file holds');
    port.send({ type: 'photo/chunk', data: await base64Of(file.slice(at, at + PHOTO_CHUNK_BYTES)) });
  }
}

/** Base64 of a slice, encoded by the browser off the page's JavaScript (FileReader is asynchronous). */
function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = reader.result as string;
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('could not read the file'));
    reader.readAsDataURL(blob);
  });
}

interface PhotoPort {
  send(message: PhotoPortMessage): void;
  /** The next answer, checked against PhotoPortReplySchema; rejects when the port closes first. */
  next(): Promise<PhotoPortReply>;
  close(): void;
}

function openPort(): PhotoPort {
  const port = browser.runtime.connect({ name: PHOTO_PORT });
  const queue: PhotoPortReply[] = [];
  let waiting: { resolve: (reply: PhotoPortReply) => void; reject: (error: Error) => void } | undefined;
  let closed: Error | undefined;

  const fail = (error: Error) => {
    closed ??= error;
    waiting?.reject(closed);
    waiting = undefined;
  };
  port.onMessage.addListener((raw: unknown) => {
    const parsed = v.safeParse(PhotoPortReplySchema, raw);
    if (!parsed.success) {
      port.disconnect();
      return fail(new Error('Parasol refused a photo answer of the wrong shape.'));
    }
    if (waiting) {
      waiting.resolve(parsed.output);
      waiting = undefined;
    } else queue.push(parsed.output);
  });
  port.onDisconnect.addListener(() => fail(new Error('The photo port closed.')));

  return {
    send: (message) => port.postMessage(message),
    next: () => {
      const queued = queue.shift();
      if (queued) return Promise.resolve(queued);
      if (closed) return Promise.reject(closed);
      return new Promise((resolve, reject) => (waiting = { resolve, reject }));
    },
    close: () => {
      closed ??= new Error('closed');
      port.disconnect();
    },
  };
}
