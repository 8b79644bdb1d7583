// The in-memory index of held lists and the lookup of a handle in them. A list's tags are kept
// sorted (checked on opening), so the index is the tags themselves and a binary search: no
// extra table, 16 bytes per entry, and no hash a crafted list could flood.
import { compareTags } from './bytes';
import { openDetails } from './details';
import type { OpenedList } from './model';
import { argonTagger, DETAIL_KEY_BYTES, TAG_BYTES, type HandleTag, type Tagger, type TagParams } from './tags';
import type { NormalHandle, WarnMatch } from './types';

/** Positions [first, end) of the entries with this tag in sorted tags. */
export function findTag(tags: Uint8Array, tag: Uint8Array): [number, number] {
  const n = tags.length / TAG_BYTES;
  let low = 0;
  let high = n;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareTags(tags, mid * TAG_BYTES, tag, 0) < 0) low = mid + 1;
    else high = mid;
  }
  let end = low;
  while (end < n && compareTags(tags, end * TAG_BYTES, tag, 0) === 0) end++;
  return [low, end];
}

export class WarnIndex {
  private readonly lists = new Map<string, { tags: Uint8Array; retractions: Uint8Array }>();

  /** Adds a list, or replaces the held one with the same id (a newer version). */
  add(list: OpenedList): void {
    this.lists.set(list.id, { tags: list.tags, retractions: list.retractions });
  }

  remove(id: string): void {
    this.lists.delete(id);
  }

  has(id: string): boolean {
    return this.lists.has(id);
  }

  /** Positions of the entries with this tag in the list (none when retracted or the list is not held). */
  lookup(tag: Uint8Array, listId: string): number[] {
    const held = this.lists.get(listId);
    if (!held || tag.length !== TAG_BYTES) return [];
    const [retractedAt, retractedEnd] = findTag(held.retractions, tag);
    if (retractedEnd > retractedAt) return [];
    const [first, end] = findTag(held.tags, tag);
    const positions: number[] = [];
    for (let i = first; i < end; i++) positions.push(i);
    return positions;
  }

  /** Bytes the index holds on to (the tags; the lists' sealed details are theirs, see OpenedList). */
  memoryBytes(): number {
    let bytes = 0;
    for (const held of this.lists.values()) bytes += held.tags.byteLength + held.retractions.byteLength;
    return bytes;
  }
}

/** Tags computed while unlocked, by list salt and cost and handle: each (slow) tag only once. */
export type TagCache = Map<string, HandleTag>;

function cacheKey(handle: NormalHandle, list: OpenedList): string {
  const p = list.tagParams;
  return `${p.salt} ${p.memoryKiB} ${p.iterations} ${p.parallelism} ${handle}`;
}

/** Computes many tags at once (in order), as argonTagger would, e.g. on several cores. */
export type BatchTagger = (requests: { handle: NormalHandle; params: TagParams }[]) => Promise<HandleTag[]>;

/**
 * Puts every tag still missing for these handles and the held lists into the cache, in one
 * batch, so matchesFor then only looks up. If the batch fails the cache is left as it was, and
 * matchesFor computes the tags one by one: a lookup is never lost.
 */
export async function prefillTags(
  handles: NormalHandle[],
  lists: OpenedList[],
  index: WarnIndex,
  tagCache: TagCache,
  batchTagger: BatchTagger,
): Promise<void> {
  const missing = new Map<string, { handle: NormalHandle; params: TagParams }>();
  for (const handle of handles) {
    for (const list of lists) {
      const key = cacheKey(handle, list);
      if (index.has(list.id) && !tagCache.has(key)) missing.set(key, { handle, params: list.tagParams });
    }
  }
  if (missing.size === 0) return;
  let tags: HandleTag[];
  try {
    tags = await batchTagger([...missing.values()]);
  } catch {
    return;
  }
  if (tags.length !== missing.size) return;
  let at = 0;
  for (const key of missing.keys()) {
    const tagged = tags[at++];
    if (tagged?.tag.length === TAG_BYTES && tagged.detailKey.length === DETAIL_KEY_BYTES) tagCache.set(key, tagged);
  }
}

/** What the held lists say about one handle: its tag once per list, then the matched entries' details. Lists not in the index are skipped. */
export async function matchesFor(
  handle: NormalHandle,
  lists: OpenedList[],
  index: WarnIndex,
  tagCache?: TagCache,
  options: { tagger?: Tagger; now?: Date } = {},
): Promise<WarnMatch[]> {
  const tagger = options.tagger ?? argonTagger;
  const today = (options.now ?? new Date()).toISOString().slice(0, 10);
  const held = lists.filter((list) => index.has(list.id));
  // Each list's tag once (lists sharing salt and cost share it), asked all at once so a tagger on workers runs them side by side.
  const pending = new Map<string, Promise<HandleTag>>();
  const tags = await Promise.all(
    held.map((list) => {
      const key = cacheKey(handle, list);
      const cached = tagCache?.get(key);
      if (cached) return cached;
      let promise = pending.get(key);
      if (!promise) {
        promise = tagger(handle, list.tagParams).then((tagged) => {
          tagCache?.set(key, tagged);
          return tagged;
        });
        pending.set(key, promise);
      }
      return promise;
    }),
  );
  const matches: WarnMatch[] = [];
  for (const [at, list] of held.entries()) {
    const tagged = tags[at]!;
    for (const position of index.lookup(tagged.tag, list.id)) {
      if (position >= list.entryCount) continue;
      const sealed = list.details.subarray(list.detailOffsets[position], list.detailOffsets[position + 1]);
      const details = openDetails(sealed, tagged.detailKey, list.detailNonceSeed, position);
      if (!details) continue;
      matches.push({
        listId: list.id,
        listName: list.name,
        category: details.category,
        story: details.story,
        ...(details.region ? { region: details.region } : {}),
        firstReported: details.firstReported,
        lastReported: details.lastReported,
        sources: details.sources,
        expired: details.expires !== undefined && details.expires < today,
      });
    }
  }
  return matches;
}
