/**
 * Embedded previews in a JPEG's own blocks, which exifr does not extract (it gives only the
 * EXIF IFD1 thumbnail): the JFIF and JFXX thumbnails (APP0), Photoshop's thumbnail (APP13
 * resource 0x0409/0x040C), the other pictures of a multi-picture file (APP2 "MPF", e.g. a
 * phone's large preview) and a FlashPix screen-nail (APP2 "FPXR"). Layouts: JFIF 1.02, CIPA
 * DC-007 (MPF), Adobe's Photoshop file format (image resources).
 */
import { appSegments, startsWith, type JpegLayout } from './jpeg-segments';
import type { PreviewClue } from './metadata-clues';
import { entryBytes, entryNumber, findEntry, firstIfdOffset, readIfd, tiffAt } from './tiff-ifd';

export function jpegPreviewClues(bytes: Uint8Array, layout: JpegLayout): PreviewClue[] {
  return [...jfifThumbnails(bytes, layout), ...photoshopThumbnails(bytes, layout), ...mpfImages(bytes, layout), ...flashpixImages(bytes, layout)];
}

function preview(source: string, data: Uint8Array): PreviewClue {
  return { kind: 'thumbnail', source, data, length: data.length };
}

function jfifThumbnails(bytes: Uint8Array, layout: JpegLayout): PreviewClue[] {
  const found: PreviewClue[] = [];
  for (const segment of appSegments(layout, bytes, 0, 'JFIF\0')) {
    // An uncompressed RGB thumbnail of Xthumbnail × Ythumbnail pixels after the 14-byte header.
    const width = bytes[segment.start + 12] ?? 0;
    const height = bytes[segment.start + 13] ?? 0;
    if (width && height) found.push(preview('JFIF:ThumbnailImage', bytes.subarray(segment.start + 14, segment.end)));
  }
  for (const segment of appSegments(layout, bytes, 0, 'JFXX\0')) {
    // Extension code 0x10: a JPEG thumbnail (0x11 and 0x13 are palette and RGB ones).
    if (segment.end - segment.start > 6) found.push(preview('JFXX:ThumbnailImage', bytes.subarray(segment.start + 6, segment.end)));
  }
  return found;
}

const PHOTOSHOP_THUMBNAILS = new Set([0x0409, 0x040c]);

function photoshopThumbnails(bytes: Uint8Array, layout: JpegLayout): PreviewClue[] {
  const found: PreviewClue[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const segment of appSegments(layout, bytes, 13, 'Photoshop 3.0\0')) {
    let at = segment.start + 14;
    while (at + 12 <= segment.end && startsWith(bytes, at, '8BIM')) {
      const id = view.getUint16(at + 4);
      const nameLength = bytes[at + 6]!;
      const sizeAt = at + 6 + ((nameLength + 2) & ~1); // Pascal name padded to an even length
      if (sizeAt + 4 > segment.end) break;
      const size = view.getUint32(sizeAt);
      const dataAt = sizeAt + 4;
      if (dataAt + size > segment.end) break;
      // The thumbnail resource: a 28-byte header (format, sizes) and then a JFIF image.
      if (PHOTOSHOP_THUMBNAILS.has(id) && size > 28) found.push(preview('Photoshop:PhotoshopThumbnail', bytes.subarray(dataAt + 28, dataAt + size)));
      at = dataAt + size + (size & 1);
    }
  }
  return found;
}

const MP_ENTRY = 0xb002;

function mpfImages(bytes: Uint8Array, layout: JpegLayout): PreviewClue[] {
  const found: PreviewClue[] = [];
  for (const segment of appSegments(layout, bytes, 2, 'MPF\0')) {
    const tiff = tiffAt(bytes, segment.start + 4);
    if (!tiff) continue;
    const entry = findEntry(readIfd(tiff, firstIfdOffset(tiff)).entries, MP_ENTRY);
    if (!entry) continue;
    const list = entryBytes(tiff, entry);
    // 16 bytes per picture: attributes, size, offset (from the MPF header; 0 = the main picture).
    for (let i = 0; i + 16 <= list.length; i += 16) {
      const size = entryNumber(tiff, { ...entry, type: 4, count: 4, at: entry.at + i }, 1)!;
      const offset = entryNumber(tiff, { ...entry, type: 4, count: 4, at: entry.at + i }, 2)!;
      const start = tiff.base + offset;
      if (offset === 0 || !size || start + size > bytes.length) continue;
      found.push(preview('MPF:PreviewImage', bytes.subarray(start, start + size)));
    }
  }
  return found;
}

function flashpixImages(bytes: Uint8Array, layout: JpegLayout): PreviewClue[] {
  const segments = appSegments(layout, bytes, 2, 'FPXR\0');
  // The screen-nail is a JPEG split across FPXR stream segments: found by its start marker.
  for (const segment of segments) {
    const data = bytes.subarray(segment.start, segment.end);
    for (let at = data.indexOf(0xff); at !== -1 && at + 2 < data.length; at = data.indexOf(0xff, at + 1)) {
      if (data[at + 1] === 0xd8 && data[at + 2] === 0xff) {
        const total = segments.filter((s) => s.start >= segment.start).reduce((sum, s) => sum + s.end - s.start, 0) - at;
        return [{ kind: 'thumbnail', source: 'FlashPix:ScreenNail', data: data.subarray(at), length: total }];
      }
    }
  }
  return [];
}
