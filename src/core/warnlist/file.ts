// The file as it travels: four lines of text, everything but the first two sealed.
//
//   PARASOL-WARNING-LIST 1
//   argon2id <memory KiB> <passes> <lanes> <salt: 24 bytes> <key check: 12 bytes>
//   <nonce: 24 bytes>
//   <secretbox of: u32 body length | signed body | Ed25519 signature (64) | zero padding>
//
// Base64 everywhere, without "=" padding (every length is a multiple of 3), so each byte of the
// file has exactly one meaning and any changed bit is noticed. The armored form wraps the file's
// text for messengers, which rewrap lines, add quotes and change line ends.
import nacl from 'tweetnacl';
import { argon2id } from '../argon2id';
import { decodeBase64, encodeBase64, equalBytes } from './bytes';
import { canonicalSecret } from './secret';
import type { TagCost } from './tags';
import type { WarnListError } from './types';
import { KDF_LIMITS } from '../vault/kdf';

export const FORMAT_VERSION = 1;
export const FILE_MAGIC = 'PARASOL-WARNING-LIST';
/** Refused by length before anything is read: 1,000,000 short entries fit (see docs/warnlist-format.md). */
export const MAX_LIST_TEXT = 64 * 1024 * 1024;
/** What was pasted or opened may hold a list's text with line breaks, quotes and chatter around it. */
export const MAX_PASTED_TEXT = Math.floor(MAX_LIST_TEXT * 1.4);
export const ARMOR_BEGIN = '-----BEGIN PARASOL LIST-----';
export const ARMOR_END = '-----END PARASOL LIST-----';
const FILE_SALT_BYTES = 24;
const KEY_CHECK_BYTES = 12;
/** Bodies are padded to a multiple of 2 KiB, or of 1/32 of their size when larger: the size says little of the count. */
const MIN_PAD = 2048;

export interface Envelope {
  cost: TagCost;
  salt: Uint8Array;
  check: Uint8Array;
  nonce: Uint8Array;
  box: Uint8Array;
}

export type ReadResult = { ok: true; fileText: string } | { ok: false; error: WarnListError };

/** The key that opens the file, from the secret with Argon2id. */
export async function fileKey(secret: string, cost: TagCost, salt: Uint8Array): Promise<Uint8Array> {
  return argon2id({
    password: new TextEncoder().encode(canonicalSecret(secret).text),
    salt,
    memoryKiB: cost.memoryKiB,
    iterations: cost.iterations,
    parallelism: cost.parallelism,
    length: nacl.secretbox.keyLength,
  }, { wipe: true });
}

/** 12 bytes that tell a wrong secret from a damaged file (a guesser learns nothing the box would not tell). */
function keyCheck(key: Uint8Array): Uint8Array {
  const input = new Uint8Array(32 + 22);
  input.set(new TextEncoder().encode('parasol warnlist check'));
  input.set(key, 22);
  return nacl.hash(input).slice(0, KEY_CHECK_BYTES);
}

export function paddedLength(length: number): number {
  const granule = Math.max(MIN_PAD, 2 ** Math.max(0, Math.floor(Math.log2(length)) - 5));
  let padded = Math.ceil(length / granule) * granule;
  while ((padded + nacl.secretbox.overheadLength) % 3 !== 0) padded++;
  return padded;
}

export async function sealFile(signedBody: Uint8Array, signature: Uint8Array, secret: string, cost: TagCost): Promise<string> {
  const plainLength = 4 + signedBody.length + signature.length;
  const plain = new Uint8Array(paddedLength(plainLength));
  new DataView(plain.buffer).setUint32(0, signedBody.length);
  plain.set(signedBody, 4);
  plain.set(signature, 4 + signedBody.length);
  const salt = nacl.randomBytes(FILE_SALT_BYTES);
  const key = await fileKey(secret, cost, salt);
  const nonce = nacl.randomBytes(nacl.secretbox.nonceLength);
  const box = nacl.secretbox(plain, nonce, key);
  const kdf = `argon2id ${cost.memoryKiB} ${cost.iterations} ${cost.parallelism} ${encodeBase64(salt)} ${encodeBase64(keyCheck(key))}`;
  key.fill(0);
  return `${FILE_MAGIC} ${FORMAT_VERSION}\n${kdf}\n${encodeBase64(nonce)}\n${encodeBase64(box)}\n`;
}

