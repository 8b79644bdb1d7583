import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { argonTagger, TAG_FLOOR, type TagParams } from '../../src/core/warnlist';
import { toBase64 } from '../../src/core/vault/base64';
import { launchFirefoxWithParasol, openExtensionPage, running, type FirefoxWithParasol } from './support/firefox';
import { startDemoServer, type DemoServer } from './support/demo';

/**
 * Warning-list tags on Web Workers, in Firefox ESR: the built tag worker (an extension file,
 * started from an extension page as the background page starts it) gives argonTagger's bytes exactly.
 */

let demo: DemoServer | undefined;
let firefox: FirefoxWithParasol | undefined;

beforeAll(async () => {
  demo = await startDemoServer();
  firefox = await launchFirefoxWithParasol();
}, 120_000);

afterAll(async () => {
  await firefox?.close();
  await demo?.close();
});

describe('Firefox: the warning-list tag worker', () => {
  test('computes argonTagger’s tag and detail key, byte for byte', async () => {
    const ff = running(firefox, 'Firefox with Parasol');
    const params: TagParams = { ...TAG_FLOOR, salt: toBase64(crypto.getRandomValues(new Uint8Array(16))) };
    const handles = ['tel:+12125550147', 'email:jay.b@example.com', 'user:any:ünïcode_name'];
    const hook = await ff.browser.newPage();
    await hook.goto(running(demo, 'The demo server').url('index.html'));
    const options = await openExtensionPage(ff.browser, hook, 'options');
    const out = (await options.evaluate(
      (handles: string[], params: TagParams) =>
        new Promise<number[][]>((resolve, reject) => {
          const worker = new Worker('/tag-worker.js');
          worker.onerror = (event) => reject(new Error(event.message));
          worker.onmessage = (event) => (event.data.out ? resolve(event.data.out.map((bytes: Uint8Array) => [...bytes])) : reject(new Error(event.data.error)));
          worker.postMessage({ parasolTagWork: 1, requests: handles.map((handle) => ({ handle, params })) });
        }),
      handles,
      params,
    )) as number[][];
    expect(out).toHaveLength(handles.length);
    for (const [i, handle] of handles.entries()) {
      const { tag, detailKey } = await argonTagger(handle, params);
      expect(out[i]).toEqual([...tag, ...detailKey]);
    }
    await Promise.all([options.close(), hook.close()]);
  });
});
