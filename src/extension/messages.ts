import * as v from 'valibot';
import { FINDING_KINDS, SEVERITIES, type Finding } from '../core/findings';
import { MAX_DRAFT_CHARS } from '../core/text/scan-draft';
import type { Identity } from '../core/identity/schema';
import type { ParseError } from '../core/vault/format';
import type { UnlockError } from '../core/vault/vault';
import type { NormalHandle, WarnListError, WarnListSummary, WarnMatch } from '../core/warnlist/types';
import { IMAGE_FORMATS, MAX_PHOTO_BYTES, PHOTO_PROBLEMS, type ImageFormat, type PhotoProblem } from '../core/image/photo-report';

/**
 * Every message between the content script, the background and the extension's pages is one
 * of these. The background validates each one before acting on it, whatever sent it.
 */

const FieldId = v.pipe(v.string(), v.regex(/^f\d{1,9}$/));
const TabId = v.pipe(v.number(), v.integer(), v.minValue(0));
const Label = v.pipe(v.string(), v.maxLength(200));
/** `<frameId>:<fieldId>`: a field is known by the frame it is in and its id there. */
const FieldKey = v.pipe(v.string(), v.regex(/^\d{1,12}:f\d{1,9}$/));
const Offset = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_DRAFT_CHARS));
/** A photo held by the content script of one frame, until the person chooses what the site gets. */
const PhotoId = v.pipe(v.string(), v.regex(/^p\d{1,12}$/));
/** `<frameId>:<photoId>`, a key of `TabFindings.photos`. */
const PhotoKey = v.pipe(v.string(), v.regex(/^\d{1,12}:p\d{1,12}$/));
/** "Clean and use", "Use as is", "Hide faces" (then cleaned too), or leave the photo out. */
export const PHOTO_CHOICES = ['clean', 'as-is', 'hide-faces', 'skip'] as const;
export type PhotoChoice = (typeof PHOTO_CHOICES)[number];
/** What the site is told of a photo: its name, type and size, as the file says (never trusted for the format). */
const PhotoFile = v.object({
  id: PhotoId,
  name: v.pipe(v.string(), v.maxLength(500)),
  type: v.pipe(v.string(), v.maxLength(200)),
  size: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/** Limits on what a page's content script may send to be checked against warning lists. */
export const MAX_HANDLE_TEXT_CHARS = 64 * 1024;
export const MAX_HANDLE_TEXTS = 200;
export const MAX_HANDLE_LINKS = 500;
/**
 * A list file's text, as a message can carry it (Chrome's messages stop at 64 MiB). Larger
 * files are refused by size before they are read.
 */
export const MAX_LIST_CHARS = 48 * 2 ** 20;

/** A passphrase as typed; its rules (MIN_PASSPHRASE) are checked by the background, which answers 'too-short'. */
const Passphrase = v.pipe(v.string(), v.maxLength(1024));
/** A backup file's text; larger than any vault Parasol writes (VAULT_LIMITS.fileChars) is refused before parsing. */
export const MAX_BACKUP_CHARS = 32 * 2 ** 20;

export const MessageSchema = v.variant('type', [
  /** Content script → background: the text of one draft field changed. */
  v.object({
    type: v.literal('draft/update'),
    field: v.object({ id: FieldId, label: Label }),
    text: v.pipe(v.string(), v.maxLength(MAX_DRAFT_CHARS)),
  }),
  /** Content script → background: a field left the page. */
  v.object({ type: v.literal('draft/forget'), fieldId: FieldId }),
  /** Content script (top frame) → background: a new page started; earlier findings are stale. */
  v.object({ type: v.literal('page/opened') }),
  /** Extension page → background: the findings for one tab. */
  v.object({ type: v.literal('findings/get'), tabId: TabId }),
  /** Popup → background: check this tab although its site is not on the built-in list. */
  v.object({ type: v.literal('page/check'), tabId: TabId }),
  /**
   * Popup or side panel → background: the person clicked a fix. `fieldKey` is a key of
   * `TabFindings.fields`; `expected` is the finding's text, so a draft that changed since is left alone.
   */
  v.object({
    type: v.literal('fix/apply'),
    tabId: TabId,
    fieldKey: FieldKey,
    start: Offset,
    end: Offset,
    expected: v.pipe(v.string(), v.maxLength(MAX_DRAFT_CHARS)),
    replacement: v.pipe(v.string(), v.maxLength(1000)),
  }),
  /** Popup or side panel → background: what the site gets of one held photo (`photoKey`: a key of `TabFindings.photos`). */
  v.object({ type: v.literal('photo/choose'), tabId: TabId, photoKey: PhotoKey, choice: v.picklist(PHOTO_CHOICES) }),
  /**
   * Content script → background: a file that says it is a picture (by its name or type) but is
   * not one by its bytes. It went to the site at once; the popup only says it was not checked.
   */
  v.object({ type: v.literal('photo/not-image'), photo: PhotoFile }),
  /** Content script → background: a held photo is no longer waiting (the person picked other files). */
  v.object({ type: v.literal('photo/forget'), photoId: PhotoId }),

  // The vault and identities: extension pages only (the options page and the popup).
  /** Whether a vault exists and is unlocked. */
  v.object({ type: v.literal('vault/status') }),
  /** First run: make the vault with this passphrase (refused if one exists: wipe first). */
  v.object({ type: v.literal('vault/create'), passphrase: Passphrase }),
  v.object({ type: v.literal('vault/unlock'), passphrase: Passphrase }),
  v.object({ type: v.literal('vault/lock') }),
  /** Every record is sealed again under a key from `next`. */
  v.object({ type: v.literal('vault/change-passphrase'), old: Passphrase, next: Passphrase }),
  /** Everything Parasol stores is deleted; `confirm` is the person's second click. */
  v.object({ type: v.literal('vault/wipe'), confirm: v.literal(true) }),
  /** The vault as a backup file's text (it is sealed already: the passphrase opens it). */
  v.object({ type: v.literal('vault/export') }),
  /** Replace the vault with a backup, once `passphrase` is shown to open it; nothing changes otherwise. */
  v.object({ type: v.literal('vault/import'), text: v.pipe(v.string(), v.maxLength(MAX_BACKUP_CHARS)), passphrase: Passphrase }),
  /** The identities, to edit (unlocked only). */
  v.object({ type: v.literal('identities/get') }),
  /** Save all identities at once; checked in full by the background (IdentitiesSchema). */
  v.object({ type: v.literal('identities/save'), identities: v.unknown() }),
  /** Popup: which identity the tab's site belongs to. */
  v.object({ type: v.literal('site/identity'), tabId: TabId }),

  // Warning lists (issue 6). Lists live in the vault: every answer is 'locked' while it is locked.
  /**
   * Content script → background: what on the page could be a client's handle: text (visible
   * messages, an article's text, a built-in site's known fields) and link targets (tel:, mailto:,
   * wa.me, t.me, profile links). The background finds, normalises and looks them up; the page learns nothing.
   */
  v.object({
    type: v.literal('handles/found'),
    texts: v.pipe(v.array(v.pipe(v.string(), v.maxLength(MAX_HANDLE_TEXT_CHARS))), v.maxLength(MAX_HANDLE_TEXTS)),
    links: v.pipe(v.array(v.pipe(v.string(), v.maxLength(2048))), v.maxLength(MAX_HANDLE_LINKS)),
  }),
  /** Popup: check one number, email or username typed or pasted by the person. */
  v.object({ type: v.literal('warn/check'), handle: v.pipe(v.string(), v.maxLength(500)) }),
  /**
   * Options page: import a list (file text, or an armored block pasted from a messenger) with the
   * code or passphrase that opens it. Progress goes to storage.session (`listImportProgress`).
   */
  v.object({ type: v.literal('lists/import'), text: v.pipe(v.string(), v.maxLength(MAX_LIST_CHARS)), secret: v.pipe(v.string(), v.maxLength(1000)) }),
  /** Options page: the lists held (summaries only, never entries). */
  v.object({ type: v.literal('lists/get') }),
  v.object({ type: v.literal('lists/remove'), id: v.pipe(v.string(), v.maxLength(200)) }),
  /** Report a bad client: added to the person's own list, ready to share. Checked in full by the background. */
  v.object({ type: v.literal('report/add'), report: v.unknown() }),
  /** The person's own reports, signed with their own key, as a file and as a text block, with the code that opens it. */
  v.object({ type: v.literal('report/export') }),
]);

export type Message = v.InferOutput<typeof MessageSchema>;
export type MessageType = Message['type'];
export type MessageOf<T extends MessageType> = Extract<Message, { type: T }>;

export interface FieldFindings {
  label: string;
  findings: Finding[];
  /** The field holds more than Parasol reads at once (MAX_DRAFT_CHARS): only its start was checked. */
  cut?: boolean;
}

export interface TabFindings {
  /** Parasol's content script runs in this tab (a built-in site, or checked on request). */
  watching: boolean;
  /** Origin of the page the findings belong to, so that leaving it can drop them. */
  pageOrigin?: string;
  /** Findings by field; keys are opaque. */
  fields: Record<string, FieldFindings>;
  /** Photos the page was given or is waiting for, by `<frameId>:<photoId>`. */
  photos?: Record<string, PhotoFindings>;
  /** Handles on the page that a held warning list knows (shown in the popup, counted on the badge). */
  warnings?: PageWarning[];
  /** How many distinct handles on the page were checked against the lists. */
  handlesChecked?: number;
}

/**
 * Where a photo is: `checking` (being read), `waiting` (held from the site until the person
 * chooses), `working` (being cleaned), `given` (the site has it: see `given`), `unchecked` (a
 * file named like a picture that is not one: the site got it at once).
 */
export type PhotoState = 'checking' | 'waiting' | 'working' | 'given' | 'unchecked';

/** What Parasol found in one photo a page was about to get. Never sent to the page. */
export interface PhotoFindings {
  /** The file's name as the person picked it. */
  name: string;
  size: number;
  format: ImageFormat;
  width?: number;
  height?: number;
  findings: Finding[];
  problems: PhotoProblem[];
  /** A small copy of the picture, made by the extension (a data: URL), for the popup only. */
  preview?: string;
  /** `looking` while the face finder runs; `error` when it could not run; `skipped` for a file it cannot read. */
  faces: 'looking' | 'done' | 'error' | 'skipped';
  state: PhotoState;
  /** How the site got it: the person's choice, or `nothing-found` when Parasol let it through at once. */
  given?: Exclude<PhotoChoice, 'skip'> | 'nothing-found';
  /** Cleaning had to save the picture again (no lossless way for its format). */
  reencoded?: boolean;
  /** The last choice could not be carried out. */
  error?: PhotoChoiceError;
}

/** What still needs the person: a photo's findings while the site could still get them, or 1 for a photo held with only a problem. */
export function countPhoto(photo: PhotoFindings): number {
  const exposed = photo.state === 'checking' || photo.state === 'waiting' || photo.state === 'working' || photo.given === 'as-is';
  if (!exposed) return 0;
  return photo.findings.length || (photo.state === 'waiting' ? 1 : 0);
}

/** `gone`: the page (or the photo's place in it) is gone; `failed`: the photo could not be cleaned. */
export type PhotoChoiceError = 'gone' | 'failed';
export type PhotoChoiceReply = { ok: true } | { ok: false; error: PhotoChoiceError };

export function countFindings(state: TabFindings): number {
  const inFields = Object.values(state.fields).reduce((sum, field) => sum + field.findings.length, 0);
  const inPhotos = Object.values(state.photos ?? {}).reduce((sum, photo) => sum + countPhoto(photo), 0);
  return inFields + inPhotos + (state.warnings?.length ?? 0);
}

export type CheckPageReply = { ok: true } | { ok: false; error: 'noAccess' };

/** `changed`: the draft no longer has the expected text there; `gone`: the field left the page. */
export type FixReply = { ok: true } | { ok: false; error: 'changed' | 'gone' | 'noAccess' };

/** `new`: no vault yet (first run, or after a wipe). */
export type VaultState = 'new' | 'locked' | 'unlocked';
export type UnlockReply = { ok: true } | { ok: false; error: UnlockError | 'no-vault' };
export type CreateVaultReply = { ok: true } | { ok: false; error: 'exists' | 'too-short' };
export type ChangePassphraseReply = { ok: true } | { ok: false; error: UnlockError | 'no-vault' | 'too-short' };
export type ExportReply = { ok: true; text: string; fileName: string } | { ok: false; error: 'no-vault' };
/** `too-large` and the ParseErrors: the file; `wrong-passphrase`: it did not open with the one given. */
export type ImportReply = { ok: true } | { ok: false; error: ParseError | 'too-large' | 'wrong-passphrase' };
export type IdentitiesReply = { ok: true; identities: Identity[] } | { ok: false; error: 'locked' };
export type SaveIdentitiesReply = { ok: true; identities: Identity[] } | { ok: false; error: 'locked' | 'invalid'; field?: keyof Identity };
/** What the popup shows of the site's identity: never more than its look and label. */
export interface SiteIdentity {
  label: string;
  kind: Identity['kind'];
  colour: Identity['colour'];
  icon: Identity['icon'];
}
export interface SiteIdentityReply {
  state: VaultState;
  identity?: SiteIdentity;
}

/** One handle on a page (as it was written there) that a held list knows. */
export interface PageWarning {
  /** The handle as the page wrote it, for the popup; never sent to the page. */
  written: string;
  handle: NormalHandle;
  matches: WarnMatch[];
}
export type WarnCheckReply = { ok: true; handle: NormalHandle; matches: WarnMatch[] } | { ok: false; error: 'locked' | 'not-a-handle' | 'no-lists' };
export type ListImportReply =
  | { ok: true; summary: WarnListSummary; added: number; merged: number; warnings: 'expired'[] }
  | { ok: false; error: WarnListError | 'locked' };
export type ListsReply = { ok: true; lists: WarnListSummary[] } | { ok: false; error: 'locked' };
export type ReportReply = { ok: true } | { ok: false; error: 'locked' | 'invalid'; detail?: string };
export type ReportExportReply = { ok: true; text: string; armored: string; secret: string; fileName: string } | { ok: false; error: 'locked' | 'nothing' };
/** Import progress, in storage.session under `listImportProgress`, for the options page. */
export interface ListImportProgress {
  stage: 'reading' | 'opening' | 'indexing' | 'saving' | 'done';
  done: number;
  total: number;
}

export interface Replies {
  'draft/update': { count: number };
  'draft/forget': { count: number };
  'page/opened': null;
  'findings/get': TabFindings;
  'page/check': CheckPageReply;
  'fix/apply': FixReply;
  'photo/choose': PhotoChoiceReply;
  'photo/not-image': null;
  'photo/forget': { count: number };
  'vault/status': { state: VaultState };
  'vault/create': CreateVaultReply;
  'vault/unlock': UnlockReply;
  'vault/lock': null;
  'vault/change-passphrase': ChangePassphraseReply;
  'vault/wipe': null;
  'vault/export': ExportReply;
  'vault/import': ImportReply;
  'identities/get': IdentitiesReply;
  'identities/save': SaveIdentitiesReply;
  'site/identity': SiteIdentityReply;
  'handles/found': { count: number };
  'warn/check': WarnCheckReply;
  'lists/import': ListImportReply;
  'lists/get': ListsReply;
  'lists/remove': ListsReply;
  'report/add': ReportReply;
  'report/export': ReportExportReply;
}

export type ReplyOf<T extends MessageType> = Replies[T];

/** Where a message came from, as the browser tells it (never as the message claims). */
export interface Origin {
  /** Set for messages from content scripts: the tab and frame they run in. */
  tabId?: number;
  frameId?: number;
  /** The sending page's address (content scripts only). */
  url?: string;
  /** True for the extension's own pages (popup, options). */
  fromExtensionPage: boolean;
}

export function fieldKeyOf(frameId: number, fieldId: string): string {
  return `${frameId}:${fieldId}`;
}

/**
 * Background → content script, sent to the one frame the field is in. The content script
 * validates these as the background validates its own, and answers `fix/perform` with a FixReply.
 */
export const ContentMessageSchema = v.variant('type', [
  /** Apply a fix the person clicked: replace [start, end) of the field's text, if it still reads `expected`. */
  v.object({
    type: v.literal('fix/perform'),
    fieldId: FieldId,
    start: Offset,
    end: Offset,
    expected: v.pipe(v.string(), v.maxLength(MAX_DRAFT_CHARS)),
    replacement: v.pipe(v.string(), v.maxLength(1000)),
  }),
  /**
   * In-page hints (an option per site, off by default): what to mark beside one field. Only
   * kinds, severities and spans of the field's own text, which the content script already has.
   */
  v.object({
    type: v.literal('hints/show'),
    fieldId: FieldId,
    hints: v.pipe(
      v.array(v.object({ kind: v.picklist(FINDING_KINDS), severity: v.picklist(SEVERITIES), start: Offset, end: Offset })),
      v.maxLength(500),
    ),
  }),
  /** The person chose what the site gets of a held photo; answered with a PhotoChoiceReply once it is done. */
  v.object({ type: v.literal('photo/use'), photoId: PhotoId, choice: v.picklist(PHOTO_CHOICES) }),
  /** The vault locked or unlocked, or the identities changed: send every draft again to be checked anew. */
  v.object({ type: v.literal('drafts/resend') }),
]);
export type ContentMessage = v.InferOutput<typeof ContentMessageSchema>;

/**
 * A photo's bytes travel between the content script and the background over a port named
 * PHOTO_PORT, in base64 chunks (Chrome's messaging is JSON: no ArrayBuffer), one chunk per
 * acknowledgement so neither side holds the whole file twice as text. One port, one job.
 */
export const PHOTO_PORT = 'parasol-photo';
/** Raw bytes per chunk (3 × 2^17: base64 of it has no padding until the last chunk). */
export const PHOTO_CHUNK_BYTES = 3 * 128 * 1024;
const Base64Chunk = v.pipe(v.string(), v.maxLength((PHOTO_CHUNK_BYTES / 3) * 4), v.regex(/^[A-Za-z0-9+/]*={0,2}$/));
const PhotoSize = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_PHOTO_BYTES));

