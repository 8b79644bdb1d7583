/**
 * exifr 7 has no WebP reader, but it reads EXIF and XMP from a JPEG's APP1 blocks. A WebP's
 * EXIF and XMP chunks hold exactly those payloads, so they are handed to exifr wrapped as a
 * minimal JPEG (SOI, APP1 EXIF, APP1 XMP, EOI) that carries no picture. A payload too long for
 * one APP1 block (64 KB) is left out; the EXIF walk in read-metadata.ts still reads the EXIF chunk.
 */
import type { WebpLayout } from './webp-layout';

const XMP_HEADER = 'http://ns.adobe.com/xap/1.0/\0';
const MAX_APP1 = 0xffff - 2;

/** The EXIF chunk's TIFF block: some writers keep JPEG's "Exif\0\0" prefix, the spec does not. */
export function webpExifTiffStart(exif: Uint8Array): number {
  return exif[0] === 0x45 && exif[1] === 0x78 && exif[2] === 0x69 && exif[3] === 0x66 ? 6 : 0;
}

export function webpMetadataAsJpeg(layout: WebpLayout): Uint8Array | undefined {
  const blocks: Uint8Array[] = [];
  const ascii = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));
  if (layout.exif) {
    const tiff = layout.exif.subarray(webpExifTiffStart(layout.exif));
    blocks.push(app1(new Uint8Array([...ascii('Exif\0\0')]), tiff));
  }
  if (layout.xmp) blocks.push(app1(ascii(XMP_HEADER), layout.xmp));
  const kept = blocks.filter((block) => block.length > 0);
  if (!kept.length) return undefined;
  const size = 4 + kept.reduce((sum, block) => sum + block.length, 0);
  const jpeg = new Uint8Array(size);
  jpeg.set([0xff, 0xd8], 0);
  let at = 2;
  for (const block of kept) {
    jpeg.set(block, at);
    at += block.length;
  }
  jpeg.set([0xff, 0xd9], at);
  return jpeg;
}

function app1(header: Uint8Array, payload: Uint8Array): Uint8Array {
  const length = 2 + header.length + payload.length;
  if (length > MAX_APP1) return new Uint8Array(0);
  const block = new Uint8Array(2 + length);
  block.set([0xff, 0xe1, length >> 8, length & 0xff], 0);
  block.set(header, 4);
  block.set(payload, 4 + header.length);
  return block;
}
