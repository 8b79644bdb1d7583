import * as v from 'valibot';
import { FINDING_KINDS, SEVERITIES, type Finding } from '../core/findings';
import { MAX_DRAFT_CHARS } from '../core/text/scan-draft';

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
}

export function countFindings(state: TabFindings): number {
  return Object.values(state.fields).reduce((sum, field) => sum + field.findings.length, 0);
}

export type CheckPageReply = { ok: true } | { ok: false; error: 'noAccess' };

/** `changed`: the draft no longer has the expected text there; `gone`: the field left the page. */
export type FixReply = { ok: true } | { ok: false; error: 'changed' | 'gone' | 'noAccess' };

export interface Replies {
  'draft/update': { count: number };
  'draft/forget': { count: number };
  'page/opened': null;
  'findings/get': TabFindings;
  'page/check': CheckPageReply;
  'fix/apply': FixReply;
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
]);
export type ContentMessage = v.InferOutput<typeof ContentMessageSchema>;
