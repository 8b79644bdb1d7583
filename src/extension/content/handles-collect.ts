import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { MAX_HANDLE_LINKS, MAX_HANDLE_TEXT_CHARS, MAX_HANDLE_TEXTS } from '../messages';
import { handleLinks } from './handles-links';
import { adapterFor, GENERIC_MESSAGES, profileLink, SITE_ADAPTERS, type SiteAdapter } from './handles-sites';

/** What a page shows that could be a client's handle; sent to the background as `handles/found`. */
export interface FoundOnPage {
  texts: string[];
  links: string[];
}

/** All texts of one page together: enough for any inbox, little enough to read often. */
const MAX_TOTAL_CHARS = 512 * 1024;
/** Readability gives up (throws) on pages with more elements than this. */
const MAX_READABLE_ELEMENTS = 20_000;

/** Never read: code, and whatever the person writes (their drafts are their own words, checked elsewhere). */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'svg', 'canvas', 'iframe']);
/** Elements that start a new line, so numbers in two paragraphs do not run together. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table',
  'td', 'th', 'tr', 'ul',
]);

/**
 * Reads the page, never changes it: the visible text of its messages (a built-in site's known
 * layout, generic message logs, an article's text through Readability on a copy of the page,
 * else the body's visible text), and the links that could name a person. Editable fields and
 * password fields are never read.
 */
export function collectHandles(doc: Document, adapters: readonly SiteAdapter[] = SITE_ADAPTERS): FoundOnPage {
  const adapter = adapterFor(doc.location.hostname, adapters);
  const budget = { left: MAX_TOTAL_CHARS };
  let texts = adapter ? textsOf(doc, adapter.messages, budget) : [];
  if (texts.length === 0) texts = textsOf(doc, GENERIC_MESSAGES, budget);
  if (texts.length === 0) texts = readableText(doc, budget);
  if (texts.length === 0 && doc.body) texts = [visibleText(doc.body, Math.min(budget.left, MAX_HANDLE_TEXT_CHARS))].filter(Boolean);

  const hrefs: string[] = [];
  for (const name of adapter?.names?.length ? doc.querySelectorAll(adapter.names.join(',')) : []) {
    const href = profileLink(adapter!, doc.location.origin, name.textContent ?? '');
    if (href) hrefs.push(href);
  }
  for (const anchor of doc.querySelectorAll<HTMLAnchorElement | HTMLAreaElement>('a[href], area[href]')) {
    if (!isEditable(anchor)) hrefs.push(anchor.href);
  }
  return { texts, links: handleLinks(hrefs, MAX_HANDLE_LINKS, adapters) };
}

function textsOf(doc: Document, selectors: readonly string[], budget: { left: number }): string[] {
  if (selectors.length === 0) return [];
  const texts: string[] = [];
  let elements: NodeListOf<Element>;
  try {
    elements = doc.querySelectorAll(selectors.join(','));
  } catch {
    return [];
  }
  for (const element of elements) {
    if (texts.length >= MAX_HANDLE_TEXTS || budget.left <= 0) break;
    // A message inside another matched one is read with it.
    if (texts.length > 0 && element.parentElement?.closest(selectors.join(','))) continue;
    const text = visibleText(element, Math.min(budget.left, MAX_HANDLE_TEXT_CHARS));
    if (!text.trim()) continue;
    budget.left -= text.length;
    texts.push(text);
  }
  return texts;
}

/**
 * An article's text, found by Firefox's Reader View code. Readability rewrites the document it
 * is given, so it gets a copy, with the page's editable fields taken out of the copy first.
 */
function readableText(doc: Document, budget: { left: number }): string[] {
  try {
    if (!isProbablyReaderable(doc)) return [];
    const copy = doc.cloneNode(true) as Document;
    for (const field of copy.querySelectorAll('textarea, input, select, [contenteditable]')) field.remove();
    const article = new Readability(copy, { maxElemsToParse: MAX_READABLE_ELEMENTS, serializer: () => '' }).parse();
    const text = article?.textContent?.slice(0, Math.min(budget.left, MAX_HANDLE_TEXT_CHARS)) ?? '';
    if (!text.trim()) return [];
    budget.left -= text.length;
    return [text];
  } catch {
    // Too many elements, or a page Readability cannot read: the body's text will do.
    return [];
  }
}

/** The text a person sees in `root`, up to `max` characters: hidden parts, code and editable fields left out. */
export function visibleText(root: Element, max: number): string {
  const doc = root.ownerDocument;
  const view = doc.defaultView;
  const parts: string[] = [];
  let size = 0;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      const element = node as Element;
      if (SKIPPED.has(element.localName) || isEditable(element)) return NodeFilter.FILTER_REJECT;
      if (element !== root && hidden(element, view)) return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  for (let node = walker.nextNode(); node && size < max; node = walker.nextNode()) {
    const part = node.nodeType === Node.TEXT_NODE ? (node.nodeValue ?? '') : BLOCKS.has((node as Element).localName) ? '\n' : '';
    if (!part) continue;
    parts.push(part);
    size += part.length;
  }
  return parts.join('').slice(0, max);
}

function isEditable(element: Element): boolean {
  return (element as HTMLElement).isContentEditable === true || element.closest('textarea, input, select') !== null;
}

/** Not shown: no box (display: none and the like), or invisible. `display: contents` has no box yet shows its children. */
function hidden(element: Element, view: Window | null): boolean {
  const check = (element as Element & { checkVisibility?: (options?: object) => boolean }).checkVisibility;
  if (!check || check.call(element, { visibilityProperty: true })) return false;
  return view?.getComputedStyle(element).display !== 'contents';
}
