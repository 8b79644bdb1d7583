/**
 * The boxes of a HEIC or AVIF file (ISO base media format), walked without decoding: whether a
 * box runs past the end (a cut file), and the picture's size from the largest `ispe` property
 * (the primary image or its grid; thumbnails and tiles are smaller).
 */

export interface IsobmffLayout {
  width?: number;
  height?: number;
  truncated: boolean;
}

/** Boxes whose children hold the image properties: meta > iprp > ipco > ispe. */
const CONTAINERS = new Set(['meta', 'iprp', 'ipco']);
const MAX_DEPTH = 4;

export function readIsobmffLayout(bytes: Uint8Array): IsobmffLayout {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const layout: IsobmffLayout = { truncated: false };
  const walk = (from: number, to: number, depth: number): void => {
    let at = from;
    while (at + 8 <= to) {
      let size = view.getUint32(at);
      const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
      let header = 8;
      if (size === 1) {
        if (at + 16 > to) break;
        size = Number(view.getBigUint64(at + 8));
        header = 16;
      } else if (size === 0) {
        size = to - at; // runs to the end of the file
      }
      if (size < header) break;
      if (at + size > to) {
        layout.truncated = true;
        break;
      }
      if (type === 'ispe' && size >= header + 12) {
        const width = view.getUint32(at + header + 4);
        const height = view.getUint32(at + header + 8);
        if (width * height > (layout.width ?? 0) * (layout.height ?? 0)) Object.assign(layout, { width, height });
      } else if (CONTAINERS.has(type) && depth < MAX_DEPTH) {
        // `meta` is a full box: four bytes of version and flags before its children.
        walk(at + header + (type === 'meta' ? 4 : 0), at + size, depth + 1);
      }
      at += size;
    }
  };
  walk(0, bytes.length, 0);
  return layout;
}