const KDF_LINE = /^argon2id ([1-9]\d{0,6}) ([1-9]\d?) ([1-9]) ([A-Za-z0-9+/]{32}) ([A-Za-z0-9+/]{16})$/;

/** The file's lines, strictly: one form only, or the reason it is not a list. */
export function parseEnvelope(text: string): { ok: true; envelope: Envelope } | { ok: false; error: WarnListError } {
  const first = text.indexOf('\n');
  const second = first < 0 ? -1 : text.indexOf('\n', first + 1);
  const third = second < 0 ? -1 : text.indexOf('\n', second + 1);
  const magicLine = first < 0 ? text.slice(0, 40) : text.slice(0, first);
  const version = /^PARASOL-WARNING-LIST ([1-9]\d{0,5})$/.exec(magicLine);
  if (!version) return { ok: false, error: magicLine.startsWith(FILE_MAGIC) ? 'damaged' : 'not-a-list' };
  if (Number(version[1]) !== FORMAT_VERSION) return { ok: false, error: 'unknown-format' };
  if (third < 0) return { ok: false, error: 'damaged' };
  const kdf = KDF_LINE.exec(text.slice(first + 1, second));
  if (!kdf) return { ok: false, error: 'damaged' };
  const cost = { memoryKiB: Number(kdf[1]), iterations: Number(kdf[2]), parallelism: Number(kdf[3]) };
  if (
    cost.memoryKiB < KDF_LIMITS.memoryKiB.min ||
    cost.memoryKiB > KDF_LIMITS.memoryKiB.max ||
    cost.iterations > KDF_LIMITS.iterations.max ||
    cost.parallelism > KDF_LIMITS.parallelism.max
  ) {
    return { ok: false, error: 'damaged' };
  }
  const nonce = decodeBase64(text, second + 1, third);
  const end = text.endsWith('\n') ? text.length - 1 : text.length;
  const box = end > third ? decodeBase64(text, third + 1, end) : null;
  if (!nonce || nonce.length !== nacl.secretbox.nonceLength || !box || box.length < nacl.secretbox.overheadLength + 4 + 64) {
    return { ok: false, error: 'damaged' };
  }
  return { ok: true, envelope: { cost, salt: decodeBase64(kdf[4]!)!, check: decodeBase64(kdf[5]!)!, nonce, box } };
}

/** The signed body and its signature, or why the box does not open. */
export async function openEnvelope(
  envelope: Envelope,
  secret: string,
): Promise<{ ok: true; body: Uint8Array; signature: Uint8Array } | { ok: false; error: WarnListError }> {
  const key = await fileKey(secret, envelope.cost, envelope.salt);
  try {
    if (!equalBytes(keyCheck(key), envelope.check)) return { ok: false, error: 'wrong-secret' };
    const plain = nacl.secretbox.open(envelope.box, envelope.nonce, key);
    if (!plain) return { ok: false, error: 'damaged' };
    const length = new DataView(plain.buffer, plain.byteOffset).getUint32(0);
    if (4 + length + 64 > plain.length) return { ok: false, error: 'damaged' };
    const body = plain.subarray(4, 4 + length);
    const signature = plain.slice(4 + length, 4 + length + 64);
    return { ok: true, body, signature };
  } finally {
    key.fill(0);
  }
}

/** The armored block's bytes start so: "PSLA", then the format version. */
const ARMOR_MAGIC = [0x50, 0x53, 0x4c, 0x41];

/**
 * The file in a block a messenger carries intact: its fields as bytes (not its text, which is
 * base64 already), in base64, 64 characters a line, between BEGIN and END lines. About the
 * file's own size: a person's few reports fit in one message.
 *
 *   "PSLA" | u8 format | u32 memory KiB | u8 passes | u8 lanes | salt 24 | check 12 | nonce 24 | box
 */
export function armorList(fileText: string): string {
  const parsed = parseEnvelope(fileText);
  if (!parsed.ok) throw new RangeError(`warnlist: cannot armor this text (${parsed.error})`);
  const { cost, salt, check, nonce, box } = parsed.envelope;
  const bytes = new Uint8Array(4 + 1 + 4 + 1 + 1 + salt.length + check.length + nonce.length + box.length);
  bytes.set(ARMOR_MAGIC);
  bytes[4] = FORMAT_VERSION;
  new DataView(bytes.buffer).setUint32(5, cost.memoryKiB);
  bytes[9] = cost.iterations;
  bytes[10] = cost.parallelism;
  let at = 11;
  for (const part of [salt, check, nonce, box]) {
    bytes.set(part, at);
    at += part.length;
  }
  const padded = new Uint8Array(Math.ceil(bytes.length / 3) * 3);
  padded.set(bytes);
  const lines = encodeBase64(padded).match(/.{1,64}/g) ?? [];
  return `${ARMOR_BEGIN}\n${lines.join('\n')}\n${ARMOR_END}\n`;
}

