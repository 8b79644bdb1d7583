/**
 * A WebP's RIFF chunks: the picture's size from VP8X, VP8 or VP8L, and the EXIF and XMP
 * chunks, which exifr 7 does not read (it has no WebP parser).
 */

export interface WebpLayout {
  width?: number;
  height?: number;
  exif?: Uint8Array;
  xmp?: Uint8Array;
  truncated: boolean;
}

export function readWebpLayout(bytes: Uint8Array): WebpLayout {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const riffEnd = 8 + view.getUint32(4, true);
  const layout: WebpLayout = { truncated: riffEnd > bytes.length };
  const end = Math.min(riffEnd, bytes.length);
  let at = 12;
  while (at + 8 <= end) {
    const type = String.fromCharCode(...bytes.subarray(at, at + 4));
    const length = view.getUint32(at + 4, true);
    const start = at + 8;
    if (start + length > end) {
      layout.truncated = true;
      break;
    }
    const data = bytes.subarray(start, start + length);
    if (type === 'VP8X' && length >= 10) {
      layout.width = 1 + (data[4]! | (data[5]! << 8) | (data[6]! << 16));
      layout.height = 1 + (data[7]! | (data[8]! << 8) | (data[9]! << 16));
    } else if (type === 'VP8 ' && length >= 10 && layout.width === undefined) {
      layout.width = (data[6]! | (data[7]! << 8)) & 0x3fff;
      layout.height = (data[8]! | (data[9]! << 8)) & 0x3fff;
    } else if (type === 'VP8L' && length >= 5 && layout.width === undefined) {
      const bits = data[1]! | (data[2]! << 8) | (data[3]! << 16) | (data[4]! << 24);
      layout.width = 1 + (bits & 0x3fff);
      layout.height = 1 + ((bits >>> 14) & 0x3fff);
    } else if (type === 'EXIF') {
      layout.exif = data;
    } else if (type === 'XMP ') {
      layout.xmp = data;
    }
    at = start + length + (length & 1); // chunks are padded to an even length
  }
  return layout;
}
