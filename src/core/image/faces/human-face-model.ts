import type { Human, Input, Tensor } from '@vladmandic/human';
import { blazeFaceBoxes } from './blazeface-boxes';
import type { FaceModel, ModelFace } from './find-faces';

/**
 * Human as findFaces' model: BlazeFace boxes (the detector alone, see blazeface-boxes.ts), and
 * FaceMesh's score through `human.detect` when asked to verify.
 */
export function humanFaceModel<I extends Input>(human: Human): FaceModel<I> {
  const { maxDetected = 20, iouThreshold = 0.3, minConfidence = 0.3 } = human.config.face.detector ?? {};
  return {
    async detect(input, verify) {
      if (!verify && input instanceof human.tf.Tensor) {
        return blazeFaceBoxes(human, input as unknown as Tensor, { maxDetected, iouThreshold, minConfidence });
      }
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
