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

export function draftText(field: HTMLElement): string {
  if ('value' in field && typeof field.value === 'string') return field.value;
  return field.innerText ?? field.textContent ?? '';
}

/** A short name for the field as a person would see it on the page, or '' when it has none. */
export function draftLabel(field: HTMLElement): string {
  const doc = field.ownerDocument;
  const labelledBy = field.getAttribute('aria-labelledby');
  const candidates = [
    field.getAttribute('aria-label'),
    labelledBy
      ?.split(/\s+/)
      .map((id) => doc.getElementById(id)?.textContent ?? '')
      .join(' '),
    (field as HTMLInputElement).labels?.[0]?.textContent,
    field.closest('label')?.textContent,
    field.getAttribute('placeholder'),
    field.getAttribute('data-placeholder'),
    field.getAttribute('name'),
  ];
  const label = candidates.find((text) => text && text.trim());
  return (label ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
}
