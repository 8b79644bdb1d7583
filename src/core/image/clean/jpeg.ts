import { MAX_PHOTO_PIXELS } from '../photo-report';
import { BrokenFile, ByteWriter, sameBytes, startsWith, u16be } from './bytes';
import { hasThumbnail, orientationOnlyTiff, readOrientation } from './orientation-exif';
import type { ContainerResult, RemovedPart } from './removed';

// JPEG markers (ITU T.81, table B.1).
const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const DQT = 0xdb;
const DNL = 0xdc;
const DRI = 0xdd;
const DHT = 0xc4;
const DAC = 0xcc;
const APP0 = 0xe0;
const APP1 = 0xe1;
const APP2 = 0xe2;
const APP13 = 0xed;
const APP14 = 0xee;
const COM = 0xfe;

const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== DHT && m !== 0xc8 && m !== DAC;
const isRst = (m: number) => m >= 0xd0 && m <= 0xd7;
/** Segments the decoder needs, copied byte for byte: tables, frame header, restart interval. */
const isImageSegment = (m: number) => isSof(m) || m === DQT || m === DHT || m === DAC || m === DRI || m === DNL;

const EXIF_ID = 'Exif\0\0';

/**
 * Lossless JPEG cleaning: the picture's tables, frame and scan data are copied untouched and
 * everything else is dropped, except what changes how the picture looks: the ICC colour profile
 * (APP2), Adobe's colour-transform flag (APP14), the JFIF header without its thumbnail, and the
 * Orientation, put back alone in a minimal EXIF so the photo does not turn.
 * Garbage between segments is skipped the way libjpeg skips it, so what is kept is what decoders read.
 */
export function cleanJpeg(bytes: Uint8Array): ContainerResult {
  const out = new ByteWriter().bytes(0xff, SOI);
  const removed = new Set<RemovedPart>();
  let orientation: number | undefined;
  let sawExif = false;
  let onlyOrientation = false;
  let jfif: Uint8Array | undefined;
  const rest = new ByteWriter();
  let at = 2;
  let frameSeen = false;

  for (;;) {
    const marker = nextMarker(bytes, at);
    if (!marker) throw new BrokenFile('truncated');
    const m = marker.code;
    at = marker.after;
    if (m === EOI) break;
    if (m === SOI || isRst(m)) throw new BrokenFile('unreadable');
    if (at + 2 > bytes.length) throw new BrokenFile('truncated');
    const length = u16be(bytes, at);
    const end = at + length;
    if (length < 2) throw new BrokenFile('unreadable');
    if (end > bytes.length) throw new BrokenFile('truncated');
    const segment = bytes.subarray(at - 2, end);
    const body = bytes.subarray(at + 2, end);
    at = end;

    if (m === SOS) {
      if (!frameSeen) throw new BrokenFile('unreadable');
      const scanEnd = endOfScan(bytes, at);
      rest.push(segment).push(bytes.subarray(at, scanEnd));
      at = scanEnd;
    } else if (isImageSegment(m)) {
      if (isSof(m)) {
        frameSeen = true;
        if (body.length >= 5 && u16be(body, 1) * u16be(body, 3) > MAX_PHOTO_PIXELS) return { reason: 'too-many-pixels' };
      }
      rest.push(segment);
    } else if (m === APP0 && startsWith(body, 0, 'JFIF\0') && body.length >= 14 && !jfif) {
      jfif = jfifWithoutThumbnail(body);
      if (body.length > 14) removed.add('preview');
    } else if (m === APP1 && startsWith(body, 0, EXIF_ID)) {
      if (!sawExif) {
        orientation = readOrientation(body.subarray(EXIF_ID.length));
        onlyOrientation = orientation !== undefined && sameBytes(body.subarray(EXIF_ID.length), orientationOnlyTiff(orientation));
      } else onlyOrientation = false;
      sawExif = true;
      // Putting the Orientation back is not a removal: an EXIF that held only it lost nothing.
      if (!onlyOrientation) removed.add('exif');
      if (hasThumbnail(body.subarray(EXIF_ID.length))) removed.add('preview');
    } else if (m === APP2 && startsWith(body, 0, 'ICC_PROFILE\0')) {
      rest.push(segment);
    } else if (m === APP14 && startsWith(body, 0, 'Adobe')) {
      rest.push(segment);
    } else {
      removed.add(kindOf(m, body));
    }
  }

  if (at < bytes.length) removed.add(startsWith(bytes, at, '\xff\xd8') ? 'preview' : 'other');
  if (jfif) out.bytes(0xff, APP0).u16be(jfif.length + 2).push(jfif);
  if (orientation !== undefined) {
    const exif = new ByteWriter().ascii(EXIF_ID).push(orientationOnlyTiff(orientation)).join();
    out.bytes(0xff, APP1).u16be(exif.length + 2).push(exif);
  }
  out.push(rest.join()).bytes(0xff, EOI);
  return { bytes: out.join(), removed };
}

/** The next marker at or after `at`, skipping fill bytes and (as libjpeg does) stray bytes. */
function nextMarker(bytes: Uint8Array, at: number): { code: number; after: number } | undefined {
  for (let i = at; i + 1 < bytes.length; i++) {
    if (bytes[i] !== 0xff) continue;
    let j = i + 1;
    while (j < bytes.length && bytes[j] === 0xff) j++;
    if (j >= bytes.length) return undefined;
    if (bytes[j] === 0) {
      i = j;
      continue;
    }
    return { code: bytes[j]!, after: j + 1 };
  }
  return undefined;
}

/** Where a scan's entropy-coded data ends: the first marker that is not a stuffed byte or a restart. */
function endOfScan(bytes: Uint8Array, at: number): number {
  for (let i = at; i + 1 < bytes.length; i++) {
    if (bytes[i] !== 0xff) continue;
    const next = bytes[i + 1]!;
    // Stuffed zero, restart marker, or a byte no marker has (0x01-0xBF: a damaged scan, kept as
    // it is so the damage decodes exactly as before).
    if (next < 0xc0 || isRst(next)) {
      i++;
      continue;
    }
    if (next !== 0xff) return i;
  }
  throw new BrokenFile('truncated');
}

/** The JFIF header with its thumbnail size set to 0 by 0 and the thumbnail's pixels dropped. */
function jfifWithoutThumbnail(body: Uint8Array): Uint8Array {
  const header = body.slice(0, 14);
  header[12] = 0;
  header[13] = 0;
  return header;
}

function kindOf(marker: number, body: Uint8Array): RemovedPart {
  if (marker === APP1 && startsWith(body, 0, 'http://ns.adobe.com/')) return 'xmp';
  if (marker === APP13) return 'iptc';
  if (marker === COM) return 'comment';
  // JFXX thumbnails, multi-picture (MPF) indexes of appended previews, FlashPix preview streams.
  if (marker === APP0 && startsWith(body, 0, 'JFXX')) return 'preview';
  if (marker === APP2 && (startsWith(body, 0, 'MPF\0') || startsWith(body, 0, 'FPXR'))) return 'preview';
  return 'other';
}
