// Reports → a signed, sealed list file. Reports of one handle and category are merged into one
// entry here (sources added up, first and last dates kept, distinct stories joined), so a
// million copies of one report make one entry with a million sources, quickly.
import nacl from 'tweetnacl';
import { compareTags } from './bytes';
import { DETAIL_NONCE_SEED_BYTES, dayDate, dayNumber, encodeDetails, sealDetails, type EntryDetails } from './details';
import * as v from 'valibot';
import { HeaderSchema, writeBody, signBody, type ListHeader } from './body';
import { sealFile } from './file';
import { publisherSecret, type PublisherKey } from './keys';
import type { WarnAlert } from './model';
import { canonicalSecret, fileKdfCost } from './secret';
import { DEFAULT_TAG_COST, TAG_BYTES, argonTagger, tagCostAllowed, type TagCost, type Tagger } from './tags';
import { WARN_CATEGORIES, type NormalHandle, type WarnReport } from './types';
import { fromBase64, toBase64 } from '../vault/base64';

export interface BuildInput {
  id: string;
  name: string;
  version: number;
  issued: string;
  expires: string;
  reports: WarnReport[];
  /** Handles whose earlier reports are withdrawn: dropped here, and never matched in older versions either. */
  retractions?: NormalHandle[];
  publisher: PublisherKey;
  secret: string;
  tagCost?: TagCost;
  onProgress?: (done: number, total: number) => void;
  /**
   * Computes the tags: Argon2id in this thread by default. Tests and benches inject a cheaper one
   * (the file still states `tagCost`); the CLI may inject one that runs Argon2id on worker threads.
   */
  tagger?: Tagger;
  /** Tags asked of the tagger at once (default 8). */
  concurrency?: number;
}

/** A merged story stays readable: distinct stories joined, up to this many characters. */
const MAX_STORY = 20_000;
const MAX_REGION = 500;
const NORMAL = /^(?:tel:\+[1-9]\d{6,14}|email:[^\s@]{1,64}@[^\s@]{1,255}|user:[a-z0-9][a-z0-9.-]{0,31}:[^\s:]{1,64})$/u;

interface Merged {
  handle: NormalHandle;
  category: (typeof WARN_CATEGORIES)[number];
  stories: string[];
  regions: string[];
  first: number;
  last: number;
  sources: number;
  expires: number;
}

/** Reports with the same handle and category become one (documented in docs/warnlist-format.md). */
export function mergeReports(reports: WarnReport[], retracted: Set<string> = new Set()): { entries: Merged[]; alerts: WarnAlert[] } {
  const merged = new Map<string, Merged>();
  const alerts = new Map<string, WarnAlert>();
  reports.forEach((report, at) => {
    const where = `report ${at + 1}`;
    if (!WARN_CATEGORIES.includes(report.category)) throw new RangeError(`warnlist: ${where}: unknown category`);
    const day = dayNumber(report.date);
    if (day === undefined) throw new RangeError(`warnlist: ${where}: date is not YYYY-MM-DD`);
    const expires = report.expires === undefined ? 0 : dayNumber(report.expires);
    if (expires === undefined) throw new RangeError(`warnlist: ${where}: expiry is not YYYY-MM-DD`);
    const sources = report.sources ?? 1;
    if (!Number.isInteger(sources) || sources < 1 || sources > 1_000_000_000) throw new RangeError(`warnlist: ${where}: bad source count`);
    const story = report.story.slice(0, MAX_STORY);
    const region = (report.region ?? '').trim().slice(0, MAX_REGION);
    if (report.handles.length === 0) {
      const key = `${report.category}\n${region}\n${story}`;
      const alert = alerts.get(key);
      if (alert) {
        alert.sources = Math.min(1_000_000_000, alert.sources + sources);
        if (report.date > alert.date) alert.date = report.date;
      } else {
        alerts.set(key, {
          category: report.category,
          story,
          ...(region ? { region } : {}),
          date: report.date,
          sources,
          ...(report.expires ? { expires: report.expires } : {}),
        });
      }
      return;
    }
    for (const handle of new Set(report.handles)) {
      if (!NORMAL.test(handle)) throw new RangeError(`warnlist: ${where}: not a normal handle: ${handle.slice(0, 80)}`);
      if (retracted.has(handle)) continue;
      const key = `${handle}\n${report.category}`;
      const entry = merged.get(key);
      if (!entry) {
        merged.set(key, { handle, category: report.category, stories: [story], regions: region ? [region] : [], first: day, last: day, sources, expires });
        continue;
      }
      entry.sources = Math.min(1_000_000_000, entry.sources + sources);
      entry.first = Math.min(entry.first, day);
      entry.last = Math.max(entry.last, day);
      entry.expires = entry.expires === 0 || expires === 0 ? 0 : Math.max(entry.expires, expires);
      if (story && !entry.stories.includes(story) && storyLength(entry.stories) + story.length < MAX_STORY) entry.stories.push(story);
      if (region && !entry.regions.includes(region) && entry.regions.length < 5) entry.regions.push(region);
    }
  });
  return { entries: [...merged.values()], alerts: [...alerts.values()] };
}

