/**
 * Pictures stored inside XMP as base64 text: `xmp:Thumbnails` (xmpGImg:image), Google's
 * `GImage:Data` (the other half of a portrait-mode or panorama shot) and `GDepth:Data`. exifr
 * parses them as plain strings; any long base64 value that decodes to a JPEG or PNG is one.
 */
import { base64ToBytes } from '../base64';
import type { ExifrBlocks } from './exifr-read';
import type { PreviewClue } from './metadata-clues';

const NOT_XMP = new Set(['ifd0', 'ifd1', 'exif', 'gps', 'interop', 'iptc', 'ihdr', 'jfif']);
const MIN_BASE64 = 200;
const MAX_DEPTH = 5;

export function xmpPreviewClues(blocks: ExifrBlocks): PreviewClue[] {
  const found: PreviewClue[] = [];
  const visit = (value: unknown, path: string, depth: number): void => {
    if (typeof value === 'string') {
      const data = value.length >= MIN_BASE64 ? decodeImage(value) : undefined;
      if (data) found.push({ kind: 'thumbnail', source: `XMP-${path}`, data, length: data.length });
    } else if (value && typeof value === 'object' && depth < MAX_DEPTH) {
      for (const [key, inner] of Object.entries(value)) visit(inner, depth === 0 ? key : path, depth + 1);
    }
  };
  for (const [name, block] of Object.entries(blocks)) if (!NOT_XMP.has(name)) visit(block, name, 1);
  return found;
}

function decodeImage(text: string): Uint8Array | undefined {
  // XMP wraps base64 over lines, and some writers escape the line ends.
  const clean = text.replace(/&#xA;|\s+/g, '');
  if (!/^[A-Za-z0-9+/]+=*$/.test(clean)) return undefined;
  // Only a JPEG ("/9j/") or a PNG ("iVBOR") start is decoded.
  if (!clean.startsWith('/9j/') && !clean.startsWith('iVBOR')) return undefined;
  try {
    return base64ToBytes(clean);
  } catch {
    return undefined;
  }
}
