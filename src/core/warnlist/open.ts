// A list's text → an OpenedList, or the one reason it is refused. Size first, then the
// envelope's shape, the secret, the box, the signature, the pinned key, then the contents.
import { readBody, verifyBody } from './body';
import { MAX_LIST_TEXT, MAX_PASTED_TEXT, FILE_MAGIC, openEnvelope, parseEnvelope, readListText } from './file';
import type { OpenedList } from './model';
import { tagCostAllowed } from './tags';
import type { WarnListError } from './types';

export interface OpenOptions {
  /** The publisher key held for this list since its first import: any other is refused. */
  pinnedKey?: string;
  /** The version held now: an older one is refused (no rollback); the same one is accepted. */
  heldVersion?: number;
  now?: Date;
  /**
   * An expired list is opened and flagged (warnings: ['expired']): its reports still warn, shown
   * as old. With this set it is refused instead ('expired'), e.g. by `parasol list verify --strict`.
   */
  refuseExpired?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export type OpenResult = { ok: true; list: OpenedList; warnings: 'expired'[] } | { ok: false; error: WarnListError };

/** Steps reported through onProgress. */
const STEPS = 5;

export async function openList(text: string, secret: string, options: OpenOptions = {}): Promise<OpenResult> {
  if (typeof text !== 'string') return { ok: false, error: 'not-a-list' };
  if (text.length > MAX_PASTED_TEXT) return { ok: false, error: 'too-large' };
  const progress = options.onProgress ?? (() => {});
  progress(0, STEPS);
  let fileText = text;
  if (!text.startsWith(`${FILE_MAGIC} `)) {
    const read = readListText(text);
    if (!read.ok) return read;
    fileText = read.fileText;
  }
  if (fileText.length > MAX_LIST_TEXT) return { ok: false, error: 'too-large' };
  const parsed = parseEnvelope(fileText);
  if (!parsed.ok) return parsed;
  progress(1, STEPS);
  const opened = await openEnvelope(parsed.envelope, secret);
  if (!opened.ok) return opened;
  progress(2, STEPS);
  const verified = await verifyBody(opened.body, opened.signature);
  if (!verified.ok) return verified;
  if (options.pinnedKey !== undefined && options.pinnedKey !== verified.publicKey) return { ok: false, error: 'publisher-changed' };
  progress(3, STEPS);
  const read = readBody(opened.body, verified.publicKey);
  if (!read.ok) return read;
  const list = read.list;
  progress(4, STEPS);
  const cost = tagCostAllowed(list.tagParams);
  if (cost === 'weak') return { ok: false, error: 'weak-tags' };
  // A cost over Parasol's ceiling would make each lookup take seconds: no honest publisher sets it.
  if (cost === 'too-costly') return { ok: false, error: 'damaged' };
  if (options.heldVersion !== undefined && list.version < options.heldVersion) return { ok: false, error: 'older-version' };
  const warnings: 'expired'[] = [];
  if (listExpired(list.expires, options.now ?? new Date())) {
    if (options.refuseExpired) return { ok: false, error: 'expired' };
    warnings.push('expired');
  }
  progress(STEPS, STEPS);
  return { ok: true, list, warnings };
}

/** A date alone (YYYY-MM-DD) lasts to the end of that day, UTC. */
export function listExpired(expires: string, now: Date): boolean {
  const end = /^\d{4}-\d{2}-\d{2}$/.test(expires) ? Date.parse(`${expires}T00:00:00Z`) + 86_400_000 : Date.parse(expires);
  return now.getTime() >= end;
}
