/**
 * An embedded preview's size, and whether it shows a different part of the scene than the
 * visible picture: a preview whose shape differs was likely made before a crop, so it can show
 * what the crop removed. Many cameras pad a 3:2 photo's 4:3 thumbnail with black bars; those are
 * trimmed (the small preview is decoded with jpeg-js) before the shapes are compared.
 */
import { decode } from 'jpeg-js';
import { readJpegLayout } from './jpeg-segments';
import { readPngLayout } from './png-layout';

export interface PreviewShape {
  width?: number;
  height?: number;
  /** True when its picture's shape differs from the main picture's. */
  differs: boolean;
}

/** Shapes closer than this (as a ratio of aspect ratios) are the same picture. */
const SAME_SHAPE = 0.04;
/** Previews up to this size are decoded to look for black bars; larger ones are compared as they are. */
const MAX_DECODE_BYTES = 512 * 1024;
const MAX_DECODE_MP = 1;
/** A row or column this dark on average is padding. */
const BAR_LEVEL = 24;

export function previewShape(data: Uint8Array | undefined, main: { width?: number; height?: number }): PreviewShape {
  const size = data && pictureSize(data);
  if (!size || !main.width || !main.height) return { ...size, differs: false };
  const mainAspect = main.width / main.height;
  if (sameShape(size.width / size.height, mainAspect)) return { ...size, differs: false };
  const content = data.length <= MAX_DECODE_BYTES ? contentBox(data) : undefined;
  return { ...size, differs: !content || !sameShape(content.width / content.height, mainAspect) };
}

/** Same shape, or the same shape turned a quarter (a preview stored unrotated). */
function sameShape(a: number, b: number): boolean {
  return Math.abs(Math.log(a / b)) < SAME_SHAPE || Math.abs(Math.log(a * b)) < SAME_SHAPE;
}

function pictureSize(data: Uint8Array): { width: number; height: number } | undefined {
  if (data[0] === 0xff && data[1] === 0xd8) {
    const { width, height } = readJpegLayout(data);
    return width && height ? { width, height } : undefined;
  }
  if (data[0] === 0x89 && data[1] === 0x50) {
    const { width, height } = readPngLayout(data);
    return width && height ? { width, height } : undefined;
  }
  return undefined;
}

/** The preview's size without black bars on its edges, or undefined if it cannot be decoded. */
function contentBox(data: Uint8Array): { width: number; height: number } | undefined {
  if (data[0] !== 0xff || data[1] !== 0xd8) return undefined;
  let image;
  try {
    image = decode(data, { useTArray: true, maxResolutionInMP: MAX_DECODE_MP, maxMemoryUsageInMB: 32, tolerantDecoding: true });
  } catch {
    return undefined;
  }
  const { width, height, data: rgba } = image;
  const level = (x0: number, y0: number, dx: number, dy: number, steps: number) => {
    let sum = 0;
    for (let i = 0, x = x0, y = y0; i < steps; i++, x += dx, y += dy) {
      const p = (y * width + x) * 4;
      sum += Math.max(rgba[p]!, rgba[p + 1]!, rgba[p + 2]!);
    }
    return sum / steps;
  };
  let top = 0;
  let bottom = height - 1;
  let left = 0;
  let right = width - 1;
  while (top < bottom && level(0, top, 1, 0, width) < BAR_LEVEL) top++;
  while (bottom > top && level(0, bottom, 1, 0, width) < BAR_LEVEL) bottom--;
  while (left < right && level(left, 0, 0, 1, height) < BAR_LEVEL) left++;
  while (right > left && level(right, 0, 0, 1, height) < BAR_LEVEL) right--;
  return { width: right - left + 1, height: bottom - top + 1 };
}
