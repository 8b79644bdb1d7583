// The signed body: what the publisher's Ed25519 signature covers, byte for byte.
//
//   "PSLB" | u8 body version (1) | publisher key (32) | u32 header length | header JSON (UTF-8)
//   | u32 entry count n | u32 retraction count r | n tags (16 bytes, ascending)
//   | r retraction tags (16 bytes, ascending) | n varints: each entry's details in 16-byte blocks
//   | the details, one after another
//
// The signature is Ed25519 over "parasol warnlist v1\0" followed by SHA-512 of those bytes
// (hash-wasm: a 60 MB body hashes in about 0.1 s; tweetnacl's own SHA-512 is several times slower).
import { createSHA512 } from 'hash-wasm';
import nacl from 'tweetnacl';
import * as v from 'valibot';
import { ByteReader, ByteWriter, compareTags } from './bytes';
import { DETAIL_BLOCK, DETAIL_NONCE_SEED_BYTES, dayNumber } from './details';
import type { OpenedList, WarnAlert } from './model';
import { TAG_BYTES } from './tags';
import { fromBase64, toBase64 } from '../vault/base64';
import { WARN_CATEGORIES } from './types';

export const BODY_MAGIC = [0x50, 0x53, 0x4c, 0x42]; // "PSLB"
export const BODY_VERSION = 1;
const SIGNATURE_CONTEXT = new TextEncoder().encode('parasol warnlist v1\0');
/** A header is names, dates and alerts: 8 MiB holds thousands of alerts and stops a crafted one. */
const MAX_HEADER_BYTES = 8 * 1024 * 1024;
/** One handle has at most one entry per category (builds merge the rest). */
export const MAX_ENTRIES_PER_TAG = WARN_CATEGORIES.length;

const isDate = (text: string) => dayNumber(text) !== undefined;
const isTime = (text: string) => isDate(text) || (/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(text) && !Number.isNaN(Date.parse(text)));
const Day = v.pipe(v.string(), v.check(isDate));
const Time = v.pipe(v.string(), v.maxLength(40), v.check(isTime));
const Count = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(max));

const AlertSchema = v.strictObject({
  category: v.picklist(WARN_CATEGORIES),
  story: v.pipe(v.string(), v.maxLength(20_000)),
  region: v.optional(v.pipe(v.string(), v.maxLength(500))),
  date: Day,
  sources: Count(1_000_000_000),
  expires: v.optional(Day),
});

export const HeaderSchema = v.strictObject({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  name: v.pipe(v.string(), v.maxLength(500)),
  version: Count(Number.MAX_SAFE_INTEGER),
  issued: Time,
  expires: Time,
  tagParams: v.strictObject({
    memoryKiB: v.pipe(v.number(), v.integer(), v.minValue(8)),
    iterations: v.pipe(v.number(), v.integer(), v.minValue(1)),
    parallelism: v.pipe(v.number(), v.integer(), v.minValue(1)),
    salt: v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]{22}==$/)),
  }),
  detailNonceSeed: v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]{22}==$/)),
  alerts: v.pipe(v.array(AlertSchema), v.maxLength(100_000)),
});
export type ListHeader = v.InferOutput<typeof HeaderSchema>;

export interface BodyParts {
  publicKey: Uint8Array;
  header: ListHeader;
  /** n × 16 bytes, ascending. */
  tags: Uint8Array;
  retractions: Uint8Array;
  /** Each entry's sealed details (length a multiple of DETAIL_BLOCK). */
  details: Uint8Array[];
}

export function writeBody(parts: BodyParts): Uint8Array {
  const header = new TextEncoder().encode(JSON.stringify(parts.header));
  const n = parts.details.length;
  let detailBytes = 0;
  for (const d of parts.details) detailBytes += d.length;
  const w = new ByteWriter(64 + header.length + parts.tags.length + parts.retractions.length + n * 2 + detailBytes);
  for (const byte of BODY_MAGIC) w.u8(byte);
  w.u8(BODY_VERSION);
  w.bytes(parts.publicKey);
  w.u32(header.length);
  w.bytes(header);
  w.u32(n);
  w.u32(parts.retractions.length / TAG_BYTES);
  w.bytes(parts.tags);
  w.bytes(parts.retractions);
  for (const d of parts.details) w.varint(d.length / DETAIL_BLOCK);
  for (const d of parts.details) w.bytes(d);
  return w.result();
}

