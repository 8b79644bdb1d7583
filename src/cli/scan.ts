import { open, type FileHandle } from 'node:fs/promises';
import type { CountryCode } from 'libphonenumber-js';
import type { Finding } from '../core/findings';
import { MAX_PHOTO_BYTES, type ImageFormat, type PhotoProblem } from '../core/image/photo-report';
import { scanPhoto } from '../core/image/scan-photo';
import { sniffFormat } from '../core/image/sniff-format';
import { MAX_DRAFT_CHARS, scanDraft } from '../core/text/scan-draft';
import { reasonText } from './reasons';

export interface ScanResult {
  file: string;
  findings: (Finding & { reasonText: string })[];
  /** The file is longer than a draft Parasol reads at once: only its first MAX_DRAFT_CHARS were checked. */
  cut?: boolean;
  error?: string;
  /** For a photo (told by its bytes, never its name): its format and size, and why it could not be read in full. */
  photo?: { format: ImageFormat; width?: number; height?: number; problems: PhotoProblem[]; problemTexts: string[] };
}

/** Bytes read from one file at most: a draft is far smaller, and a huge file must not stall us. */
const MAX_FILE_BYTES = MAX_DRAFT_CHARS * 4;
/** Enough of a file's start to tell a photo by its bytes. */
const SNIFF_BYTES = 64;

/** Scans one file as a photo or a draft ad. Never throws: a file that cannot be read gets an `error`. */
export async function scanFile(file: string, country?: CountryCode): Promise<ScanResult> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(file, 'r');
    const info = await handle.stat();
    if (info.isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
    const start = await readBytes(handle, Math.min(info.size, SNIFF_BYTES));
    if (sniffFormat(start) !== 'unknown') return await scanPhotoFile(file, handle, info.size);
    const text = Buffer.from(await readBytes(handle, Math.min(info.size, MAX_FILE_BYTES))).toString('utf8');
    return scanText(file, text, country);
  } catch (error) {
    return { file, findings: [], error: describeError(error) };
  } finally {
    await handle?.close();
  }
}

function scanText(file: string, text: string, country?: CountryCode): ScanResult {
  const findings = scanDraft(text, { country }).map((finding) => ({ ...finding, reasonText: reasonText(finding.reason) }));
  return text.length > MAX_DRAFT_CHARS ? { file, findings, cut: true } : { file, findings };
}

async function scanPhotoFile(file: string, handle: FileHandle, size: number): Promise<ScanResult> {
  // A file over the limit is not read whole: its first bytes are enough for scanPhoto to say so.
  const bytes = await readBytes(handle, size > MAX_PHOTO_BYTES ? SNIFF_BYTES : size);
  const report = size > MAX_PHOTO_BYTES ? { ...(await scanPhoto(bytes)), problems: ['too-large' as const], findings: [] } : await scanPhoto(bytes);
  const findings: Finding[] = [...report.findings];
  // Faces: the face finder (Human, WASM) is loaded only when a photo is scanned.
  if (size <= MAX_PHOTO_BYTES) findings.push(...(await (await import('./photo-faces')).facesInPhoto(bytes)));
  const { format, width, height, problems } = report;
  return {
    file,
    findings: findings.map((finding) => ({ ...finding, reasonText: photoReasonText(finding) })),
    photo: { format, width, height, problems, problemTexts: problems.map(problemText) },
    // Nothing was checked in a file too large or unreadable: that is an error, as for a text file.
    ...(problems.includes('too-large') || problems.includes('unreadable') ? { error: problems.map(problemText).join(' ') } : {}),
  };
}

function problemText(problem: PhotoProblem): string {
  return reasonText(`photoProblem_${problem.replace(/-/g, '_')}`);
}

/** The location's reason names the place when the gazetteer knows it, as the popup does. */
function photoReasonText(finding: Finding): string {
  if (finding.kind === 'location' && finding.city && finding.country) {
    return reasonText('photoLocationNear').replace(/\$CITY\$/g, finding.city).replace(/\$COUNTRY\$/g, finding.country);
  }
  return reasonText(finding.reason);
}

async function readBytes(handle: FileHandle, length: number): Promise<Uint8Array> {
  const buffer = new Uint8Array(length);
  const { bytesRead } = await handle.read(buffer, 0, length, 0);
  return buffer.subarray(0, bytesRead);
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'No such file.';
  if (code === 'EACCES' || code === 'EPERM') return 'Not allowed to read this file.';
  if (code === 'EISDIR') return 'This is a folder, not a file.';
  return `Could not read this file: ${(error as Error)?.message ?? String(error)}`;
}
