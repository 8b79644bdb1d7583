/** A box as fractions (0..1) of a picture's width and height: the same numbers at any size. */
export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A possible face: its box in the whole picture and the detector's confidence (0..1). */
export interface FaceCandidate extends FaceBox {
  score: number;
}

export function boxArea(box: FaceBox): number {
  return Math.max(0, box.width) * Math.max(0, box.height);
}

/** Intersection over union: 1 for the same box, 0 for boxes that do not touch. */
export function boxIou(a: FaceBox, b: FaceBox): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  return inter / (boxArea(a) + boxArea(b) - inter);
}

/** The share of `inner`'s area that lies inside `outer`. */
export function boxCoverage(inner: FaceBox, outer: FaceBox): number {
  const w = Math.min(inner.x + inner.width, outer.x + outer.width) - Math.max(inner.x, outer.x);
  const h = Math.min(inner.y + inner.height, outer.y + outer.height) - Math.max(inner.y, outer.y);
  if (w <= 0 || h <= 0) return 0;
  return (w * h) / (boxArea(inner) || 1);
}

export function boxCenter(box: FaceBox): { x: number; y: number } {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

export function containsPoint(box: FaceBox, point: { x: number; y: number }): boolean {
  return point.x >= box.x && point.x <= box.x + box.width && point.y >= box.y && point.y <= box.y + box.height;
}

/** The box cut to the picture: a detector's box can reach past the edge for a face at the edge. */
export function clampBox(box: FaceBox): FaceBox {
  const x = Math.min(Math.max(box.x, 0), 1);
  const y = Math.min(Math.max(box.y, 0), 1);
  return {
    x,
    y,
    width: Math.min(Math.max(box.x + box.width, 0), 1) - x,
    height: Math.min(Math.max(box.y + box.height, 0), 1) - y,
  };
}

/**
 * Keeps the best of boxes that show the same face: passes over the whole picture and over its
 * tiles see a face twice, and one box inside a larger, surer one is the same face too.
 */
export function mergeCandidates<T extends FaceCandidate>(candidates: T[], iou = 0.3): T[] {
  const kept: T[] = [];
  for (const candidate of [...candidates].sort((a, b) => b.score - a.score)) {
    const same = kept.some(
      (other) => boxIou(candidate, other) > iou || boxCoverage(candidate, other) > 0.7 || boxCoverage(other, candidate) > 0.7,
    );
    if (!same) kept.push(candidate);
  }
  return kept;
}
