import type { Human, Input } from '@vladmandic/human';
import type { FaceModel, ModelFace } from './find-faces';

/** Human as findFaces' model: BlazeFace boxes, and FaceMesh's score when asked to verify. */
export function humanFaceModel<I extends Input>(human: Human): FaceModel<I> {
  return {
    async detect(input, verify) {
      // Human keeps what each call sets, so this is set every time.
      const result = await human.detect(input, { face: { mesh: { enabled: verify } } } as Parameters<Human['detect']>[1]);
      return result.face.map(
        (face): ModelFace => ({
          box: { x: face.boxRaw[0], y: face.boxRaw[1], width: face.boxRaw[2], height: face.boxRaw[3] },
          score: face.boxScore,
          faceScore: verify ? face.faceScore : 0,
        }),
      );
    },
  };
}
