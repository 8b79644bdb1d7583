// What the list commands share: reading a publisher key file and a list file within limits,
// writing a file whole or not at all, and the plain words for a refused list.
import { randomBytes } from 'node:crypto';
import { chmod, open, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { MAX_LIST_TEXT, decodeListBytes, fingerprintWords, openList, readListText, type OpenOptions, type OpenedList, type PublisherKey } from '../core/warnlist';
import type { WarnListError } from '../core/warnlist/types';
import { reasonText } from './reasons';

export type Print = (line: string) => void;

/** What `parasol list keygen` writes: the pair, and the words that name it, for the publisher's own records. */
export interface KeyFile extends PublisherKey {
  type: 'parasol-publisher-key';
  version: 1;
  fingerprint: string[];
  created: string;
}

/** A key file is a few hundred bytes: anything much larger is not one. */
const MAX_KEY_FILE_BYTES = 16 * 1024;

export class CliError extends Error {}

/**
 * `path` appears whole or not at all: written beside it under another name, then renamed.
 * `mode` applies from the start (a secret key is never readable by others, even for a moment).
 */
export async function writeAtomically(path: string, data: string | Uint8Array, mode = 0o644, overwrite = true): Promise<void> {
  if (!overwrite && (await exists(path))) throw new CliError(`${path} already exists; Parasol does not overwrite it. Give another name.`);
  const temporary = join(dirname(path), `.${basename(path)}.parasol-${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, data, { flag: 'wx', mode });
    await chmod(temporary, mode); // the umask may have narrowed it; never widened past `mode`
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => {});
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

export async function readKeyFile(path: string): Promise<KeyFile> {
  const info = await statOrFail(path, 'key file');
  if (info.size > MAX_KEY_FILE_BYTES) throw new CliError(`${path} is too large to be a publisher key file.`);
  let key: Partial<KeyFile>;
  try {
    key = JSON.parse(await readFile(path, 'utf8')) as Partial<KeyFile>;
  } catch {
    throw new CliError(`${path} is not a publisher key file (made by "parasol list keygen").`);
  }
  if (key?.type !== 'parasol-publisher-key' || typeof key.publicKey !== 'string' || typeof key.secretKey !== 'string') {
    throw new CliError(`${path} is not a publisher key file (made by "parasol list keygen").`);
  }
  try {
    fingerprintWords(key.publicKey);
  } catch {
    throw new CliError(`${path} holds a damaged publisher key.`);
  }
  return key as KeyFile;
}

/** Reads at most `limit` bytes: a larger file is refused by its size, before reading. */
export async function readLimited(path: string, limit: number, what: string): Promise<Uint8Array | 'too-large'> {
  const info = await statOrFail(path, what);
  if (info.size > limit) return 'too-large';
  const handle = await open(path, 'r');
  try {
    const bytes = new Uint8Array(Math.min(info.size, limit) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(bytes, length, bytes.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > limit) return 'too-large'; // grew while being read
    }
    return bytes.subarray(0, length);
  } finally {
    await handle.close();
  }
}

export async function statOrFail(path: string, what: string) {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new CliError(`${path} is a folder, not a ${what}.`);
    return info;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${path}: ${describeFsError(error)}`);
  }
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or folder.';
  if (code === 'EACCES' || code === 'EPERM') return 'not allowed to read or write there.';
  if (code === 'EISDIR') return 'this is a folder: give a file name.';
  return (error as Error)?.message ?? String(error);
}

/** The extension's own sentence for each refusal, so the CLI and the options page say the same. */
export function listErrorText(error: WarnListError): string {
  const name = `listError${error.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase())}`;
  return reasonText(name);
}

/** Fingerprints compare however they were written down: case, commas, dashes and spaces aside. */
export function sameWords(a: string[] | string, b: string[] | string): boolean {
  const flat = (words: string[] | string) => (Array.isArray(words) ? words.join(' ') : words).toLowerCase().split(/[^a-z]+/).filter(Boolean).join(' ');
  return flat(a) === flat(b);
}

/** Bad usage: exit status 2, as for every parasol command. */
export class UsageError extends CliError {}

/**
 * Runs a command body: bad usage becomes status 2, a CliError or a file system error one plain
 * sentence and status `failed`.
 */
export async function plainErrors(err: Print, prefix: string, failed: number, usage: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code;
    if (error instanceof UsageError || code?.startsWith('ERR_PARSE_ARGS')) {
      err(`${prefix}: ${(error as Error).message}\n\nUsage: ${usage.trimStart()}`);
      return 2;
    }
    if (error instanceof CliError) err(`${prefix}: ${error.message}`);
    else if (code) err(`${prefix}: ${describeFsError(error)}`);
    else err(`${prefix}: something went wrong: ${(error as Error)?.message ?? String(error)}`);
    return failed;
  }
}

/** A list file (or a text file holding its armored block) → its file text, within the format's limit. */
export async function readListFile(path: string): Promise<{ ok: true; fileText: string } | { ok: false; error: WarnListError }> {
  const bytes = await readLimited(path, Math.floor(MAX_LIST_TEXT * 1.4), 'list file');
  if (bytes === 'too-large') return { ok: false, error: 'too-large' };
  const decoded = decodeListBytes(bytes);
  return decoded.ok ? readListText(decoded.fileText) : decoded;
}

/** Opens a list file; a refusal is a CliError in the extension's plain words. */
export async function openListFile(path: string, secret: string, options: OpenOptions = {}, texts: Partial<Record<WarnListError, string>> = {}): Promise<OpenedList> {
  const read = await readListFile(path);
  if (!read.ok) throw new CliError(`${path}: ${texts[read.error] ?? listErrorText(read.error)}`);
  const opened = await openList(read.fileText, secret, options);
  if (!opened.ok) throw new CliError(`${path}: ${texts[opened.error] ?? listErrorText(opened.error)}`);
  return opened.list;
}
