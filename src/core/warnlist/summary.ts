import { fingerprintWords } from './keys';
import type { OpenedList } from './model';
import { listExpired } from './open';
import type { WarnListSummary } from './types';

/** A held list as the options page shows it: names, dates, counts, fingerprint; never entries. */
export function summaryOf(list: OpenedList, own = false, now: Date = new Date()): WarnListSummary {
  return {
    id: list.id,
    name: list.name,
    version: list.version,
    issued: list.issued,
    expires: list.expires,
    fingerprint: fingerprintWords(list.publicKey),
    entries: list.entryCount,
    alerts: list.alerts.length,
    expired: listExpired(list.expires, now),
    own,
  };
}
