import { boxCenter, clampBox, mergeCandidates, type FaceBox, type FaceCandidate } from './face-box';

/** A part of the picture in its own pixels; it may reach past the edges (that part is black). */
export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The decoded picture, as each platform holds it (an ImageBitmap in the browser, RGBA in Node).
 * `square` scales `crop` to fit a side×side square, placed at its top-left corner, the rest black.
 */
export interface FacePicture<Input> {
  width: number;
  height: number;
  square(crop: PixelRect, side: number): Input | Promise<Input>;
}

export interface ModelFace {
  /** As fractions of the square input. */
  box: FaceBox;
  /** The detector's confidence that this is a face. */
  score: number;
  /** A second model's confidence that the box holds a face (0 when it did not run). */
  faceScore: number;
}

/** The face model behind the finder (Human's BlazeFace, with FaceMesh as a second opinion). */
export interface FaceModel<Input> {
  /** `verify` also runs the second model on each face found. */
  detect(input: Input, verify: boolean): Promise<ModelFace[]>;
}

/** The detector's input side: BlazeFace looks at 256×256 whatever it is given. */
export const MODEL_SIDE = 256;
/** Below this the detector's guess is not worth a close-up: on the labelled set no face needed one, and each costs a model run. */
const CANDIDATE_SCORE = 0.45;
/**
 * At or above this the detector alone is trusted. Chosen on the labelled set (tests/corpus/faces),
 * where a white dog's face scored 0.76–0.82 depending on how the photo was scaled, and real faces
 * the close-up could not confirm scored 0.80–0.84.
 */
export const SURE_SCORE = 0.83;
/** FaceMesh's "a face is here" on a close-up of the candidate; cats, dogs and coffee cups stay far below. */
const VERIFIED_FACE_SCORE = 0.8;
/** Close-ups are costly (one more model run each): the surest candidates first, this many at most. */
const MAX_CLOSE_UPS = 10;
/** A picture this much wider than tall (or taller than wide) is also searched in square tiles. */
const TILE_ASPECT = 1.6;

/**
 * Faces in a picture, in three steps: the whole picture (padded to a square); square tiles (four
 * corners, or a row along a long picture), where small faces come out larger; then a close-up
 * of each unsure candidate, which FaceMesh must call a face. Measured on the labelled set in
 * tests/corpus/faces: BlazeFace's score alone cannot both find every face and ignore cats and
 * dogs (a cat scored 0.79, some real faces 0.45); FaceMesh on a close-up tells them apart.
 */
export async function findFaces<Input>(
  picture: FacePicture<Input>,
  model: FaceModel<Input>,
  { sureScore = SURE_SCORE } = {},
): Promise<FaceCandidate[]> {
  const { width, height } = picture;
  if (width < 1 || height < 1) return [];
  const candidates: FaceCandidate[] = [];
  for (const crop of searchCrops(width, height)) {
    const input = await picture.square(crop, MODEL_SIDE);
    for (const face of await model.detect(input, false)) {
      if (face.score < CANDIDATE_SCORE) continue;
      candidates.push({ ...toPicture(face.box, crop, width, height), score: face.score });
    }
  }
  const faces: FaceCandidate[] = [];
  let closeUps = 0;
  for (const candidate of mergeCandidates(candidates)) {
    if (candidate.score >= sureScore) {
      faces.push(candidate);
    } else if (closeUps < MAX_CLOSE_UPS) {
      closeUps += 1;
      if ((await closeUpScore(picture, model, candidate)) >= VERIFIED_FACE_SCORE) faces.push(candidate);
    }
  }
  return faces.map((face) => ({ ...clampBox(face), score: face.score }));
}

/** The whole picture, then its four corners, or square tiles along a long one overlapping by a quarter. */
export function searchCrops(width: number, height: number): PixelRect[] {
  const crops: PixelRect[] = [{ x: 0, y: 0, width, height }];
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  if (long / short < TILE_ASPECT) {
    // Four corner squares half the long side wide: small faces come out twice as large.
    const side = Math.min(short, Math.round(long / 2));
    for (const y of [0, height - side]) for (const x of [0, width - side]) crops.push({ x, y, width: side, height: side });
    return crops;
  }
  const count = Math.ceil((long - short) / (short * 0.75)) + 1;
  const step = (long - short) / (count - 1);
  for (let i = 0; i < count; i++) {
    const at = Math.round(i * step);
    crops.push(width > height ? { x: at, y: 0, width: short, height: short } : { x: 0, y: at, width: short, height: short });
  }
  return crops;
}

/** From fractions of the square input back to fractions of the whole picture. */
function toPicture(box: FaceBox, crop: PixelRect, width: number, height: number): FaceBox {
  const scale = Math.max(crop.width, crop.height);
  return {
    x: (crop.x + box.x * scale) / width,
    y: (crop.y + box.y * scale) / height,
    width: (box.width * scale) / width,
    height: (box.height * scale) / height,
  };
}

/** FaceMesh's score for the face nearest the middle of a close-up twice the candidate's size. */
async function closeUpScore<Input>(picture: FacePicture<Input>, model: FaceModel<Input>, candidate: FaceBox): Promise<number> {
  const { width, height } = picture;
  const side = 2 * Math.max(candidate.width * width, candidate.height * height);
  const center = boxCenter(candidate);
  const crop = { x: center.x * width - side / 2, y: center.y * height - side / 2, width: side, height: side };
  const faces = await model.detect(await picture.square(crop, MODEL_SIDE), true);
  let best = 0;
  for (const face of faces) {
    const middle = boxCenter(face.box);
    if (Math.abs(middle.x - 0.5) < 0.2 && Math.abs(middle.y - 0.5) < 0.2) best = Math.max(best, face.faceScore);
  }
  return best;
}
