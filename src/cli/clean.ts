import { randomBytes } from 'node:crypto';
import { readFile, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { cleanPhoto, type RemovedPart } from '../core/image/clean-photo';
import { MAX_PHOTO_BYTES, type ImageFormat } from '../core/image/photo-report';
import { reasonText } from './reasons';

export interface CleanFileResult {
  file: string;
  out: string;
  format?: ImageFormat;
  /** The picture's bytes are untouched (always so when written: the CLI never re-encodes). */
  lossless?: boolean;
  removed?: RemovedPart[];
  /** Plain words: why nothing was written. */
  error?: string;
}

/**
 * `parasol clean IN OUT`: writes IN without its hidden data to OUT. OUT appears whole or not at
 * all (written beside it under another name, then renamed), and IN is never overwritten.
 */
export async function cleanFile(file: string, out: string): Promise<CleanFileResult> {
  const base = { file, out };
  try {
    if (await sameFile(file, out)) return { ...base, error: 'OUT is the same file as IN. Parasol never overwrites the original: give another name.' };
    const info = await stat(file);
    if (info.isDirectory()) return { ...base, error: 'This is a folder, not a file.' };
    if (info.size > MAX_PHOTO_BYTES) return { ...base, error: reasonText('photoProblem_too_large') };
    const result = cleanPhoto(new Uint8Array(await readFile(file)));
    if (!result.ok) {
      const why = result.reason === 'needs-reencode'
        ? `${reasonText('cleanNeedsReencode')} The parasol command does not re-save pictures: use the extension, or save it again in a photo editor.`
        : reasonText(`photoProblem_${result.reason.replaceAll('-', '_')}`);
      return { ...base, format: result.format, error: why };
    }
    await writeAtomically(out, result.bytes);
    return { ...base, format: result.format, lossless: result.lossless, removed: result.removed };
  } catch (error) {
    return { ...base, error: describeError(error) };
  }
}

/** One line of plain words for a person reading the terminal. */
export function describeClean(result: CleanFileResult): string {
  if (result.error) return `${result.file}: not cleaned. ${result.error}`;
  const what = result.removed?.length
    ? `${reasonText('cleanLossless')} ${reasonText('cleanRemovedList').replace('$LIST$', result.removed.map((part) => reasonText(`cleanRemoved_${part}`)).join('; '))}`
    : reasonText('cleanNothing');
  return `${result.file} -> ${result.out}: ${what}`;
}

async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    if ((await realpath(a)) === (await realpath(b))) return true;
    const [x, y] = await Promise.all([stat(a), stat(b)]);
    return x.dev === y.dev && x.ino === y.ino; // hard links
  } catch {
    return false; // OUT does not exist yet
  }
}

async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.parasol-${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, bytes, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => {});
    throw error;
  }
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'No such file or folder.';
  if (code === 'EACCES' || code === 'EPERM') return 'Not allowed to read or write there.';
  if (code === 'EISDIR') return 'OUT is a folder: give a file name.';
  return `Could not clean: ${(error as Error)?.message ?? String(error)}`;
}

export const CLEAN_USAGE = `       parasol clean [--json] IN OUT
         writes photo IN to OUT without its hidden data (place, date, camera serial number,
         names, hidden previews); the picture itself is not changed. IN is never overwritten.`;

/** `parasol clean IN OUT`; resolves to the exit status: 0 written, 1 not cleaned, 2 bad usage. */
export async function runClean(args: string[], json: boolean, out: (line: string) => void, err: (line: string) => void): Promise<number> {
  if (args.length !== 2) {
    err(`parasol clean takes two files: the photo and where to write the cleaned copy.\n\nUsage: ${CLEAN_USAGE.trimStart()}`);
    return 2;
  }
  const result = await cleanFile(args[0]!, args[1]!);
  if (json) out(JSON.stringify(result));
  else (result.error ? err : out)(describeClean(result));
  return result.error ? 1 : 0;
}
