import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { FACE_MODEL_FILES, FACE_WASM_FILES } from '../../core/image/faces/human-config';
import { FACE_ASSET_DIR } from './face-assets-dir';

/**
 * The files the build copies from node_modules into the extension (wxt.config.ts): nothing is
 * fetched at run time, and they are not web-accessible (only the extension's own pages load them).
 */
export function faceAssetFiles(): { absoluteSrc: string; relativeDest: string }[] {
  const require = createRequire(import.meta.url);
  const models = join(dirname(dirname(require.resolve('@vladmandic/human'))), 'models');
  const wasm = dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
  return [
    ...FACE_MODEL_FILES.map((file) => ({ absoluteSrc: join(models, file), relativeDest: `${FACE_ASSET_DIR}/${file}` })),
    ...FACE_WASM_FILES.map((file) => ({ absoluteSrc: join(wasm, file), relativeDest: `${FACE_ASSET_DIR}/${file}` })),
  ];
}
