import type { FaceBox } from './faces/face-box';
import type { RgbaImage } from './faces/rgba-picture';

/** `pixelate`: large blocks of one colour each; `fill`: one flat grey. Neither can be undone. */
export type FaceCoverStyle = 'pixelate' | 'fill';

/** At most this many blocks across a face: too few to recognise anyone, unlike a light blur. */
const BLOCKS_ACROSS = 6;
/** A face box grows by this share of its size on each side: hair, ears and jaw go too. */
const MARGIN = 0.15;
const FILL = 128;

/**
 * Covers each face in the picture, in place. Every pixel in a covered box is replaced by the
 * mean of a large block (or by grey), so nothing of the face's detail remains to be restored;
 * the caller encodes the picture anew, so the original pixels are gone from the file too.
 */
export function coverFaceBoxes(image: RgbaImage, boxes: FaceBox[], style: FaceCoverStyle = 'pixelate'): void {
  for (const box of boxes) {
    const left = clampTo(Math.floor((box.x - box.width * MARGIN) * image.width), image.width);
    const top = clampTo(Math.floor((box.y - box.height * MARGIN) * image.height), image.height);
    const right = clampTo(Math.ceil((box.x + box.width * (1 + MARGIN)) * image.width), image.width);
    const bottom = clampTo(Math.ceil((box.y + box.height * (1 + MARGIN)) * image.height), image.height);
    if (right <= left || bottom <= top) continue;
    const block = style === 'fill' ? Math.max(right - left, bottom - top) : Math.max(4, Math.ceil(Math.max(right - left, bottom - top) / BLOCKS_ACROSS));
    for (let y = top; y < bottom; y += block) {
      for (let x = left; x < right; x += block) {
        paintBlock(image, x, y, Math.min(x + block, right), Math.min(y + block, bottom), style);
      }
    }
  }
}

function paintBlock(image: RgbaImage, left: number, top: number, right: number, bottom: number, style: FaceCoverStyle): void {
  const { data, width } = image;
  let color = [FILL, FILL, FILL];
  if (style === 'pixelate') {
    const sum = [0, 0, 0];
    for (let y = top; y < bottom; y++) {
      for (let at = (y * width + left) * 4, end = (y * width + right) * 4; at < end; at += 4) {
        sum[0]! += data[at]!;
        sum[1]! += data[at + 1]!;
        sum[2]! += data[at + 2]!;
      }
    }
    const count = (right - left) * (bottom - top);
    color = sum.map((value) => Math.round(value / count));
  }
  for (let y = top; y < bottom; y++) {
    for (let at = (y * width + left) * 4, end = (y * width + right) * 4; at < end; at += 4) {
      data[at] = color[0]!;
      data[at + 1] = color[1]!;
      data[at + 2] = color[2]!;
    }
  }
}

function clampTo(value: number, limit: number): number {
  return Math.min(Math.max(value, 0), limit);
}
