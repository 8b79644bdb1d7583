/**
 * Warning lists: the shapes shared by the list format (this folder), the command line and the
 * extension. A list is a publisher's signed, encrypted file of reports about dangerous clients;
 * see docs/warnlist-format.md for the bytes.
 */

/** What happened, as peers report it. Never a "good client" list. */
export const WARN_CATEGORIES = [
  'violence',
  'sexual-assault',
  'robbery',
  'non-payment',
  'condom',
  'boundaries',
  'harassment',
  'police',
  'no-show',
] as const;
export type WarnCategory = (typeof WARN_CATEGORIES)[number];

/**
 * A handle in its one normal form, as tags are computed from it:
 * `tel:+12125550147` (E.164), `email:jay.b@example.com` (lower case), `user:<site>:<name>`
 * (`user:instagram:mike_nyc88`; `user:any:<name>` when the site is unknown).
 */
export type NormalHandle = string;

/** One report as its publisher writes it (the CLI's CSV row, the extension's report form). */
export interface WarnReport {
  /** Normal handles the client used; none for an alert (a car, an area), readable by every holder. */
  handles: NormalHandle[];
  category: WarnCategory;
  /** What happened, in the reporter's words. */
  story: string;
  /** Where: a city or area, free text. */
  region?: string;
  /** When it happened or was reported: YYYY-MM-DD. */
  date: string;
  /** Distinct people who reported it (merging lists adds them up); 1 when unknown. */
  sources?: number;
  /** After this date (YYYY-MM-DD) the entry is old news and shown as such. */
  expires?: string;
}

/** What a held list says about one handle, once it was looked up (details opened with the handle). */
export interface WarnMatch {
  listId: string;
  listName: string;
  category: WarnCategory;
  story: string;
  region?: string;
  /** First and last report dates (YYYY-MM-DD). */
  firstReported: string;
  lastReported: string;
  sources: number;
  /** The entry's own expiry has passed: shown, but as old. */
  expired: boolean;
}

/** A list as the person holds it, for the options page: never its entries. */
export interface WarnListSummary {
  id: string;
  name: string;
  version: number;
  issued: string;
  expires: string;
  /** The publisher key's fingerprint as words people can read out and compare. */
  fingerprint: string[];
  entries: number;
  alerts: number;
  /** The list itself is past its expiry date. */
  expired: boolean;
  /** The person's own list of reports (signed with their own key). */
  own: boolean;
}

/**
 * Why a list was refused, each with its own plain-words message in the extension and the CLI.
 * `too-large`: over the size limit (refused before reading); `not-a-list`: not a Parasol list at
 * all; `unknown-format`: a format version this Parasol does not know; `damaged`: changed or cut
 * (any flipped bit lands here or in `wrong-secret`); `wrong-secret`: the code or passphrase does
 * not open it; `bad-signature`: opened, but not signed by the key inside it; `publisher-changed`:
 * signed by another key than the one pinned for this list; `older-version`: a version older than
 * the one held (no rollback); `expired`: the whole list is past its expiry date; `weak-tags`: its
 * tag cost is under Parasol's floor.
 */
export type WarnListError =
  | 'too-large'
  | 'not-a-list'
  | 'unknown-format'
  | 'damaged'
  | 'wrong-secret'
  | 'bad-signature'
  | 'publisher-changed'
  | 'older-version'
  | 'expired'
  | 'weak-tags';