/** An armored block's bytes back to the file's text (extra zero bytes from base64 padding are cut). */
function unarmor(bytes: Uint8Array): ReadResult {
  const fixed = 11 + FILE_SALT_BYTES + KEY_CHECK_BYTES + nacl.secretbox.nonceLength;
  if (bytes.length < fixed + 3 || ARMOR_MAGIC.some((byte, i) => bytes[i] !== byte)) return { ok: false, error: 'damaged' };
  if (bytes[4] !== FORMAT_VERSION) return { ok: false, error: 'unknown-format' };
  const memoryKiB = new DataView(bytes.buffer, bytes.byteOffset).getUint32(5);
  let box = bytes.subarray(fixed);
  // The box is a multiple of 3 bytes long: what is over it is the zero padding armoring added.
  const extra = (bytes.length - fixed) % 3;
  if (box.subarray(box.length - extra).some((byte) => byte !== 0)) return { ok: false, error: 'damaged' };
  box = box.subarray(0, box.length - extra);
  const salt = bytes.subarray(11, 11 + FILE_SALT_BYTES);
  const check = bytes.subarray(11 + FILE_SALT_BYTES, 11 + FILE_SALT_BYTES + KEY_CHECK_BYTES);
  const nonce = bytes.subarray(11 + FILE_SALT_BYTES + KEY_CHECK_BYTES, fixed);
  const fileText =
    `${FILE_MAGIC} ${FORMAT_VERSION}\n` +
    `argon2id ${memoryKiB} ${bytes[9]} ${bytes[10]} ${encodeBase64(salt)} ${encodeBase64(check)}\n` +
    `${encodeBase64(nonce)}\n${encodeBase64(box)}\n`;
  return { ok: true, fileText };
}

/**
 * A list's file text out of whatever was pasted or opened: the file itself (with text around
 * it, CRLF line ends) or an armored block with messenger noise ("> " quotes, spaces, rewrapped
 * lines, text before and after).
 */
export function readListText(text: string): ReadResult {
  if (typeof text !== 'string') return { ok: false, error: 'not-a-list' };
  if (text.length > MAX_PASTED_TEXT) return { ok: false, error: 'too-large' };
  const begin = text.indexOf(ARMOR_BEGIN);
  if (begin >= 0) {
    const end = text.indexOf(ARMOR_END, begin);
    if (end < 0) return { ok: false, error: 'damaged' };
    // Quotes, spaces, line ends and zero-width characters go; what is left must be base64.
    const inner = text.slice(begin + ARMOR_BEGIN.length, end).replace(/[\s>\u200b-\u200d\u2060\ufeff]+/g, '');
    const bytes = decodeBase64(inner);
    if (!bytes) return { ok: false, error: 'damaged' };
    return unarmor(bytes);
  }
  const start = text.indexOf(`${FILE_MAGIC} `);
  if (start < 0) return { ok: false, error: 'not-a-list' };
  const lines = text.slice(start).replace(/\r\n?/g, '\n').split('\n', 4);
  if (lines.length < 4) return { ok: false, error: 'damaged' };
  // The last line ends at the first character base64 does not use: text after the file is left out.
  const box = /^[A-Za-z0-9+/]*/.exec(lines[3]!.trimStart())![0];
  const fileText = `${lines[0]!.trim()}\n${lines[1]!.trim()}\n${lines[2]!.trim()}\n${box}\n`;
  if (fileText.length > MAX_LIST_TEXT) return { ok: false, error: 'too-large' };
  return { ok: true, fileText };
}

/** A file's bytes as text: UTF-8 only (fatal), size first. */
export function decodeListBytes(bytes: Uint8Array): ReadResult {
  if (bytes.length > MAX_PASTED_TEXT) return { ok: false, error: 'too-large' };
  try {
    const skip = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    return { ok: true, fileText: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(skip)) };
  } catch {
    return { ok: false, error: 'not-a-list' };
  }
}
