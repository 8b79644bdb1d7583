import type { ImageFormat } from './photo-report';

const ISOBMFF_BRANDS: Record<string, ImageFormat> = {
  heic: 'heic', heix: 'heic', hevc: 'heic', hevx: 'heic', heim: 'heic', heis: 'heic', mif1: 'heic', msf1: 'heic',
  avif: 'avif', avis: 'avif',
};

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

/** The format from the file's first bytes: a wrong file name or type never decides how a file is read. */
export function sniffFormat(bytes: Uint8Array): ImageFormat {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && ascii(bytes, 1, 4) === 'PNG' && bytes[0] === 0x89) return 'png';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (bytes.length >= 6 && ascii(bytes, 0, 4) === 'GIF8') return 'gif';
  if (bytes.length >= 4 && (ascii(bytes, 0, 4) === 'II*\0' || ascii(bytes, 0, 4) === 'MM\0*')) return 'tiff';
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp') {
    // The major brand, else the first compatible brand we know: `mif1` files name heic/avif later.
    const size = Math.min(bytes.length, new DataView(bytes.buffer, bytes.byteOffset).getUint32(0), 64);
    const major = ISOBMFF_BRANDS[ascii(bytes, 8, 12)];
    const brands: ImageFormat[] = [];
    for (let at = 16; at + 4 <= size; at += 4) {
      const known = ISOBMFF_BRANDS[ascii(bytes, at, at + 4)];
      if (known) brands.push(known);
    }
    if (major && major !== 'heic') return major;
    if (brands.includes('avif') && !brands.includes('heic') && major !== 'heic') return 'avif';
    return major ?? brands[0] ?? 'unknown';
  }
  return 'unknown';
}
