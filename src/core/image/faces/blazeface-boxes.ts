import type { Human, Tensor } from '@vladmandic/human';
import type { ModelFace } from './find-faces';

/**
 * Human's BlazeFace step alone, for the passes that need only boxes. `human.detect` adds some
 * 8 ms a call around the model's 20 (input checks, a crop of every face for the mesh model it
 * will not run, asynchronous read-backs), and the finder calls it five times a photo. The steps
 * and numbers are Human 3.3's own (src/face/blazeface.ts and facemeshutil.ts): the same anchors,
 * box decoding, non-maximum suppression (TensorFlow.js's own), 1.4× enlarged square boxes and
 * scores rounded to hundredths, so findFaces' thresholds keep their meaning.
 */

/** The square input side BlazeFace was built for; findFaces hands it squares of this side. */
const SIDE = 256;
/** Human's `face.detector.scale` default: its boxes are 1.4 times the detected face. */
const ENLARGE = 1.4;

export interface DetectorSettings {
  maxDetected: number;
  iouThreshold: number;
  minConfidence: number;
}

let anchors: Float32Array | undefined;

/** Human's generateAnchors for a 256 input: strides 16 and 32, 2 and 6 anchors a cell; [x, y] each. */
function anchorCenters(): Float32Array {
  if (anchors) return anchors;
  const centers: number[] = [];
  for (const [stride, count] of [
    [SIDE / 16, 2],
    [SIDE / 8, 6],
  ] as const) {
    const cells = Math.floor((SIDE + stride - 1) / stride);
    for (let y = 0; y < cells; y++) for (let x = 0; x < cells; x++) for (let n = 0; n < count; n++) centers.push(stride * (x + 0.5), stride * (y + 0.5));
  }
  return (anchors = Float32Array.from(centers));
}

/** The detector's rows ([anchors, 17]: score logit, box, landmarks) as Human reads them from each model format. */
function detectorRows(human: Human, input: Tensor): Tensor {
  const tf = human.tf;
  const model = human.models.models.blazeface;
  if (!model) throw new Error('BlazeFace is not loaded');
  return tf.tidy(() => {
    const normalized = tf.sub(tf.div(input, 127.5), 1);
    const res = model.execute(normalized) as Tensor | Tensor[];
    if (!Array.isArray(res)) return tf.squeeze(res);
    if (res.length <= 2) return tf.squeeze(res[0]);
    const sorted = [...res].sort((a, b) => a.size - b.size);
    const concat384 = tf.concat([sorted[0], sorted[2]], 2);
    const concat512 = tf.concat([sorted[1], sorted[3]], 2);
    return tf.squeeze(tf.concat([concat512, concat384], 1), [0]);
  });
}

/** Faces in one SIDE×SIDE input tensor ([1, SIDE, SIDE, 3], values 0–255), as fractions of it. */
export function blazeFaceBoxes(human: Human, input: Tensor, settings: DetectorSettings): ModelFace[] {
  if (input.shape[1] !== SIDE || input.shape[2] !== SIDE) throw new Error(`BlazeFace input must be ${SIDE}×${SIDE}`);
  const rowsTensor = detectorRows(human, input);
  const [count, width] = rowsTensor.shape as [number, number];
  const rows = rowsTensor.dataSync() as Float32Array;
  human.tf.dispose(rowsTensor);
  const centers = anchorCenters();
  const scores = new Float32Array(count);
  const boxes = new Float32Array(count * 4);
  for (let i = 0; i < count; i++) {
    const row = i * width;
    scores[i] = 1 / (1 + Math.exp(-rows[row]!));
    const x = rows[row + 1]! + centers[i * 2]!;
    const y = rows[row + 2]! + centers[i * 2 + 1]!;
    const halfWidth = rows[row + 3]! / 2;
    const halfHeight = rows[row + 4]! / 2;
    boxes.set([x - halfWidth, y - halfHeight, x + halfWidth, y + halfHeight], i * 4);
  }
  const { selectedIndices } = human.tf.kernel_impls.nonMaxSuppressionV3Impl(boxes, scores, settings.maxDetected, settings.iouThreshold, settings.minConfidence) as { selectedIndices: number[] };
  const faces: ModelFace[] = [];
  for (const index of selectedIndices) {
    const confidence = scores[index]!;
    if (confidence <= settings.minConfidence) continue;
    const [x1, y1, x2, y2] = boxes.subarray(index * 4, index * 4 + 4) as unknown as [number, number, number, number];
    // Enlarged, then made square around the same center with whole-pixel corners, as Human does.
    const centerX = x1 + (x2 - x1) / 2;
    const centerY = y1 + (y2 - y1) / 2;
    const half = (ENLARGE * Math.max(Math.abs(x2 - x1), Math.abs(y2 - y1))) / 2;
    const left = Math.round(centerX - half);
    const top = Math.round(centerY - half);
    const side = Math.round(centerX + half) - left;
    const height = Math.round(centerY + half) - top;
    faces.push({
      box: { x: left / SIDE, y: top / SIDE, width: side / SIDE, height: height / SIDE },
      score: Math.round(100 * confidence) / 100,
      faceScore: 0,
    });
  }
  return faces;
}
