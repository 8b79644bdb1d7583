/**
 * The marker segments of a JPEG up to its image data, read without decoding: the picture's size
 * (from SOF), the APPn blocks that hold metadata, and whether the file was cut short.
 * exifr reads EXIF, XMP and IPTC from these itself; the blocks it skips (JFXX and Photoshop
 * thumbnails, multi-picture previews, FlashPix, Kodak and Olympus APP blocks, CIFF) are read
 * from this list by `jpeg-extra-blocks.ts`.
 */

export interface JpegSegment {
  marker: number;
  /** Offset of the segment's data, after its two length bytes. */
  start: number;
  /** Offset just past the segment's data. */
  end: number;
}

export interface JpegLayout {
  segments: JpegSegment[];
  width?: number;
  height?: number;
  /** Offset of the image data (after SOS), if the walk got there. */
  scanStart?: number;
  /** Offset just past the first EOI after the image data; data after it is a trailer. */
  imageEnd?: number;
  truncated: boolean;
}

const SOS = 0xda;
const EOI = 0xd9;

function isSof(marker: number): boolean {
  // SOF0..SOF15 without DHT (C4), JPG (C8) and DAC (CC).
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

export function readJpegLayout(bytes: Uint8Array): JpegLayout {
  const segments: JpegSegment[] = [];
  const layout: JpegLayout = { segments, truncated: false };
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) break; // not a marker where one should be: stop, keep what was read
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === EOI) {
      layout.imageEnd = at + 2;
      return layout;
    }
    if (marker >= 0xd0 && marker <= 0xd7) {
      at += 2;
      continue;
    }
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    const segment = { marker, start: at + 4, end: at + 2 + length };
    if (length < 2 || segment.end > bytes.length) {
      layout.truncated = true;
      return layout;
    }
    segments.push(segment);
    if (isSof(marker) && length >= 7 && layout.width === undefined) {
      layout.height = (bytes[segment.start + 1]! << 8) | bytes[segment.start + 2]!;
      layout.width = (bytes[segment.start + 3]! << 8) | bytes[segment.start + 4]!;
    }
    at = segment.end;
    if (marker === SOS) {
      layout.scanStart = at;
      layout.imageEnd = findImageEnd(bytes, at);
      layout.truncated = layout.imageEnd === undefined;
      return layout;
    }
  }
  layout.truncated = at + 4 > bytes.length;
  return layout;
}

/**
 * In entropy-coded data every 0xFF byte is followed by 0x00 or a restart marker, so the first
 * FF D9 after the scans is the image's end (progressive files have more scans, with markers
 * between them, and still one EOI).
 */
function findImageEnd(bytes: Uint8Array, from: number): number | undefined {
  for (let at = bytes.indexOf(0xff, from); at !== -1 && at + 1 < bytes.length; at = bytes.indexOf(0xff, at + 1)) {
    if (bytes[at + 1] === EOI) return at + 2;
  }
  return undefined;
}

/** The APPn segments (0xE0 + n) whose data starts with `signature`. */
export function appSegments(layout: JpegLayout, bytes: Uint8Array, n: number, signature: string): JpegSegment[] {
  return layout.segments.filter(
    (segment) => segment.marker === 0xe0 + n && startsWith(bytes, segment.start, signature) && segment.end - segment.start >= signature.length,
  );
}

export function startsWith(bytes: Uint8Array, at: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
}