async function signedDigest(body: Uint8Array): Promise<Uint8Array> {
  const sha = await createSHA512();
  sha.init();
  sha.update(body);
  const digest = sha.digest('binary');
  const message = new Uint8Array(SIGNATURE_CONTEXT.length + digest.length);
  message.set(SIGNATURE_CONTEXT);
  message.set(digest, SIGNATURE_CONTEXT.length);
  return message;
}

export async function signBody(body: Uint8Array, secretKey: Uint8Array): Promise<Uint8Array> {
  return nacl.sign.detached(await signedDigest(body), secretKey);
}

export type BodyError = 'damaged' | 'unknown-format' | 'bad-signature' | 'weak-tags';

/** The body's publisher key and signature check, before anything in it is parsed. */
export async function verifyBody(body: Uint8Array, signature: Uint8Array): Promise<{ ok: true; publicKey: string } | { ok: false; error: BodyError }> {
  if (body.length < 4 + 1 + 32 || BODY_MAGIC.some((byte, i) => body[i] !== byte)) return { ok: false, error: 'damaged' };
  if (body[4] !== BODY_VERSION) return { ok: false, error: 'unknown-format' };
  const publicKey = body.subarray(5, 37);
  if (!nacl.sign.detached.verify(await signedDigest(body), signature, publicKey)) return { ok: false, error: 'bad-signature' };
  return { ok: true, publicKey: toBase64(publicKey) };
}

/** A verified body's contents as an OpenedList, or why not (everything here is checked, signed or not). */
export function readBody(body: Uint8Array, publicKey: string): { ok: true; list: OpenedList } | { ok: false; error: BodyError } {
  try {
    const r = new ByteReader(body);
    r.bytes(37);
    const headerLength = r.u32();
    if (headerLength > MAX_HEADER_BYTES) return { ok: false, error: 'damaged' };
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(r.bytes(headerLength)));
    } catch {
      return { ok: false, error: 'damaged' };
    }
    const parsed = v.safeParse(HeaderSchema, json);
    if (!parsed.success) return { ok: false, error: 'damaged' };
    const header = parsed.output;
    const n = r.u32();
    const retractionCount = r.u32();
    // Each entry takes at least a tag, a varint and a block: counts the bytes cannot hold are refused before any allocation.
    if (n * (TAG_BYTES + 1 + DETAIL_BLOCK) + retractionCount * TAG_BYTES > r.left) return { ok: false, error: 'damaged' };
    const tags = r.bytes(n * TAG_BYTES).slice();
    const retractions = r.bytes(retractionCount * TAG_BYTES).slice();
    if (!ascending(tags, MAX_ENTRIES_PER_TAG) || !ascending(retractions, 1)) return { ok: false, error: 'damaged' };
    const detailOffsets = new Uint32Array(n + 1);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const blocks = r.varint();
      if (blocks === 0) return { ok: false, error: 'damaged' };
      total += blocks * DETAIL_BLOCK;
      if (total > r.left) return { ok: false, error: 'damaged' };
      detailOffsets[i + 1] = total;
    }
    if (total !== r.left) return { ok: false, error: 'damaged' };
    const details = r.bytes(total).slice();
    const seed = fromBase64(header.detailNonceSeed)!;
    if (seed.length !== DETAIL_NONCE_SEED_BYTES) return { ok: false, error: 'damaged' };
    const alerts: WarnAlert[] = header.alerts.map((alert) => ({ ...alert }));
    return {
      ok: true,
      list: {
        format: 1,
        id: header.id,
        name: header.name,
        version: header.version,
        issued: header.issued,
        expires: header.expires,
        publicKey,
        tagParams: { ...header.tagParams },
        entryCount: n,
        alerts,
        tags,
        details,
        detailOffsets,
        detailNonceSeed: seed,
        retractions,
      },
    };
  } catch {
    return { ok: false, error: 'damaged' };
  }
}

/** Tags in ascending order, no run of equal ones longer than `maxRun` (a million copies of one tag is refused here). */
function ascending(tags: Uint8Array, maxRun: number): boolean {
  let run = 1;
  for (let at = TAG_BYTES; at < tags.length; at += TAG_BYTES) {
    const order = compareTags(tags, at - TAG_BYTES, tags, at);
    if (order > 0) return false;
    run = order === 0 ? run + 1 : 1;
    if (run > maxRun) return false;
  }
  return true;
}
