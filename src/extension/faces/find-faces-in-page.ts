import type { Tensor } from '@vladmandic/human';
import { faceFindings } from '../../core/image/faces/face-findings';
import { findFaces } from '../../core/image/faces/find-faces';
import { humanFaceModel } from '../../core/image/faces/human-face-model';
import { bitmapPicture } from './bitmap-picture';
import { loadBrowserHuman } from './browser-human';
import { decodeForFaces } from './decode-for-faces';
import type { FaceResult } from './face-result';

/**
 * The face finder as it runs in its own extension page (Chrome's offscreen document, or a frame
 * in Firefox's background page): decode, find, report. Never throws.
 */
export async function findFacesInPage(bytes: Uint8Array): Promise<FaceResult> {
  try {
    const { human, loadMs } = await loadBrowserHuman();
    const started = performance.now();
    const decoded = await decodeForFaces(bytes);
    if ('error' in decoded) return decoded;
    const decodeMs = performance.now() - started;
    try {
      const model = humanFaceModel<Tensor>(human);
      const picture = bitmapPicture(decoded);
      let modelRuns = 0;
      const faces = await findFaces(
        {
          width: picture.width,
          height: picture.height,
          // A tensor of the square, made here: Human copies a canvas onto one of its own first.
          square: async (crop, side) => {
            const canvas = await picture.square(crop, side);
            return human.tf.tidy(() => human.tf.expandDims(human.tf.cast(human.tf.browser.fromPixels(canvas), 'float32'), 0));
          },
        },
        {
          async detect(input, verify) {
            modelRuns += 1;
            try {
              return await model.detect(input, verify);
            } finally {
              human.tf.dispose(input);
            }
          },
        },
      );
      const backend = human.tf.getBackend();
      if (backend !== 'wasm') return { error: 'detector-failed' };
      return { faces: faceFindings(faces), backend, ms: performance.now() - started, decodeMs, modelRuns, loadMs: firstPhoto() ? loadMs : 0 };
    } finally {
      decoded.close();
    }
  } catch (error) {
    console.error('Parasol face finder:', error);
    return { error: 'detector-failed' };
  }
}

let photos = 0;
/** The first photo pays for loading the models; later ones do not. */
function firstPhoto(): boolean {
  photos += 1;
  return photos === 1;
}
