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
  let loadMs = 0;
  try {
    const loaded = await loadBrowserHuman();
    // The first photo pays for loading the models; later ones do not.
    loadMs = loaded.loadMs;
    const started = performance.now();
    const decoded = await decodeForFaces(bytes);
    if ('error' in decoded) return decoded;
    try {
      const faces = await findFaces(bitmapPicture(decoded), humanFaceModel<OffscreenCanvas>(loaded.human));
      const backend = loaded.human.tf.getBackend();
      if (backend !== 'wasm') return { error: 'detector-failed' };
      return { faces: faceFindings(faces), backend, ms: performance.now() - started, loadMs: firstLoad(loadMs) };
    } finally {
      decoded.close();
    }
  } catch (error) {
    console.error('Parasol face finder:', error);
    return { error: 'detector-failed' };
  }
}

let reported = false;
function firstLoad(ms: number): number {
  if (reported) return 0;
  reported = true;
  return ms;
}
