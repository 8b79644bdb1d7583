import type { Message } from '../messages';
import { draftFieldOf, draftLabel, draftText } from './draft-fields';
import type { FieldRegistry } from './field-registry';
import { findFields } from './find-fields';

export interface WatchOptions {
  send: (message: Message) => Promise<unknown>;
  registry: FieldRegistry;
  /** Quiet time after the last keystroke before a field is read again. */
  debounceMs?: number;
}

export interface DraftWatcher {
  /** Reads one field now and sends its text if it changed (after a fix, for instance). */
  refresh(field: HTMLElement): void;
  stop(): void;
}

/**
 * Watches every draft field in a document, its open shadow roots included, and sends each
 * changed text to the background. The page is never changed.
 *
 * Cheap while the person types: a keystroke only notes which field changed and restarts that
 * field's timer. The text is read once typing pauses, when the browser is idle, and only for
 * fields that changed; it is sent only when it differs from what was sent last.
 */
export function watchDrafts(doc: Document, { send, registry, debounceMs = 250 }: WatchOptions): DraftWatcher {
  const win = doc.defaultView ?? globalThis;
  const lastSent = new WeakMap<HTMLElement, string>();
  const timers = new Map<HTMLElement, ReturnType<typeof setTimeout>>();
  /** Fields that have been reported, so their findings can be dropped when they leave the page. */
  const reported = new Set<HTMLElement>();
  const observed = new WeakSet<Node>();
  let stopped = false;

  const whenIdle = (work: () => void) => {
    if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(work, { timeout: 300 });
    else setTimeout(work, 0);
  };

  const report = (field: HTMLElement) => {
    if (stopped || !field.isConnected) return;
    const text = draftText(field);
    if (lastSent.get(field) === text) return;
    // A field that was always empty has nothing to report.
    if (!lastSent.has(field) && !text.trim()) return;
    lastSent.set(field, text);
    reported.add(field);
    void send({ type: 'draft/update', field: { id: registry.idOf(field), label: draftLabel(field) }, text }).catch(
      () => undefined, // the extension was reloaded or updated: this copy of the script is stale
    );
  };

  const schedule = (field: HTMLElement) => {
    clearTimeout(timers.get(field));
    timers.set(
      field,
      setTimeout(() => {
        timers.delete(field);
        whenIdle(() => report(field));
      }, debounceMs),
    );
  };

  // Input events cross shadow boundaries; the first node of the composed path is the real field.
  const onInput = (event: Event) => {
    const field = draftFieldOf(event.composedPath()[0] ?? event.target);
    if (field) schedule(field);
  };

  // Changes that come without an input event: a rich editor filled by the site's own script, a
  // widget added later (with its shadow root), a field taken off the page. The observer only
  // collects; the work waits for an idle moment, once per batch.
  let changedNodes = new Set<Node>();
  let addedNodes: Node[] = [];
  let removedSome = false;
  let mutationWorkQueued = false;

  const onMutations = (records: MutationRecord[]) => {
    for (const record of records) {
      changedNodes.add(record.target);
      for (const node of record.addedNodes) addedNodes.push(node);
      if (record.removedNodes.length > 0) removedSome = true;
    }
    if (!mutationWorkQueued) {
      mutationWorkQueued = true;
      whenIdle(handleMutations);
    }
  };

  const handleMutations = () => {
    mutationWorkQueued = false;
    if (stopped) return;
    const changed = changedNodes;
    const added = addedNodes;
    const removed = removedSome;
    changedNodes = new Set();
    addedNodes = [];
    removedSome = false;

    const touched = new Set<HTMLElement>();
    for (const node of changed) {
      const field = draftFieldOf(node);
      if (field) touched.add(field);
    }
    for (const node of added) {
      // Nodes added inside an editable region are that field's own edit, noted above.
      if (node.nodeType !== 1 || !node.isConnected || draftFieldOf(node.parentNode)) continue;
      discover(node as Element);
    }
    for (const field of touched) schedule(field);
    if (removed) forgetRemoved();
  };

  const forgetRemoved = () => {
    for (const field of reported) {
      if (field.isConnected) continue;
      reported.delete(field);
      lastSent.delete(field);
      void send({ type: 'draft/forget', fieldId: registry.idOf(field) }).catch(() => undefined);
      registry.forget(field);
    }
  };

  const observer = new MutationObserver(onMutations);
  const observe = (root: Node) => {
    if (observed.has(root)) return;
    observed.add(root);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
  };

  /** Reports fields that already hold text (a saved ad, text the browser restored) and watches new shadow roots. */
  const discover = (root: Document | Element) =>
    findFields(
      root,
      (field) => {
        if (!lastSent.has(field) && draftText(field).trim()) report(field);
      },
      observe,
    );

  doc.addEventListener('input', onInput, true);
  observe(doc);
  // Not in the way of the page's own start-up.
  whenIdle(() => {
    if (!stopped) discover(doc);
  });

  return {
    refresh(field) {
      clearTimeout(timers.get(field));
      timers.delete(field);
      report(field);
    },
    stop() {
      stopped = true;
      doc.removeEventListener('input', onInput, true);
      observer.disconnect();
      for (const timer of timers.values()) clearTimeout(timer);
    },
  };
}
