import { describe, expect, it } from 'vitest';
import { WarnIndex, matchesFor, openList, argonTagger, TAG_FLOOR, type Tagger, type TagParams } from '../../../../src/core/warnlist';
import { prefillTags, type BatchTagger, type TagCache } from '../../../../src/core/warnlist/lookup';
import { toBase64 } from '../../../../src/core/vault/base64';
import { work } from '../../../../src/extension/warnlist/tag-worker-main';
import { createTagPool } from '../../../../src/extension/warnlist/tag-pool';
import type { TagWorkRequest } from '../../../../src/extension/warnlist/tag-messages';
import { build, fastTagger, secret } from '../../core/warnlist/support';

const params: TagParams = { ...TAG_FLOOR, salt: toBase64(crypto.getRandomValues(new Uint8Array(16))) };
const handles = ['tel:+12125550147', 'email:jay.b@example.com', 'user:any:mike_nyc88', 'tel:+12125559999', 'user:instagram:mike_nyc88'];

/** The tag worker's own code behind a Worker's interface, in this thread (vitest has no Web Workers; the e2e tests run the real ones). */
class InThreadWorker extends EventTarget {
  terminated = false;
  constructor(private readonly broken = false) {
    super();
  }
  postMessage(message: TagWorkRequest): void {
    if (this.broken) return void setTimeout(() => this.dispatchEvent(new Event('error')));
    void work(message).then((reply) => this.dispatchEvent(new MessageEvent('message', { data: reply })));
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe('the tag worker', () => {
  it('computes argonTagger’s tag and detail key, byte for byte (real Argon2id)', async () => {
    const reply = await work({ parasolTagWork: 7, requests: handles.slice(0, 3).map((handle) => ({ handle, params })) });
    expect(reply.parasolTagWork).toBe(7);
    expect(reply.out).toHaveLength(3);
    for (const [i, handle] of handles.slice(0, 3).entries()) {
      const { tag, detailKey } = await argonTagger(handle, params);
      expect(reply.out![i]!.slice(0, 16)).toEqual(tag);
      expect(reply.out![i]!.slice(16)).toEqual(detailKey);
    }
  });

  it('refuses a cost under the floor, a bad salt and a malformed request, with a reason', async () => {
    expect((await work({ parasolTagWork: 1, requests: [{ handle: 'tel:+1', params: { ...params, memoryKiB: 8 } }] })).error).toMatch(/cost/);
    expect((await work({ parasolTagWork: 2, requests: [{ handle: 'tel:+1', params: { ...params, salt: 'AAAA' } }] })).error).toMatch(/salt/);
    expect((await work({ parasolTagWork: 3, requests: 'nope' as never })).error).toBe('bad-request');
  });
});

describe('the tag pool', () => {
  it('spreads a batch over its workers and returns the tags in the requests’ order', async () => {
    const made: InThreadWorker[] = [];
    const pool = createTagPool('/tag-worker.js', 3, () => made[made.push(new InThreadWorker()) - 1] as never);
    const requests = handles.map((handle) => ({ handle, params }));
    const tags = await pool.tagBatch(requests);
    expect(made).toHaveLength(3);
    for (const [i, handle] of handles.entries()) expect(tags[i]).toEqual(await argonTagger(handle, params));
    pool.end();
    expect(made.every((worker) => worker.terminated)).toBe(true);
  });

  it('fails (for the caller to fall back) when a worker cannot start', async () => {
    const pool = createTagPool('/tag-worker.js', 2, () => new InThreadWorker(true) as never);
    await expect(pool.tagBatch([{ handle: handles[0]!, params }])).rejects.toThrow(/tag worker/);
  });
});

describe('prefillTags, then matchesFor', () => {
  async function held() {
    const opened = await openList(await build(), secret);
    if (!opened.ok) throw new Error(opened.error);
    const index = new WarnIndex();
    index.add(opened.list);
    return { lists: [opened.list], index };
  }
  const counting = () => {
    let calls = 0;
    const tagger: Tagger = (handle, p) => (calls++, fastTagger(handle, p));
    return { tagger, calls: () => calls };
  };
  const batchOf = (tagger: Tagger): BatchTagger => (requests) => Promise.all(requests.map(({ handle, params: p }) => tagger(handle, p)));

  it('computes every missing tag in one batch; the lookups then compute none and find the same', async () => {
    const { lists, index } = await held();
    const plain = await Promise.all(handles.map((handle) => matchesFor(handle, lists, index, new Map(), { tagger: fastTagger })));
    expect(plain.filter((m) => m.length > 0)).toHaveLength(3);

    const cache: TagCache = new Map();
    let batches = 0;
    await prefillTags(handles, lists, index, cache, (requests) => (batches++, batchOf(fastTagger)(requests)));
    await prefillTags(handles, lists, index, cache, () => Promise.reject(new Error('not called: all cached')));
    expect(batches).toBe(1);
    expect(cache.size).toBe(handles.length);
    const single = counting();
    const after = await Promise.all(handles.map((handle) => matchesFor(handle, lists, index, cache, { tagger: single.tagger })));
    expect(single.calls()).toBe(0);
    expect(after).toEqual(plain);
  });

  it('a failing or short batch changes nothing: the lookups compute the tags themselves and lose nothing', async () => {
    const { lists, index } = await held();
    const plain = await Promise.all(handles.map((handle) => matchesFor(handle, lists, index, new Map(), { tagger: fastTagger })));
    for (const broken of [() => Promise.reject(new Error('workers gone')), async () => [], batchOf(async () => ({ tag: new Uint8Array(3), detailKey: new Uint8Array(32) }))] as BatchTagger[]) {
      const cache: TagCache = new Map();
      await prefillTags(handles, lists, index, cache, broken);
      expect(cache.size).toBe(0);
      const single = counting();
      expect(await Promise.all(handles.map((handle) => matchesFor(handle, lists, index, cache, { tagger: single.tagger })))).toEqual(plain);
      expect(single.calls()).toBe(handles.length);
    }
  });
});

