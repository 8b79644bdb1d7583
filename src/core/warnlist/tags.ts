// Keyed, memory-hard tags: an entry is found by Argon2id(handle, salt = the list's secret-derived
// salt). Phone numbers are a tiny keyspace (about 10^10 per country), so a fast hash of them is
// brute-forced in minutes; each guess here costs at least TAG_FLOOR's memory and time.
import { argon2id } from '../argon2id';
import { fromBase64 } from '../vault/base64';
import type { NormalHandle } from './types';

export interface TagCost {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

/** What a list says about its tags: Argon2id's cost and the salt (base64, 16 bytes) that keys them. */
export interface TagParams extends TagCost {
  salt: string;
}

export interface HandleTag {
  /** 16 bytes: how the entry is found. */
  tag: Uint8Array;
  /** 32 bytes: opens the entry's details; from the same hash, so only the handle's holder has it. */
  detailKey: Uint8Array;
}

/** Computes a handle's tag; injectable so tests and benches can build large lists without the real cost. */
export type Tagger = (handle: NormalHandle, params: TagParams) => Promise<HandleTag>;

export const TAG_BYTES = 16;
export const DETAIL_KEY_BYTES = 32;
export const TAG_SALT_BYTES = 16;

/**
 * Parasol's floor: a list whose tags cost less is refused ('weak-tags'). 16 MiB and one pass
 * take about 25 ms here (npm run bench, part warnlist).
 */
export const TAG_FLOOR: TagCost = { memoryKiB: 16 * 1024, iterations: 1, parallelism: 1 };
/** Upper bounds, so a crafted list cannot make each lookup take seconds or exhaust memory. */
export const TAG_CEILING: TagCost = { memoryKiB: 256 * 1024, iterations: 8, parallelism: 4 };
export const DEFAULT_TAG_COST: TagCost = TAG_FLOOR;

export function tagCostAllowed(cost: TagCost): 'ok' | 'weak' | 'too-costly' {
  if (cost.memoryKiB < TAG_FLOOR.memoryKiB || cost.iterations < TAG_FLOOR.iterations || cost.parallelism < 1) return 'weak';
  if (cost.memoryKiB > TAG_CEILING.memoryKiB || cost.iterations > TAG_CEILING.iterations || cost.parallelism > TAG_CEILING.parallelism) {
    return 'too-costly';
  }
  return 'ok';
}

/** Parasol's own tagger: Argon2id with the list's cost, 48 bytes = tag then detail key. */
export const argonTagger: Tagger = async (handle, params) => {
  const salt = fromBase64(params.salt);
  if (!salt || salt.length !== TAG_SALT_BYTES) throw new RangeError('warnlist: bad tag salt');
  if (tagCostAllowed(params) !== 'ok') throw new RangeError('warnlist: tag cost out of bounds');
  const out = await argon2id({
    password: new TextEncoder().encode(handle),
    salt,
    memoryKiB: params.memoryKiB,
    iterations: params.iterations,
    parallelism: params.parallelism,
    length: TAG_BYTES + DETAIL_KEY_BYTES,
  });
  return { tag: out.slice(0, TAG_BYTES), detailKey: out.slice(TAG_BYTES) };
};

/** A handle's tag and detail key for one list. */
export function tagOf(
  handle: NormalHandle,
  list: { tagParams: TagParams },
  tagger: Tagger = argonTagger,
): Promise<HandleTag> {
  return tagger(handle, list.tagParams);
}
