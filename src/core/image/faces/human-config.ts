import type { Config } from '@vladmandic/human';

/** The only model files Parasol ships and loads: Human's BlazeFace and FaceMesh. */
export const FACE_MODEL_FILES = ['blazeface.json', 'blazeface.bin', 'facemesh.json', 'facemesh.bin'] as const;
/** TensorFlow.js's WASM backend without threads (no SharedArrayBuffer in extension pages), with and without SIMD. */
export const FACE_WASM_FILES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm'] as const;

/**
 * Human set up for still photos: faces only, every path given (its defaults point at a CDN), no
 * caching of models in IndexedDB, and no reuse of an earlier result (Human skips frames for video).
 */
export function humanConfig(paths: { modelBasePath: string; wasmPath: string }): Partial<Config> {
  return {
    backend: 'wasm',
    modelBasePath: paths.modelBasePath,
    wasmPath: paths.wasmPath,
    wasmPlatformFetch: false,
    debug: false,
    async: true,
    warmup: 'none',
    cacheModels: false,
    validateModels: false,
    cacheSensitivity: 0,
    skipAllowed: false,
    filter: { enabled: false },
    gesture: { enabled: false },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    segmentation: { enabled: false },
    face: {
      enabled: true,
      detector: {
        modelPath: 'blazeface.json',
        rotation: false,
        maxDetected: 20,
        skipFrames: 0,
        skipTime: 0,
        minConfidence: 0.3,
        iouThreshold: 0.3,
        return: false,
      },
      // Loaded for close-ups only (see findFaces); keepInvalid returns its low scores too.
      mesh: { enabled: true, modelPath: 'facemesh.json', keepInvalid: true },
      iris: { enabled: false },
      attention: { enabled: false },
      emotion: { enabled: false },
      description: { enabled: false },
      antispoof: { enabled: false },
      liveness: { enabled: false },
    },
  } as Partial<Config>;
}
