import { open } from 'node:fs/promises';
import type { CountryCode } from 'libphonenumber-js';
import type { Finding } from '../core/findings';
import { MAX_DRAFT_CHARS, scanDraft } from '../core/text/scan-draft';
import { reasonText } from './reasons';

export interface ScanResult {
  file: string;
  findings: (Finding & { reasonText: string })[];
  /** The file is longer than a draft Parasol reads at once: only its first MAX_DRAFT_CHARS were checked. */
  cut?: boolean;
  error?: string;
}

/** Bytes read from one file at most: a draft is far smaller, and a huge file must not stall us. */
const MAX_FILE_BYTES = MAX_DRAFT_CHARS * 4;

/** Scans one file as a draft ad. Never throws: a file that cannot be read gets an `error`. */
export async function scanFile(file: string, country?: CountryCode): Promise<ScanResult> {
  let text: string;
  try {
    text = await readStart(file);
  } catch (error) {
    return { file, findings: [], error: describeError(error) };
  }
  const findings = scanDraft(text, { country }).map((finding) => ({
    ...finding,
    reasonText: reasonText(finding.reason),
  }));
  return text.length > MAX_DRAFT_CHARS ? { file, findings, cut: true } : { file, findings };
}

async function readStart(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
    const buffer = Buffer.alloc(Math.min(info.size, MAX_FILE_BYTES));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'No such file.';
  if (code === 'EACCES' || code === 'EPERM') return 'Not allowed to read this file.';
  if (code === 'EISDIR') return 'This is a folder, not a file.';
  return `Could not read this file: ${(error as Error)?.message ?? String(error)}`;
}
