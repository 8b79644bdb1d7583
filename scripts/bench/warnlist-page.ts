// Part "warnlist-page": a page with 50 client handles (numbers plain and in disguise, emails,
// usernames) checked against 3 held lists at the real tag cost, the way the background does it,
// on one thread in Node: the text finders read the page's texts (page-handles.ts), then the
// handles are looked up in the background's batches (a few first). Prints the first stored result
// and the last; the targets for them are checked where the extension runs them, with its
// pool of Web Workers (part warnlist-browser, which shows this one-thread figure beside its own).
// Reference for reading the page: libphonenumber-js findNumbers over the same texts (numbers
// only, plain only).
import { findNumbers } from 'libphonenumber-js';
import { buildList, generatePublisherKey, matchesFor, newListSecret, openList, WarnIndex, type OpenedList, type WarnReport } from '../../src/core/warnlist';
import { lookupBatches, lookupVariants, pageHandles, type PageHandle } from '../../src/extension/background/warnlist/page-handles';
import { writeOutput, type BenchPart } from './part';
import { heading, ms, printChecks, printTable, type Check } from './table';

const DIGIT_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** 50 messages, each with one client's handle, written as clients write them; `round` gives other clients. */
export function inboxTexts(round = 0): { texts: string[]; listed: string[] } {
  const texts: string[] = [];
  for (let i = 0; i < 50; i++) {
    const n = round * 50 + i;
    const line = String(1000 + n).slice(-4);
    const kind = i % 5;
    const handle =
      kind === 0 ? `212 555 ${line}`
      : kind === 1 ? `(646) 555-${line}`
      : kind === 2 ? `2I2 five5five ${[...line].map((d) => DIGIT_WORDS[Number(d)]).join(' ')}`
      : kind === 3 ? `client${n}@example.com`
      : `IG: @client_${n}`;
    texts.push(`client${n} · Sat 10:${String(i).padStart(2, '0')} pm\nHi, saw your ad, are you free tonight? Reach me at ${handle}. Thanks`);
  }
  // One handle per list is on it: the first message's (for the first result) and two later ones.
  const first = round * 50;
  return { texts, listed: [`tel:+1212555${String(1000 + first).slice(-4)}`, `email:client${first + 23}@example.com`, `user:any:client_${first + 49}`] };
}

export interface BenchLists {
  lists: OpenedList[];
  index: WarnIndex;
  /** Each list as a file, with its code: what a person imports. */
  files: { text: string; secret: string }[];
}

/** 3 lists from one publisher at the real tag cost; list l holds handle l of each `listed` set among 30 others. */
export async function benchLists(listed: string[][]): Promise<BenchLists> {
  const publisher = generatePublisherKey();
  const lists: OpenedList[] = [];
  const files: BenchLists['files'] = [];
  const index = new WarnIndex();
  for (let l = 0; l < 3; l++) {
    const secret = newListSecret();
    const reports: WarnReport[] = Array.from({ length: 30 }, (_, i) => ({
      handles: [listed[i]?.[l] ?? `tel:+1917555${String(2000 + l * 100 + i)}`],
      category: 'violence',
      story: `bench report ${l}.${i}`,
      date: '2026-10-01',
    }));
    const text = await buildList({ id: `page-${l}`, name: `bench ${l}`, version: 1, issued: '2026-11-01', expires: '2099-01-01', reports, publisher, secret });
    const opened = await openList(text, secret);
    if (!opened.ok) throw new Error(`warnlist-page bench: ${opened.error}`);
    lists.push(opened.list);
    files.push({ text, secret });
    index.add(opened.list);
  }
  return { lists, index, files };
}

const since = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** As the background does, on one thread: batch by batch, each batch's answers in before the next. */
export async function lookUpOnOneThread(found: PageHandle[], lists: OpenedList[], index: WarnIndex): Promise<{ firstMs: number; allMs: number; matched: number }> {
  const start = process.hrtime.bigint();
  let firstMs: number | undefined;
  let matched = 0;
  for (const batch of lookupBatches(found)) {
    for (const handle of batch) {
      for (const variant of lookupVariants(handle.handle)) matched += (await matchesFor(variant, lists, index)).length > 0 ? 1 : 0;
    }
    firstMs ??= since(start);
  }
  return { firstMs: firstMs ?? 0, allMs: since(start), matched };
}

export const warnlistPageBench: BenchPart = {
  name: 'warnlist-page',
  title: 'Warning lists on a page, one thread in Node: 50 handles against 3 lists (first result, all results)',
  async run() {
    heading(this.title);
    const { texts, listed } = inboxTexts();
    const { lists, index } = await benchLists([listed]);

    let start = process.hrtime.bigint();
    const found = pageHandles(texts, [], { country: 'US' });
    const readMs = since(start);
    start = process.hrtime.bigint();
    const plainNumbers = texts.reduce((sum, text) => sum + findNumbers(text, { defaultCountry: 'US', v2: true }).length, 0);
    const referenceMs = since(start);

    const { firstMs: lookupFirstMs, allMs: lookupAllMs, matched } = await lookUpOnOneThread(found, lists, index);
    const firstMs = lookupFirstMs + readMs;
    const allMs = lookupAllMs + readMs;

    printTable(
      ['step', 'handles', 'time'],
      [
        ['read the page (Parasol: phones in any disguise, emails, usernames)', found.length, ms(readMs)],
        ['read the page (libphonenumber-js findNumbers: plain numbers only)', plainNumbers, ms(referenceMs)],
        ['first batch looked up on one thread (first result stored)', 1, ms(firstMs)],
        ['all looked up on one thread', found.length, ms(allMs)],
      ],
    );
    console.log(`Handles on the lists found: ${matched} of ${listed.length}. Reading ratio Parasol / libphonenumber-js: ${(readMs / Math.max(referenceMs, 0.001)).toFixed(1)}.`);
    writeOutput('warnlist-page.json', { handles: found.length, matched, readMs, referenceMs, firstMs, allMs });

    const checks: Check[] = [
      { part: this.name, name: 'page: 50 handles found', got: String(found.length), target: '50', pass: found.length === 50 },
      { part: this.name, name: 'page: listed handles matched', got: String(matched), target: String(listed.length), pass: matched === listed.length },
    ];
    printChecks(checks, 'findNumbers');
    return checks;
  },
};
