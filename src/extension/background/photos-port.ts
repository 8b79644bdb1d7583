import * as v from 'valibot';
import type { Browser } from 'wxt/browser';
import { MAX_PHOTO_BYTES, type ImageFormat } from '../../core/image/photo-report';
import {
  PHOTO_CHUNK_BYTES,
  PhotoPortMessageSchema,
  type Origin,
  type PhotoPortMessage,
  type PhotoPortReply,
} from '../messages';
import { base64ToBytes, bytesToBase64 } from '../../core/base64';
import { chunksOf } from '../photo-chunks';
import { originOf } from './origin';

type Header = Extract<PhotoPortMessage, { type: 'photo/check' | 'photo/clean' }>;
export type PhotoFile = Header['photo'];

/** What the background does with a photo's bytes once they have all arrived. */
export interface PhotoJobs {
  /** Resolves to true to hold the photo from the site until the person chooses. `bytes` is null for a file too large to read. */
  check(origin: Origin, photo: PhotoFile, bytes: Uint8Array | null): Promise<boolean>;
  /** The cleaned photo, or null when it could not be cleaned. */
  clean(
    origin: Origin,
    photo: PhotoFile,
    choice: 'clean' | 'hide-faces',
    bytes: Uint8Array,
  ): Promise<{ bytes: Uint8Array; format: ImageFormat } | null>;
}

/**
 * One photo port (PHOTO_PORT): a content script in a tab sends a header, then the bytes one
 * chunk per `photo/more`; the background answers the check with a verdict, or sends the
 * cleaned bytes back. Every message is checked against PhotoPortMessageSchema; anything else,
 * or a port from anywhere but a content script in a tab, closes the port.
 */
export function servePhotoPort(port: Browser.runtime.Port, jobs: PhotoJobs): void {
  const origin = port.sender ? originOf(port.sender) : undefined;
  if (!origin || origin.fromExtensionPage || origin.tabId === undefined) return port.disconnect();
  let header: Header | undefined;
  let bytes: Uint8Array | undefined;
  let received = 0;
  let done = false;

  const reply = (message: PhotoPortReply) => {
    try {
      port.postMessage(message);
    } catch {
      // The page went away while we worked: nobody is left to answer.
    }
  };
  const refuse = () => {
    done = true;
    port.disconnect();
  };

  const finish = async (header: Header, bytes: Uint8Array | null) => {
    done = true;
    if (header.type === 'photo/check') {
      reply({ type: 'photo/verdict', hold: await jobs.check(origin, header.photo, bytes).catch(() => true) });
      return;
    }
    const cleaned = bytes && (await jobs.clean(origin, header.photo, header.choice, bytes).catch(() => null));
    if (!cleaned || cleaned.bytes.length > MAX_PHOTO_BYTES) return reply({ type: 'photo/failed' });
    reply({ type: 'photo/cleaned', format: cleaned.format, size: cleaned.bytes.length });
    for (const chunk of chunksOf(cleaned.bytes, PHOTO_CHUNK_BYTES)) reply({ type: 'photo/chunk', data: bytesToBase64(chunk) });
    reply({ type: 'photo/done' });
  };

  port.onMessage.addListener((raw: unknown) => {
    if (done) return;
    const parsed = v.safeParse(PhotoPortMessageSchema, raw);
    if (!parsed.success) return refuse();
    const message = parsed.output;
    if (message.type !== 'photo/chunk') {
      if (header) return refuse();
      header = message;
      const { size } = message.photo;
      // Too large to read: answered at once from the size alone (a clear `too-large`), never read.
      if (size > MAX_PHOTO_BYTES) return void (message.type === 'photo/check' ? finish(message, null) : refuse());
      bytes = new Uint8Array(size);
      if (size === 0) return void finish(message, bytes);
      return reply({ type: 'photo/more' });
    }
    if (!header || !bytes) return refuse();
    const chunk = base64ToBytes(message.data);
    if (received + chunk.length > bytes.length) return refuse();
    bytes.set(chunk, received);
    received += chunk.length;
    if (received === bytes.length) void finish(header, bytes);
    else reply({ type: 'photo/more' });
  });
}
