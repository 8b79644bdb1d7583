import { MAX_PHOTO_PIXELS } from '../photo-report';
import { ascii, BrokenFile, ByteWriter, crc32, sameBytes, startsWith, u32be } from './bytes';
import { orientationOnlyTiff, readOrientation } from './orientation-exif';
import type { ContainerResult, RemovedPart } from './removed';

/**
 * Chunks kept: the picture itself (IHDR, PLTE, IDAT, IEND), transparency (tRNS), animation
 * (acTL, fcTL, fdAT), and what changes its colours or size on screen: gAMA, cHRM, sRGB, iCCP,
 * cICP, mDCv, cLLi, sBIT, and pHYs (a pixel density: a few numbers that say nothing about the
 * person, and apps use it for the printed or shown size). Everything else goes, whatever it is
 * called: eXIf, tEXt, zTXt, iTXt (XMP lives there), tIME, and any private chunk. iDOT goes too:
 * it holds offsets into the file that removing chunks would make wrong. As for JPEG, an
 * Orientation in eXIf comes back alone in a minimal eXIf right after IHDR (browsers honour it).
 */
const KEPT = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'acTL', 'fcTL', 'fdAT', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'cICP', 'mDCv', 'cLLi', 'sBIT', 'pHYs']);

const SIGNATURE_LENGTH = 8;

export function cleanPng(bytes: Uint8Array): ContainerResult {
  const chunks: Uint8Array[] = [];
  const removed = new Set<RemovedPart>();
  let orientation: number | undefined;
  let at = SIGNATURE_LENGTH;
  let first = true;
  for (;;) {
    if (at + 12 > bytes.length) throw new BrokenFile('truncated');
    const length = u32be(bytes, at);
    const type = ascii(bytes, at + 4, at + 8);
    const end = at + 12 + length;
    if (length > 0x7fffffff || !/^[A-Za-z]{4}$/.test(type)) throw new BrokenFile('unreadable');
    if (end > bytes.length) throw new BrokenFile('truncated');
    if (first) {
      if (type !== 'IHDR' || length < 8) throw new BrokenFile('unreadable');
      // Never passed on: a picture this large is a decompression bomb for whoever opens it.
      if (u32be(bytes, at + 8) * u32be(bytes, at + 12) > MAX_PHOTO_PIXELS) return { reason: 'too-many-pixels' };
      first = false;
    }
    if (KEPT.has(type)) chunks.push(bytes.subarray(at, end));
    else if (isCritical(type)) throw new BrokenFile('unreadable');
    else if (type === 'eXIf' && orientation === undefined) {
      const body = bytes.subarray(at + 8, at + 8 + length);
      orientation = readOrientation(body);
      if (orientation === undefined || !sameBytes(body, orientationOnlyTiff(orientation))) removed.add('exif');
    } else removed.add(kindOf(type, bytes.subarray(at + 8, end - 4)));
    at = end;
    if (type === 'IEND') break;
  }
  if (at < bytes.length) removed.add('other');
  const out = new ByteWriter().push(bytes.subarray(0, SIGNATURE_LENGTH)).push(chunks[0]!);
  if (orientation !== undefined) out.push(chunk('eXIf', orientationOnlyTiff(orientation)));
  for (const kept of chunks.slice(1)) out.push(kept);
  return { bytes: out.join(), removed };
}

function chunk(type: string, body: Uint8Array): Uint8Array {
  const typed = new ByteWriter().ascii(type).push(body).join();
  return new ByteWriter().u32be(body.length).push(typed).u32be(crc32(typed)).join();
}

/** An unknown chunk whose name starts with a capital letter must be understood to show the picture. */
function isCritical(type: string): boolean {
  return type.charCodeAt(0) < 0x60;
}

function kindOf(type: string, body: Uint8Array): RemovedPart {
  if (type === 'eXIf') return 'exif';
  if (type === 'iTXt' && startsWith(body, 0, 'XML:com.adobe.xmp\0')) return 'xmp';
  if (type === 'tEXt' || type === 'zTXt' || type === 'iTXt') return 'text';
  return 'other';
}
