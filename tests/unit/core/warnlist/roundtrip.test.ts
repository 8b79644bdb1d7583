import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  TAG_FLOOR,
  WARN_CATEGORIES,
  WarnIndex,
  armorList,
  buildList,
  matchesFor,
  openList,
  summaryOf,
  tagOf,
  fingerprintWords,
  type WarnReport,
} from '../../../../src/core/warnlist';
import { build, fastTagger, input, publisher, secret } from './support';

const handlePool = Array.from({ length: 12 }, (_, i) => `tel:+1212555${String(100 + i).padStart(4, '0')}`);
const report = fc.record({
  handles: fc.uniqueArray(fc.constantFrom(...handlePool), { maxLength: 3 }),
  category: fc.constantFrom(...WARN_CATEGORIES),
  story: fc.string({ maxLength: 80 }),
  region: fc.option(fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s.length > 0), { nil: undefined }),
  date: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  sources: fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }),
});

describe('build → open → lookup', () => {
  it('finds every reported handle with its merged details, and nothing else (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(report, { maxLength: 25 }), async (reports: WarnReport[]) => {
        const text = await build({ reports });
        const opened = await openList(text, secret);
        expect(opened.ok).toBe(true);
        if (!opened.ok) return;
        const index = new WarnIndex();
        index.add(opened.list);
        for (const handle of handlePool) {
          const expected = new Map<string, { sources: number; first: string; last: string }>();
          for (const r of reports) {
            if (!r.handles.includes(handle)) continue;
            const seen = expected.get(r.category);
            const sources = r.sources ?? 1;
            expected.set(r.category, {
              sources: (seen?.sources ?? 0) + sources,
              first: seen && seen.first < r.date ? seen.first : r.date,
              last: seen && seen.last > r.date ? seen.last : r.date,
            });
          }
          const matches = await matchesFor(handle, [opened.list], index, undefined, { tagger: fastTagger });
          expect(matches.length).toBe(expected.size);
          for (const match of matches) {
            const want = expected.get(match.category)!;
            expect(match.sources).toBe(want.sources);
            expect(match.firstReported).toBe(want.first);
            expect(match.lastReported).toBe(want.last);
            expect(match.listId).toBe('test-list');
          }
        }
        expect(opened.list.alerts.length).toBe(new Set(reports.filter((r) => r.handles.length === 0).map((r) => `${r.category}\n${r.region ?? ''}\n${r.story}`)).size);
      }),
      { numRuns: 25 },
    );
  });

  it('opens from an armored block pasted with messenger noise around it', async () => {
    const text = await build();
    const armored = armorList(text)
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\r\n');
    const pasted = `Alice, 12:01: here is the new list\r\n${armored}\r\nstay safe x`;
    const opened = await openList(pasted, secret);
    expect(opened.ok && opened.list.entryCount).toBe(3);
  });

  it('opens a file with text before and after it and CRLF line ends', async () => {
    const text = await build();
    const opened = await openList(`Forwarded:\r\n${text.replace(/\n/g, '\r\n')}-- \r\nsent from my phone`, secret);
    expect(opened.ok).toBe(true);
  });

  it('accepts the code typed in lower case, without dashes, with O for 0', async () => {
    const text = await build();
    const typed = secret.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o');
    expect((await openList(text, typed)).ok).toBe(true);
  });

  it('works with a passphrase as the secret', async () => {
    const text = await build({ secret: 'correct horse battery staple, by the river' });
    expect((await openList(text, 'correct horse battery staple, by the river')).ok).toBe(true);
    expect(text.split('\n')[1]).toMatch(/^argon2id 65536 3 1 /);
  });

  it('merges reports of one handle and category, counting each copy as a source', async () => {
    const reports: WarnReport[] = [
      { handles: ['tel:+12125550147'], category: 'violence', story: 'Hit me', date: '2026-01-02' },
      { handles: ['tel:+12125550147'], category: 'violence', story: 'Hit me', date: '2026-03-04', sources: 2 },
      { handles: ['tel:+12125550147'], category: 'non-payment', story: 'Did not pay', date: '2026-02-01' },
    ];
    const opened = await openList(await build({ reports }), secret);
    if (!opened.ok) throw new Error(opened.error);
    const index = new WarnIndex();
    index.add(opened.list);
    const matches = await matchesFor('tel:+12125550147', [opened.list], index, undefined, { tagger: fastTagger });
    const violence = matches.find((m) => m.category === 'violence')!;
    expect(opened.list.entryCount).toBe(2);
    expect(violence).toMatchObject({ sources: 3, firstReported: '2026-01-02', lastReported: '2026-03-04', story: 'Hit me' });
  });

  it('never matches a retracted handle, in its own list or in an older version of it', async () => {
    const older = await openList(await build({ version: 1 }), secret);
    const newer = await openList(await build({ version: 2, retractions: ['tel:+12125550147'] }), secret);
    if (!older.ok || !newer.ok) throw new Error('not opened');
    const index = new WarnIndex();
    index.add(newer.list);
    expect(newer.list.entryCount).toBe(2);
    expect(await matchesFor('tel:+12125550147', [newer.list], index, undefined, { tagger: fastTagger })).toEqual([]);
    expect(await matchesFor('email:jay.b@example.com', [newer.list], index, undefined, { tagger: fastTagger })).toHaveLength(1);
  });

  it('replaces a held list by its newer version in the index, and removes it', async () => {
    const v1 = await openList(await build({ version: 1 }), secret);
    const v2 = await openList(await build({ version: 2, reports: [] }), secret);
    if (!v1.ok || !v2.ok) throw new Error('not opened');
    const index = new WarnIndex();
    index.add(v1.list);
    expect(index.memoryBytes()).toBe(3 * 16);
    index.add(v2.list);
    expect(await matchesFor('tel:+12125550147', [v2.list], index, undefined, { tagger: fastTagger })).toEqual([]);
    index.remove('test-list');
    expect(index.has('test-list')).toBe(false);
  });

  it('flags an expired entry as old, and summarises a list without its entries', async () => {
    const reports: WarnReport[] = [{ handles: ['tel:+12125550147'], category: 'no-show', story: '', date: '2024-01-01', expires: '2024-06-01' }];
    const opened = await openList(await build({ reports }), secret);
    if (!opened.ok) throw new Error(opened.error);
    const index = new WarnIndex();
    index.add(opened.list);
    const [match] = await matchesFor('tel:+12125550147', [opened.list], index, undefined, { tagger: fastTagger });
    expect(match!.expired).toBe(true);
    const summary = summaryOf(opened.list, true, new Date('2026-11-22'));
    expect(summary).toMatchObject({ id: 'test-list', entries: 1, alerts: 0, expired: false, own: true, version: 3 });
    expect(summary.fingerprint).toEqual(fingerprintWords(publisher.publicKey));
    expect(summary.fingerprint).toHaveLength(8);
  });

  it('at Parasol’s real tag floor (Argon2id, 16 MiB), with the tag cache', async () => {
    const text = await buildList({ ...input({ tagCost: TAG_FLOOR }), tagger: undefined });
    const opened = await openList(text, secret);
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.list.tagParams).toMatchObject({ memoryKiB: 16 * 1024, iterations: 1, parallelism: 1 });
    const index = new WarnIndex();
    index.add(opened.list);
    const cache = new Map();
    const matches = await matchesFor('tel:+12125550147', [opened.list], index, cache);
    expect(matches).toMatchObject([{ category: 'violence', story: 'Choked a worker in a hotel room', region: 'Midtown', sources: 1 }]);
    expect(cache.size).toBe(1);
    const { tag } = await tagOf('tel:+12125550147', opened.list);
    expect(index.lookup(tag, 'test-list')).toEqual([expect.any(Number)]);
    expect(await matchesFor('tel:+12125550148', [opened.list], index, cache)).toEqual([]);
  }, 20_000);

  it('refuses to build with tags under the floor', async () => {
    await expect(build({ tagCost: { memoryKiB: 8192, iterations: 1, parallelism: 1 } })).rejects.toThrow(/tag cost/);
  });

  it('asks the tagger for several tags at once and reports progress to the end', async () => {
    let inFlight = 0;
    let most = 0;
    const slowTagger: typeof fastTagger = async (handle, params) => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight--;
      return fastTagger(handle, params);
    };
    const reports: WarnReport[] = handlePool.map((handle) => ({ handles: [handle], category: 'harassment', story: '', date: '2026-01-01' }));
    const progress: Array<[number, number]> = [];
    const text = await build({ reports, tagger: slowTagger, concurrency: 4, onProgress: (done, total) => progress.push([done, total]) });
    expect(most).toBe(4);
    expect(progress.at(-1)).toEqual([12, 12]);
    expect((await openList(text, secret)).ok).toBe(true);
  });
});
