import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Human } from '@vladmandic/human';
import { humanConfig } from '../core/image/faces/human-config';

const require = createRequire(import.meta.url);
/** Human's folder: its package.json `exports` lists bare names only, so its Node WASM build has no import path of its own. */
const HUMAN_DIR = dirname(dirname(require.resolve('@vladmandic/human')));
const WASM_DIR = dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));

let loading: Promise<Human> | undefined;

/** Human on TensorFlow.js's WASM backend in Node, its models read from its npm package: no network. */
export function loadNodeHuman(): Promise<Human> {
  loading ??= load().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function load(): Promise<Human> {
  const { Human: HumanClass } = require(join(HUMAN_DIR, 'dist', 'human.node-wasm.js')) as typeof import('@vladmandic/human');
  const human = new HumanClass(
    humanConfig({
      modelBasePath: pathToFileURL(join(HUMAN_DIR, 'models') + '/').href,
      wasmPath: pathToFileURL(WASM_DIR + '/').href,
    }),
  );
  // Node's fetch cannot read file: URLs, and tfjs-node's file loader is not part of this build.
  human.tf.io.registerLoadRouter((url: string | string[]) =>
    typeof url === 'string' && url.startsWith('file://') ? { load: () => readModel(url) } : null,
  );
  await human.load();
  if (human.tf.getBackend() !== 'wasm') throw new Error(`Face finder runs on ${human.tf.getBackend()}, not WASM`);
  return human;
}

interface ModelJson {
  modelTopology: unknown;
  format?: string;
  weightsManifest: { paths: string[]; weights: unknown[] }[];
}

async function readModel(url: string) {
  const json = JSON.parse(await readFile(fileURLToPath(url), 'utf8')) as ModelJson;
  const parts = await Promise.all(
    json.weightsManifest.flatMap((group) => group.paths.map((path) => readFile(fileURLToPath(new URL(path, url))))),
  );
  const weights = Buffer.concat(parts);
  return {
    modelTopology: json.modelTopology,
    format: json.format,
    weightSpecs: json.weightsManifest.flatMap((group) => group.weights),
    weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
  };
}