function storyLength(stories: string[]): number {
  return stories.reduce((sum, story) => sum + story.length + 2, 0);
}

export async function buildList(input: BuildInput): Promise<string> {
  if (!input.id || input.id.length > 200) throw new RangeError('warnlist: list id must be 1–200 characters');
  if (!Number.isSafeInteger(input.version) || input.version < 1) throw new RangeError('warnlist: version must be a whole number from 1');
  const tagCost = input.tagCost ?? DEFAULT_TAG_COST;
  if (tagCostAllowed(tagCost) !== 'ok') throw new RangeError('warnlist: tag cost outside what Parasol accepts');
  const secretKey = publisherSecret(input.publisher);
  const tagger = input.tagger ?? argonTagger;

  const retractions = [...new Set(input.retractions ?? [])];
  for (const handle of retractions) {
    if (!NORMAL.test(handle)) throw new RangeError(`warnlist: retraction is not a normal handle: ${handle.slice(0, 80)}`);
  }
  const { entries, alerts } = mergeReports(input.reports, new Set(retractions));
  const salt = tagSalt(input.id, input.secret);
  const tagParams = { ...tagCost, salt: toBase64(salt) };

  // One tag per distinct handle: the slow part, with progress.
  const handles = [...new Set([...entries.map((e) => e.handle), ...retractions])];
  const tagged = new Map<string, { tag: Uint8Array; detailKey: Uint8Array }>();
  const total = handles.length;
  // Several tags in flight, so a tagger that hands them to worker threads (the CLI's) uses every core.
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < total) {
      const handle = handles[next++]!;
      tagged.set(handle, await tagger(handle, tagParams));
      done++;
      if (input.onProgress && (done % 256 === 0 || done === total)) input.onProgress(done, total);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(input.concurrency ?? 8, total)) }, worker));

  const unsorted = entries.map((entry) => ({ entry, ...tagged.get(entry.handle)! }));
  // Sorted by tag (then category): the first 4 bytes as a number decide almost every comparison.
  const prefix = unsorted.map((row) => ((row.tag[0]! << 24) | (row.tag[1]! << 16) | (row.tag[2]! << 8) | row.tag[3]!) >>> 0);
  const order = unsorted.map((_, i) => i);
  order.sort(
    (a, b) =>
      prefix[a]! - prefix[b]! ||
      compareTags(unsorted[a]!.tag, 0, unsorted[b]!.tag, 0) ||
      WARN_CATEGORIES.indexOf(unsorted[a]!.entry.category) - WARN_CATEGORIES.indexOf(unsorted[b]!.entry.category),
  );
  const rows = order.map((i) => unsorted[i]!);
  const seed = nacl.randomBytes(DETAIL_NONCE_SEED_BYTES);
  const tags = new Uint8Array(rows.length * TAG_BYTES);
  const details = rows.map((row, position) => {
    tags.set(row.tag, position * TAG_BYTES);
    const e = row.entry;
    const plain: EntryDetails = {
      category: e.category,
      story: e.stories.join('\n\n'),
      ...(e.regions.length ? { region: e.regions.join('; ') } : {}),
      firstReported: dayDate(e.first),
      lastReported: dayDate(e.last),
      sources: e.sources,
      ...(e.expires ? { expires: dayDate(e.expires) } : {}),
    };
    return sealDetails(encodeDetails(plain), row.detailKey, seed, position);
  });
  const retractionTags = retractions.map((h) => tagged.get(h)!.tag).sort((a, b) => compareTags(a, 0, b, 0));
  const retractionBytes = new Uint8Array(retractionTags.length * TAG_BYTES);
  retractionTags.forEach((tag, i) => retractionBytes.set(tag, i * TAG_BYTES));

  const header: ListHeader = {
    id: input.id,
    name: input.name,
    version: input.version,
    issued: input.issued,
    expires: input.expires,
    tagParams,
    detailNonceSeed: toBase64(seed),
    alerts,
  };
  // A list this Parasol would refuse to open is refused here, with the reason.
  const checked = v.safeParse(HeaderSchema, header);
  if (!checked.success) throw new RangeError(`warnlist: ${checked.issues[0].path?.map((p) => p.key).join('.') ?? 'header'}: ${checked.issues[0].message}`);
  const publicKey = fromBase64(input.publisher.publicKey)!;
  const body = writeBody({ publicKey, header, tags, retractions: retractionBytes, details });
  const signature = await signBody(body, secretKey);
  return sealFile(body, signature, input.secret, fileKdfCost(input.secret));
}

/**
 * The salt that keys the list's tags: from its id and secret, so it stays the same from one
 * version to the next (tags cached while unlocked stay good) and nobody without the secret has it.
 */
export function tagSalt(id: string, secret: string): Uint8Array {
  const input = new TextEncoder().encode(`parasol warnlist tag salt v1\0${id}\0${canonicalSecret(secret).text}`);
  return nacl.hash(input).slice(0, 16);
}
