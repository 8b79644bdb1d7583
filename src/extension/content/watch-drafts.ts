import type { Message } from '../messages';
import { MAX_DRAFT_CHARS } from '../../core/text/scan-draft';
import { FIELD_SELECTOR, draftFieldOf, draftLabel, draftText } from './draft-fields';

export interface WatchOptions {
  send: (message: Message) => Promise<unknown>;
  /** Quiet time after the last keystroke before a field is checked again. */
  debounceMs?: number;
}

/**
 * Watches every draft field in a document and sends each changed text to the background.
 * The page is never changed: fields are told apart by a private map, not by marks in the DOM.
 * Returns a function that stops watching.
 */
export function watchDrafts(doc: Document, { send, debounceMs = 250 }: WatchOptions): () => void {
  const ids = new WeakMap<HTMLElement, string>();
  const lastSent = new WeakMap<HTMLElement, string>();
  const timers = new Map<HTMLElement, ReturnType<typeof setTimeout>>();
  /** Fields that have been reported, so their findings can be dropped when they leave the page. */
  const reported = new Set<HTMLElement>();
  let nextId = 1;

  const idOf = (field: HTMLElement) => {
    let id = ids.get(field);
    if (!id) ids.set(field, (id = `f${nextId++}`));
    return id;
  };

  const report = (field: HTMLElement) => {
    timers.delete(field);
    const text = draftText(field).slice(0, MAX_DRAFT_CHARS);
    if (lastSent.get(field) === text) return;
    lastSent.set(field, text);
    reported.add(field);
    void send({ type: 'draft/update', field: { id: idOf(field), label: draftLabel(field) }, text }).catch(
      () => undefined, // the extension was reloaded or updated: this copy of the script is stale
    );
  };

  const schedule = (field: HTMLElement) => {
    clearTimeout(timers.get(field));
    timers.set(field, setTimeout(() => report(field), debounceMs));
  };

  // Input events cross shadow boundaries; the first node of the composed path is the real field.
  const onInput = (event: Event) => {
    const field = draftFieldOf(event.composedPath()[0] ?? event.target);
    if (field) schedule(field);
  };

  const forgetRemoved = new MutationObserver(() => {
    for (const field of reported) {
      if (field.isConnected) continue;
      reported.delete(field);
      void send({ type: 'draft/forget', fieldId: idOf(field) }).catch(() => undefined);
    }
  });

  doc.addEventListener('input', onInput, true);
  forgetRemoved.observe(doc, { childList: true, subtree: true });
  // Drafts already on the page (a saved profile, text restored by the browser).
  for (const element of doc.querySelectorAll<HTMLElement>(FIELD_SELECTOR)) {
    const field = draftFieldOf(element);
    if (field && draftText(field).trim()) report(field);
  }

  return () => {
    doc.removeEventListener('input', onInput, true);
    forgetRemoved.disconnect();
    for (const timer of timers.values()) clearTimeout(timer);
  };
}
