// The CLI's tags, native or on worker threads, are argonTagger's, byte for byte, so a list built with them opens.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TAG_COST, argonTagger, tagSalt, type TagParams } from '../../../src/core/warnlist';
import { toBase64 } from '../../../src/core/vault/base64';
import { precomputedTagger, tagsInParallel } from '../../../src/cli/list-tag-pool';
import { loadNativeArgon2, nativeArgon2Path } from '../../../src/cli/native-argon2';

const params: TagParams = { ...DEFAULT_TAG_COST, salt: toBase64(tagSalt('pool-test', 'a long shared passphrase')) };
const handles = ['tel:+12125550147', 'email:dan.nights@example.com', 'user:instagram:rich_t_nyc', 'user:any:mike_nyc88', 'tel:+61491570156'];
const otherParams: TagParams = { ...DEFAULT_TAG_COST, salt: toBase64(tagSalt('other-org', 'another shared passphrase')) };
/** The worker threads, whatever is installed. */
const noNative = async () => undefined;

/** Every handle in `list` has a tag, and those in `checked` (all by default) argonTagger's. */
async function expectArgonTaggers(tags: Map<string, { tag: Uint8Array; detailKey: Uint8Array }>, list: string[], with_: TagParams, checked = list) {
  expect([...tags.keys()].sort()).toEqual([...list].sort());
  for (const handle of checked) {
    const own = await argonTagger(handle, with_);
    expect(tags.get(handle)!.tag).toEqual(own.tag);
    expect(tags.get(handle)!.detailKey).toEqual(own.detailKey);
  }
}

describe('native Argon2id (the optional argon2 package)', () => {
  it('loads here, so the tests below are not vacuous', async () => {
    // Optional for users (npm leaves it out where it cannot be built); CI's machine builds it (g++, make, Node's headers).
    expect(nativeArgon2Path()).toBeTypeOf('string');
    expect(await loadNativeArgon2()).toBeTypeOf('function');
  });

  it('is not used, and the CLI lives on, when the addon crashes whoever loads it', async () => {
    // The package's prebuilt Linux binary does that on this machine when npm did not compile one.
    const dir = mkdtempSync(join(tmpdir(), 'parasol-crashing-addon-'));
    const crashing = join(dir, 'index.js');
    writeFileSync(crashing, "process.kill(process.pid, 'SIGSEGV');\n");
    try {
      expect(await loadNativeArgon2(crashing)).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives argonTagger\'s tags and detail keys for several handles and two salts, with progress', async () => {
    // Short (hash-wasm in argonTagger) and non-ASCII handles too.
    const list = [...handles, 'user:a', 'user:any:josé_ñandú'];
    for (const with_ of [params, otherParams]) {
      const said: string[] = [];
      const progress: number[] = [];
      const tags = await tagsInParallel(list, with_, 2, (done) => progress.push(done), { say: (line) => said.push(line) });
      expect(said).toEqual(['tags: native Argon2id, 2 at a time']);
      await expectArgonTaggers(tags, list, with_);
      expect(progress).toEqual([list.length]);
    }
  }, 60_000);

  it('reports progress every 32 tags', async () => {
    const many = Array.from({ length: 70 }, (_, i) => `tel:+1212555${String(i).padStart(4, '0')}`);
    const progress: number[] = [];
    const tags = await tagsInParallel(many, params, 2, (done) => progress.push(done));
    expect(tags.size).toBe(70);
    expect(progress).toEqual([32, 64, 70]);
  }, 60_000);

  it('rejects when a hash fails, instead of writing a list without that tag', async () => {
    const failing = async () => async () => {
      throw new Error('out of memory');
    };
    await expect(tagsInParallel(handles, params, 2, undefined, { loadNative: failing })).rejects.toThrow(/out of memory/);
  });
});

describe('tagsInParallel', () => {
  it('without native Argon2id: the same tags and detail keys as argonTagger, on worker threads, with progress', async () => {
    const progress: number[] = [];
    const said: string[] = [];
    const tags = await tagsInParallel(handles, params, 2, (done) => progress.push(done), { loadNative: noNative, say: (line) => said.push(line) });
    expect(said).toEqual(['tags: WebAssembly on 1 worker thread']); // 5 handles: one batch
    await expectArgonTaggers(tags, handles, params);
    expect(progress.at(-1)).toBe(handles.length);
  }, 60_000);

  it('without native Argon2id: batches spread over the threads asked for', async () => {
    const many = Array.from({ length: 40 }, (_, i) => `user:any:client_${i}`);
    const said: string[] = [];
    const progress: number[] = [];
    const tags = await tagsInParallel(many, otherParams, 2, (done) => progress.push(done), { loadNative: noNative, say: (line) => said.push(line) });
    expect(said).toEqual(['tags: WebAssembly on 2 worker threads']);
    expect(progress.sort((a, b) => a - b).at(-1)).toBe(40);
    await expectArgonTaggers(tags, many, otherParams, many.slice(30)); // the second thread's batch
  }, 120_000);

  it('hands out its tags only for the parameters they were computed with', async () => {
    const tags = await tagsInParallel(handles.slice(0, 1), params, 1);
    const tagger = precomputedTagger(tags, params);
    expect(await tagger(handles[0]!, params)).toBe(tags.get(handles[0]!));
    const other = { ...params, salt: toBase64(tagSalt('other', 'a long shared passphrase')) };
    const computed = await tagger(handles[0]!, other);
    expect(computed.tag).not.toEqual(tags.get(handles[0]!)!.tag);
  }, 60_000);

  it('refuses parameters under the floor instead of computing weak tags', async () => {
    await expect(tagsInParallel(handles, { ...params, memoryKiB: 1024 }, 2)).rejects.toThrow(/out of bounds/);
  });
});
