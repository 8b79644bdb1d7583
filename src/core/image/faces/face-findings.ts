import type { Finding } from '../../findings';
import type { FaceBox } from './face-box';

/** One finding per face: a face can be found by reverse image search, so each is `high`. */
export function faceFindings(boxes: FaceBox[]): Finding[] {
  return boxes.map((box) => ({
    kind: 'face',
    severity: 'high',
    // A face has no text of its own; `box` says where it is.
    value: '',
    reason: 'photoFace',
    box: { x: round(box.x), y: round(box.y), width: round(box.width), height: round(box.height) },
  }));
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
