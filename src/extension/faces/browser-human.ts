import { Human } from '@vladmandic/human';
import { browser } from 'wxt/browser';
import { humanConfig } from '../../core/image/faces/human-config';
import { FACE_ASSET_DIR } from './face-assets-dir';

let loading: Promise<{ human: Human; loadMs: number }> | undefined;

/**
 * Human on TensorFlow.js's WASM backend, its models and .wasm files read from the extension
 * itself, loaded on the first photo and kept. Threads are off: extension pages have no
 * SharedArrayBuffer, and the threaded build would start workers from a blob.
 */
export function loadBrowserHuman(): Promise<{ human: Human; loadMs: number }> {
  loading ??= load().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function load(): Promise<{ human: Human; loadMs: number }> {
  const started = performance.now();
  const base = browser.runtime.getURL(`/${FACE_ASSET_DIR}/` as '/');
  const human = new Human(humanConfig({ modelBasePath: base, wasmPath: base }));
  human.tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  await human.load();
  await human.init();
  // A backend that failed to start falls back to plain JavaScript, ten times slower: refuse it.
  const backend = human.tf.getBackend();
  if (backend !== 'wasm') throw new Error(`The face finder runs on ${backend}, not WASM`);
  return { human, loadMs: performance.now() - started };
}
