/**
 * A picture's size and whether the file is whole, from its header and block layout only: no
 * pixel is decoded, so a decompression bomb costs nothing to recognise.
 */
import { readIsobmffLayout } from './isobmff-layout';
import { readJpegLayout, type JpegLayout } from './jpeg-segments';
import type { ImageFormat } from './photo-report';
import { readPngLayout, type PngLayout } from './png-layout';
import { entryNumber, findEntry, firstIfdOffset, readIfd, tiffAt } from './tiff-ifd';
import { readWebpLayout, type WebpLayout } from './webp-layout';

export interface ImageHeader {
  width?: number;
  height?: number;
  truncated: boolean;
  jpeg?: JpegLayout;
  png?: PngLayout;
  webp?: WebpLayout;
}

export function readImageHeader(bytes: Uint8Array, format: ImageFormat): ImageHeader {
  switch (format) {
    case 'jpeg': {
      const jpeg = readJpegLayout(bytes);
      return { width: jpeg.width, height: jpeg.height, truncated: jpeg.truncated, jpeg };
    }
    case 'png': {
      const png = readPngLayout(bytes);
      return { width: png.width, height: png.height, truncated: png.truncated, png };
    }
    case 'webp': {
      const webp = readWebpLayout(bytes);
      return { width: webp.width, height: webp.height, truncated: webp.truncated, webp };
    }
    case 'heic':
    case 'avif':
      return readIsobmffLayout(bytes);
    case 'gif':
      return {
        width: bytes.length >= 10 ? bytes[6]! | (bytes[7]! << 8) : undefined,
        height: bytes.length >= 10 ? bytes[8]! | (bytes[9]! << 8) : undefined,
        truncated: bytes[bytes.length - 1] !== 0x3b, // the trailer byte
      };
    case 'tiff':
      return tiffHeader(bytes);
    default:
      return { truncated: false };
  }
}

function tiffHeader(bytes: Uint8Array): ImageHeader {
  const tiff = tiffAt(bytes, 0);
  if (!tiff) return { truncated: true };
  const first = firstIfdOffset(tiff);
  if (first + 2 > bytes.length) return { truncated: true };
  const { entries } = readIfd(tiff, first);
  const width = findEntry(entries, 0x0100);
  const height = findEntry(entries, 0x0101);
  return { width: width && entryNumber(tiff, width), height: height && entryNumber(tiff, height), truncated: false };
}
