/**
 * A PNG's chunks, walked without inflating anything: its size from IHDR (a decompression bomb
 * shows here, in 25 bytes), and whether it was cut before IEND.
 */

export interface PngChunk {
  type: string;
  start: number;
  end: number;
}

export interface PngLayout {
  chunks: PngChunk[];
  width?: number;
  height?: number;
  truncated: boolean;
}

export function readPngLayout(bytes: Uint8Array): PngLayout {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: PngChunk[] = [];
  const layout: PngLayout = { chunks, truncated: true };
  let at = 8;
  while (at + 8 <= bytes.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const chunk = { type, start: at + 8, end: at + 8 + length };
    if (chunk.end + 4 > bytes.length) return layout;
    chunks.push(chunk);
    if (type === 'IHDR' && length >= 8) {
      layout.width = view.getUint32(chunk.start);
      layout.height = view.getUint32(chunk.start + 4);
    }
    if (type === 'IEND') {
      layout.truncated = false;
      return layout;
    }
    at = chunk.end + 4; // past the CRC
  }
  return layout;
}
