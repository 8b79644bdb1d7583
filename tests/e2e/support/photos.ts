import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import exifr from 'exifr';
import { ROOT } from './paths';

/**
 * The photos the photo end-to-end tests pick, drop and paste on the demo profile: real ones, read
 * where they are (the shared corpus, a Debian package), never copied into the repository.
 */

/** A Nikon Coolpix photo with GPS near Arezzo, Italy (groundtruth.csv: 43.4674483, 11.8851267). */
export const GPS_PHOTO = `${ROOT}../shared/corpus/exif/jpg/gps/DSCN0010.jpg`;
/** Grace Hopper's portrait, shipped by Debian's `facedetect` package as its example of a face. */
export const FACE_PHOTO = '/usr/share/doc/facedetect/examples/grace_hopper_512x512.jpg';

/** A file as the tests hand it to the page: its bytes travel as base64. */
export interface TestFile {
  name: string;
  type: string;
  base64: string;
}

export function fileFrom(path: string, name = path.split('/').pop()!, type = 'image/jpeg'): TestFile {
  return { name, type, base64: readFileSync(path).toString('base64') };
}

/** The GPS photo cut in half: a truncated JPEG. */
export function truncatedPhoto(): TestFile {
  const bytes = readFileSync(GPS_PHOTO);
  return { name: 'cut.jpg', type: 'image/jpeg', base64: bytes.subarray(0, bytes.length >> 1).toString('base64') };
}

/** A decompression bomb's header: a valid PNG signature and IHDR for 30000 × 30000 pixels, and no pixels. */
export function bombPng(): TestFile {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(30_000, 0);
  header.writeUInt32BE(30_000, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter, no interlace
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return { name: 'huge.png', type: 'image/png', base64: png.toString('base64') };
}

/** A plain text file, and one that says it is a photo by its name and type but is text. */
/** Files that must get a clear message within 2 s: what, how to make it, the message, and the size when it is to be padded. */
export const BAD_FILES: [string, () => TestFile, string, number?][] = [
  ['a truncated JPEG', () => truncatedPhoto(), 'This photo file is cut short'],
  ['a 30000 × 30000 PNG (decompression bomb)', () => bombPng(), 'far too large to open safely'],
  ['a text file named .jpg', () => FAKE_PHOTO, 'This file is not a photo Parasol can read.'],
  ['a 100 MB file', () => ({ ...fileFrom(GPS_PHOTO), name: 'big.jpg' }), 'too big to check', 100 * 1024 * 1024],
];

export const TEXT_FILE: TestFile = { name: 'rates.txt', type: 'text/plain', base64: Buffer.from('150/hh, 250/h\n').toString('base64') };
export const FAKE_PHOTO: TestFile = { name: 'holiday.jpg', type: 'image/jpeg', base64: Buffer.from('not a picture at all\n').toString('base64') };

/** What exifr reads back of a file's position: null when it has none. */
export async function gpsOf(base64: string): Promise<{ latitude: number; longitude: number } | null> {
  const gps = await exifr.gps(Buffer.from(base64, 'base64')).catch(() => undefined);
  return gps && Number.isFinite(gps.latitude) ? gps : null;
}

// The functions below run in the demo page: self-contained, as the drivers send their source.

/** What the demo profile's widgets received, with each file's bytes in base64. */
export async function receivedInPage(): Promise<{ via: string; name: string; type: string; size: number; base64: string }[]> {
  const received = (window as unknown as { demoReceived: { via: string; file: File }[] }).demoReceived;
  return Promise.all(
    received.map(async ({ via, file }) => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let binary = '';
      for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
      return { via, name: file.name, type: file.type, size: file.size, base64: btoa(binary) };
    }),
  );
}

export interface DropRequest {
  selector: string;
  files: TestFile[];
  /** Pads the first file with zeros up to this size: a huge file made in the page. */
  bigBytes?: number;
}

/** Drops files on the element, as a drag from the desktop ends: dragenter, dragover, drop. */
export function dropInPage({ selector, files, bigBytes = 0 }: DropRequest): void {
  const transfer = new DataTransfer();
  for (const { name, type, base64 } of files) {
    const binary = atob(base64);
    const bytes = new Uint8Array(Math.max(binary.length, bigBytes));
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    transfer.items.add(new File([bytes], name, { type }));
  }
  // Making the files is the test's own work: the page's responsiveness is measured from the drop on.
  const beat = (window as unknown as { parasolTestBeat?: { last: number; longest: number } }).parasolTestBeat;
  if (beat) Object.assign(beat, { last: performance.now(), longest: 0 });
  const target = document.querySelector(selector)!;
  const box = target.getBoundingClientRect();
  const at = { clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 };
  for (const type of ['dragenter', 'dragover', 'drop']) {
    target.dispatchEvent(new DragEvent(type, { ...at, bubbles: true, cancelable: true, composed: true, dataTransfer: transfer }));
  }
}

/** Pastes files into the element, as a paste of a copied photo does (a ClipboardEvent with the files). */
export function pasteInPage({ selector, files }: DropRequest): void {
  const transfer = new DataTransfer();
  for (const { name, type, base64 } of files) {
    const binary = atob(base64);
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    transfer.items.add(new File([bytes], name, { type }));
  }
  const target = document.querySelector<HTMLElement>(selector)!;
  target.focus();
  target.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, composed: true, clipboardData: transfer }));
}

/** The pictures inside an element that hold their bytes (data: URLs), as base64: what a rich editor kept of a paste. */
export function inlinePictures(selector: string): string[] {
  return [...document.querySelectorAll<HTMLImageElement>(`${selector} img`)]
    .map((image) => image.src)
    .filter((src) => src.startsWith('data:'))
    .map((src) => src.slice(src.indexOf(',') + 1));
}

/** Starts noting the longest gap between 10 ms timer ticks: how long the page was ever kept busy. */
export function startHeartbeat(): void {
  const state = { last: performance.now(), longest: 0 };
  (window as unknown as { parasolTestBeat: typeof state }).parasolTestBeat = state;
  setInterval(() => {
    const now = performance.now();
    state.longest = Math.max(state.longest, now - state.last);
    state.last = now;
  }, 10);
}

export function longestBeat(): number {
  return (window as unknown as { parasolTestBeat: { longest: number } }).parasolTestBeat.longest;
}

/** Runs in the popup or side panel: each photo listed, by name, with what is said of it. */
export function photosListed(): {
  name: string;
  state: string;
  kinds: string[];
  text: string;
  choices: string[];
  boxes: number;
  preview: boolean;
}[] {
  return [...document.querySelectorAll<HTMLElement>('article.photo')].map((photo) => ({
    name: photo.querySelector('.photo-name')?.textContent ?? '',
    state: photo.className.replace(/^photo photo-/, ''),
    kinds: [...photo.querySelectorAll<HTMLElement>('li.finding')].map((item) => item.dataset.kind ?? ''),
    text: photo.innerText,
    choices: [...photo.querySelectorAll<HTMLElement>('button[data-choice]')].map((button) => button.dataset.choice ?? ''),
    boxes: photo.querySelectorAll('.face-box').length,
    preview: photo.querySelector('.photo-preview img') !== null,
  }));
}
