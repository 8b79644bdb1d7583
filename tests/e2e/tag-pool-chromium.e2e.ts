import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { argonTagger, TAG_FLOOR, type TagParams } from '../../src/core/warnlist';
import { toBase64 } from '../../src/core/vault/base64';
import { launchChromiumWithParasol, serviceWorker, type ChromiumWithParasol } from './support/chromium';
import { startDemoServer, type DemoServer } from './support/demo';
import { buildDemoList } from './support/warn-list';

/**
 * Warning-list tags on Web Workers, in Chromium: the built tag worker (an extension file) gives
 * argonTagger's bytes exactly; and a page's lookup runs through the offscreen document's pool
 * (the service worker cannot start workers), which it opens for that.
 */

let demo: DemoServer;
let browser: ChromiumWithParasol;

beforeAll(async () => {
  demo = await startDemoServer();
  browser = await launchChromiumWithParasol();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe('Chromium: the warning-list tag pool', () => {
  test('the built tag worker computes argonTagger’s tag and detail key, byte for byte', async () => {
    const params: TagParams = { ...TAG_FLOOR, salt: toBase64(crypto.getRandomValues(new Uint8Array(16))) };
    const handles = ['tel:+12125550147', 'email:jay.b@example.com', 'user:any:ünïcode_name'];
    const page = await browser.openExtensionPage('options.html');
    const out = await page.evaluate(
      ({ handles, params }) =>
        new Promise<number[][]>((resolve, reject) => {
          const worker = new Worker('/tag-worker.js');
          worker.onerror = (event) => reject(new Error(event.message));
          worker.onmessage = (event) => (event.data.out ? resolve(event.data.out.map((bytes: Uint8Array) => [...bytes])) : reject(new Error(event.data.error)));
          worker.postMessage({ parasolTagWork: 1, requests: handles.map((handle) => ({ handle, params })) });
        }),
      { handles, params },
    );
    expect(out).toHaveLength(handles.length);
    for (const [i, handle] of handles.entries()) {
      const { tag, detailKey } = await argonTagger(handle, params);
      expect(out[i]).toEqual([...tag, ...detailKey]);
    }
    await page.close();
  });

  test('a page’s handles are tagged in the offscreen document, and found', async () => {
    const list = await buildDemoList();
    const options = await browser.openExtensionPage('options.html');
    const ask = (message: unknown) => options.evaluate((m) => chrome.runtime.sendMessage(m), message);
    expect(await ask({ type: 'vault/create', passphrase: 'correct horse battery staple' })).toEqual({ ok: true });
    expect(await ask({ type: 'lists/import', text: list.text, secret: list.secret })).toMatchObject({ ok: true });
    const offscreenOpen = async () =>
      ((await (await serviceWorker(browser.context)).evaluate(() => (chrome.runtime as unknown as { getContexts(filter: object): Promise<unknown[]> }).getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] }))) as unknown[]).length;
    expect(await offscreenOpen()).toBe(0);

    const page = await browser.context.newPage();
    await page.goto(demo.url('inbox.html'));
    const tabId = await browser.tabIdOf(page);
    const state = () => ask({ type: 'findings/get', tabId }) as Promise<{ warnings?: unknown[]; handlesChecked?: number }>;
    await expect.poll(async () => (await state()).warnings?.length ?? 0, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await offscreenOpen()).toBe(1);
    await page.close();
    await options.close();
  });
});
