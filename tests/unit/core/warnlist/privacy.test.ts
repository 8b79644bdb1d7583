import { describe, expect, it } from 'vitest';
import { WARN_CATEGORIES, WarnIndex, matchesFor, openList, type WarnReport } from '../../../../src/core/warnlist';
import { openDetails } from '../../../../src/core/warnlist/details';
import { openEnvelope, parseEnvelope } from '../../../../src/core/warnlist/file';
import { build, fastTagger, secret } from './support';

const reports = (count: number): WarnReport[] =>
  Array.from({ length: count }, (_, i) => ({
    handles: [`tel:+1212555${String(1000 + i)}`],
    category: WARN_CATEGORIES[i % WARN_CATEGORIES.length]!,
    story: `Story number ${i}: choked a worker at the Lakeside Motel`,
    region: 'Lakeside',
    date: '2026-10-01',
  }));

describe('what a list file tells', () => {
  it('without the secret: no handle, category, story, region or count; its size is all', async () => {
    const few = await build({ reports: reports(2) });
    const more = await build({ reports: reports(12) });
    expect(few.length).toBe(more.length);
    for (const text of [few, more]) {
      for (const secretWord of ['2125551000', '+1212', 'tel:', 'violence', 'robbery', 'Lakeside', 'Motel', 'Story', 'test-list', 'Test list', '"entries"']) {
        expect(text).not.toContain(secretWord);
      }
      // Only the format line, the key-derivation line, a nonce and base64 ciphertext.
      expect(text).toMatch(/^PARASOL-WARNING-LIST 1\nargon2id \d+ \d \d [A-Za-z0-9+/]{32} [A-Za-z0-9+/]{16}\n[A-Za-z0-9+/]{32}\n[A-Za-z0-9+/]+\n$/);
    }
  });

  it('two builds of the same reports share no bytes an observer could link', async () => {
    const a = await build({ reports: reports(3) });
    const b = await build({ reports: reports(3) });
    expect(a.split('\n')[3]!.slice(0, 64)).not.toBe(b.split('\n')[3]!.slice(0, 64));
    expect(a.split('\n')[1]).not.toBe(b.split('\n')[1]);
  });

  it('with the secret: the body holds tags and sealed details, no handle or story; details open only with the handle', async () => {
    const text = await build({ reports: reports(5) });
    const parsed = parseEnvelope(text);
    if (!parsed.ok) throw new Error(parsed.error);
    const opened = await openEnvelope(parsed.envelope, secret);
    if (!opened.ok) throw new Error(opened.error);
    const body = new TextDecoder('latin1').decode(opened.body);
    for (const word of ['2125551000', 'tel:', 'violence', 'Lakeside', 'Story number', 'choked']) expect(body).not.toContain(word);

    const list = await openList(text, secret);
    if (!list.ok) throw new Error(list.error);
    const index = new WarnIndex();
    index.add(list.list);
    // The holder who has the handle reads its entry…
    const [match] = await matchesFor('tel:+12125551003', [list.list], index, undefined, { tagger: fastTagger });
    expect(match?.story).toBe('Story number 3: choked a worker at the Lakeside Motel');
    // …and the key of any other handle opens no entry's details.
    const { detailKey } = await fastTagger('tel:+12125559999', list.list.tagParams);
    for (let position = 0; position < list.list.entryCount; position++) {
      const sealed = list.list.details.subarray(list.list.detailOffsets[position], list.list.detailOffsets[position + 1]);
      const read = openDetails(sealed, detailKey, list.list.detailNonceSeed, position);
      expect(read?.story ?? '').not.toContain('Story');
    }
  });

  it('with the secret, an unlisted handle matches nothing', async () => {
    const list = await openList(await build({ reports: reports(5) }), secret);
    if (!list.ok) throw new Error(list.error);
    const index = new WarnIndex();
    index.add(list.list);
    expect(await matchesFor('tel:+12125550000', [list.list], index, undefined, { tagger: fastTagger })).toEqual([]);
  });
});
