// An entry's details (category, story, region, dates, sources, expiry) in a compact binary form,
// sealed under the key that only the handle's Argon2id hash gives. XSalsa20 alone, without a
// per-entry MAC: the whole body is already authenticated (secretbox) and signed (Ed25519), and
// the 16 bytes saved per entry are what lets a 1,000,000-entry list fit in the 64 MiB file limit.
import nacl from 'tweetnacl';
import { ByteReader, ByteWriter } from './bytes';
import { WARN_CATEGORIES, type WarnCategory } from './types';

export interface EntryDetails {
  category: WarnCategory;
  story: string;
  region?: string;
  firstReported: string;
  lastReported: string;
  sources: number;
  expires?: string;
}

/** Details are padded to whole blocks so their sealed length says little about the story's. */
export const DETAIL_BLOCK = 16;
export const DETAIL_NONCE_SEED_BYTES = 16;

interface LowLevel {
  crypto_stream_xor(c: Uint8Array, cpos: number, m: Uint8Array, mpos: number, d: number, n: Uint8Array, k: Uint8Array): number;
}
const lowlevel = (nacl as unknown as { lowlevel: LowLevel }).lowlevel;

const DAY_MS = 86_400_000;
const encoder = new TextEncoder();
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Lists repeat the same few dates many times: each is parsed once. */
const dayCache = new Map<string, number | undefined>();

/** YYYY-MM-DD → days since 1970-01-01 (fits 16 bits until 2149), or undefined. */
export function dayNumber(date: string): number | undefined {
  if (dayCache.has(date)) return dayCache.get(date);
  if (dayCache.size > 20_000) dayCache.clear();
  const day = parseDay(date);
  dayCache.set(date, day);
  return day;
}

function parseDay(date: string): number | undefined {
  const match = DATE.exec(date);
  if (!match) return undefined;
  const ms = Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!);
  const day = ms / DAY_MS;
  if (!Number.isInteger(day) || day < 1 || day > 0xffff) return undefined;
  if (new Date(ms).toISOString().slice(0, 10) !== date) return undefined; // 2025-02-31
  return day;
}

const dateCache = new Map<number, string>();

export function dayDate(day: number): string {
  let date = dateCache.get(day);
  if (date === undefined) {
    if (dateCache.size > 20_000) dateCache.clear();
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dateCache.set(day, date);
  }
  return date;
}

/** Each entry's nonce: the list's random seed (new each build) and the entry's position. */
function entryNonce(seed: Uint8Array, position: number): Uint8Array {
  const nonce = new Uint8Array(24);
  nonce.set(seed);
  new DataView(nonce.buffer).setUint32(16, position);
  return nonce;
}

export function encodeDetails(details: EntryDetails): Uint8Array {
  const w = new ByteWriter(64 + details.story.length * 3);
  w.u8(WARN_CATEGORIES.indexOf(details.category));
  w.u16(dayNumber(details.firstReported)!);
  w.u16(dayNumber(details.lastReported)!);
  w.u16(details.expires ? dayNumber(details.expires)! : 0);
  w.varint(details.sources);
  const region = encoder.encode(details.region ?? '');
  w.varint(region.length);
  w.bytes(region);
  const story = encoder.encode(details.story);
  w.varint(story.length);
  w.bytes(story);
  const padded = new Uint8Array(Math.ceil(w.length / DETAIL_BLOCK) * DETAIL_BLOCK);
  padded.set(w.result());
  return padded;
}

export function sealDetails(plain: Uint8Array, key: Uint8Array, seed: Uint8Array, position: number): Uint8Array {
  const out = new Uint8Array(plain.length);
  lowlevel.crypto_stream_xor(out, 0, plain, 0, plain.length, entryNonce(seed, position), key);
  return out;
}

/** Undefined when the bytes do not read as details (the wrong key, which a tag match rules out). */
export function openDetails(sealed: Uint8Array, key: Uint8Array, seed: Uint8Array, position: number): EntryDetails | undefined {
  const plain = new Uint8Array(sealed.length);
  lowlevel.crypto_stream_xor(plain, 0, sealed, 0, sealed.length, entryNonce(seed, position), key);
  try {
    const r = new ByteReader(plain);
    const category = WARN_CATEGORIES[r.u8()];
    const first = r.u16();
    const last = r.u16();
    const expires = r.u16();
    const sources = r.varint();
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const region = decoder.decode(r.bytes(r.varint()));
    const story = decoder.decode(r.bytes(r.varint()));
    if (!category || first === 0 || last < first || sources < 1) return undefined;
    return {
      category,
      story,
      ...(region ? { region } : {}),
      firstReported: dayDate(first),
      lastReported: dayDate(last),
      sources,
      ...(expires ? { expires: dayDate(expires) } : {}),
    };
  } catch {
    return undefined;
  }
}
