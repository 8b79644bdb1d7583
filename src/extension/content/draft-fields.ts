import { MAX_DRAFT_CHARS } from '../../core/text/scan-draft';
import { readEditable, walkEditable, type EditableWalk } from './text-map';

/**
 * Finding the text a person writes in a page: plain fields, and the editable regions that rich
 * editors (Quill, ProseMirror, Lexical...) are built on. Reads only; never writes to the page.
 */

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'tel', 'url']);

export const FIELD_SELECTOR = 'textarea, input, [contenteditable]:not([contenteditable="false"])';

/**
 * The draft field an event target belongs to, or null. Compares tag names rather than using
 * `instanceof`, which fails for elements of same-origin frames (another JavaScript realm).
 */
export function draftFieldOf(node: EventTarget | null): HTMLElement | null {
  if (!node || !('nodeType' in node)) return null;
  const element = (node as Node).nodeType === 1 ? (node as HTMLElement) : (node as Node).parentElement;
  if (!element) return null;
  if (element.localName === 'textarea') return element;
  if (element.localName === 'input') {
    // Never passwords, and never hidden or non-text inputs.
    return TEXT_INPUT_TYPES.has((element as HTMLInputElement).type) ? element : null;
  }
  if (!element.isContentEditable) return null;
  let host = element;
  while (host.parentElement?.isContentEditable) host = host.parentElement;
  return host;
}

/** A textarea or input, whose text is its `value`; anything else is an editable region. */
export function isValueField(field: HTMLElement): field is HTMLTextAreaElement | HTMLInputElement {
  return field.localName === 'textarea' || field.localName === 'input';
}

/**
 * The field's text, at most MAX_DRAFT_CHARS of it. Editable regions are read with the same
 * rules a fix maps back with (text-map.ts), so a finding's span fits the page's DOM.
 */
export function draftText(field: HTMLElement): string {
  if (isValueField(field)) return field.value.slice(0, MAX_DRAFT_CHARS);
  return readEditable(field, { limit: MAX_DRAFT_CHARS }).text;
}

/**
 * The same text, for reading in slices: a plain field's `value` is one cheap read, returned at
 * once; an editable region is a walk over its DOM, to be driven a few milliseconds at a time.
 */
export function startDraftRead(field: HTMLElement): string | EditableWalk {
  if (isValueField(field)) return field.value.slice(0, MAX_DRAFT_CHARS);
  return walkEditable(field, { limit: MAX_DRAFT_CHARS });
}

/** A short name for the field as a person would see it on the page, or '' when it has none. */
export function draftLabel(field: HTMLElement): string {
  let label = ownLabel(field);
  // A field inside a widget's shadow root is often named on the widget (its host) instead, and
  // an editor alone in a frame by the frame's title.
  for (let host = shadowHostOf(field); !label && host; host = shadowHostOf(host)) label = ownLabel(host);
  if (!label) label = frameTitle(field.ownerDocument);
  return label.replace(/\s+/g, ' ').trim().slice(0, 200);
}

function ownLabel(element: HTMLElement): string {
  // Ids are looked up where the element is: its shadow root, or the document.
  const root = element.getRootNode() as Document | ShadowRoot;
  const byId = (id: string) => ('getElementById' in root ? root.getElementById(id) : null);
  const candidates = [
    element.getAttribute('aria-label'),
    element
      .getAttribute('aria-labelledby')
      ?.split(/\s+/)
      .map((id) => byId(id)?.textContent ?? '')
      .join(' '),
    (element as HTMLInputElement).labels?.[0]?.textContent,
    element.closest('label')?.textContent,
    element.getAttribute('placeholder'),
    element.getAttribute('data-placeholder'),
    element.getAttribute('name'),
    element.getAttribute('title'),
  ];
  return candidates.find((text) => text && text.trim()) ?? '';
}

function shadowHostOf(element: HTMLElement): HTMLElement | null {
  const root = element.getRootNode() as Partial<ShadowRoot>;
  return root.host ? (root.host as HTMLElement) : null;
}

function frameTitle(doc: Document): string {
  try {
    return doc.defaultView?.frameElement?.getAttribute('title') ?? '';
  } catch {
    return ''; // a cross-origin parent
  }
}
