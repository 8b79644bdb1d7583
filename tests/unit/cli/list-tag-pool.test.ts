// The worker threads' tags are argonTagger's, byte for byte, so a list built with them opens.
import { describe, expect, it } from 'vitest';
import { DEFAULT_TAG_COST, argonTagger, tagSalt, type TagParams } from '../../../src/core/warnlist';
import { toBase64 } from '../../../src/core/vault/base64';
import { precomputedTagger, tagsInParallel } from '../../../src/cli/list-tag-pool';

const params: TagParams = { ...DEFAULT_TAG_COST, salt: toBase64(tagSalt('pool-test', 'a long shared passphrase')) };
const handles = ['tel:+12125550147', 'email:dan.nights@example.com', 'user:instagram:rich_t_nyc', 'user:any:mike_nyc88', 'tel:+61491570156'];

describe('tagsInParallel', () => {
  it('computes the same tags and detail keys as argonTagger, on two threads, with progress', async () => {
    const progress: number[] = [];
    const tags = await tagsInParallel(handles, params, 2, (done) => progress.push(done));
    expect([...tags.keys()].sort()).toEqual([...handles].sort());
    for (const handle of handles) {
      const own = await argonTagger(handle, params);
      expect(tags.get(handle)!.tag).toEqual(own.tag);
      expect(tags.get(handle)!.detailKey).toEqual(own.detailKey);
    }
    expect(progress.at(-1)).toBe(handles.length);
  }, 60_000);

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