/** Content script → background over the photo port. */
export const PhotoPortMessageSchema = v.variant('type', [
  /** Check a photo the page was about to get; its bytes follow (none when it is too large to read). */
  v.object({ type: v.literal('photo/check'), photo: PhotoFile }),
  /** Clean a held photo the person chose to clean; its bytes follow. */
  v.object({ type: v.literal('photo/clean'), photo: PhotoFile, choice: v.picklist(['clean', 'hide-faces']) }),
  v.object({ type: v.literal('photo/chunk'), data: Base64Chunk }),
]);
export type PhotoPortMessage = v.InferOutput<typeof PhotoPortMessageSchema>;

/** Background → content script over the photo port. */
export const PhotoPortReplySchema = v.variant('type', [
  /** Send the next chunk. */
  v.object({ type: v.literal('photo/more') }),
  /** The check is done: `hold` keeps the photo from the site until the person chooses. */
  v.object({ type: v.literal('photo/verdict'), hold: v.boolean() }),
  /** The cleaned photo; its bytes follow in chunks, then `photo/done`. */
  v.object({ type: v.literal('photo/cleaned'), format: v.picklist(IMAGE_FORMATS), size: PhotoSize }),
  v.object({ type: v.literal('photo/chunk'), data: Base64Chunk }),
  v.object({ type: v.literal('photo/done') }),
  v.object({ type: v.literal('photo/failed') }),
]);
export type PhotoPortReply = v.InferOutput<typeof PhotoPortReplySchema>;
