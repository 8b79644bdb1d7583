import type { Finding } from '../../core/findings';
import type { PhotoProblem } from '../../core/image/photo-report';

/** What the face finder says of one photo: faces (kind `face`, box as fractions) or why it could not look. */
export type FaceResult =
  | {
      faces: Finding[];
      /** TensorFlow.js's backend that ran: always `wasm` (anything else is refused as an error). */
      backend: string;
      /** Decoding and finding, in milliseconds. */
      ms: number;
      /** Of which decoding. */
      decodeMs: number;
      /** How many times the model looked (whole photo, tiles, close-ups). */
      modelRuns: number;
      /** Loading the models first, when this photo was the first (0 after). */
      loadMs: number;
    }
  | { error: PhotoProblem | 'detector-failed' };

/** A request from the background to the face finder's page, and its answer. */
export interface FaceRequest {
  parasolFaces: number;
  bytes: ArrayBuffer;
}
export interface FaceReply {
  parasolFaces: number;
  result: FaceResult;
}
