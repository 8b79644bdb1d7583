import type { Message } from '../messages';
import { draftFieldOf, draftLabel, draftText, startDraftRead } from './draft-fields';
import { DraftReads } from './draft-reads';
import type { FieldRegistry } from './field-registry';
import { findFields } from './find-fields';
import { idleSlices, type Slice } from './slices';

export interface WatchOptions {
  send: (message: Message) => Promise<unknown>;
  registry: FieldRegistry;
  /** Quiet time after the last keystroke before a field is read again. */
  debounceMs?: number;
}

export interface DraftWatcher {
  /** Reads one field now and sends its text if it changed (after a fix, for instance). */
  refresh(field: HTMLElement): void;
  /** Reads every field sent before and sends it again, changed or not (the identities to check it against changed). */
  resendAll(): void;
  stop(): void;
}

/**
 * Watches every draft field in a document, its open shadow roots included, and sends each
 * changed text to the background. The page is never changed.
 *
 * Cheap while the person types: a keystroke only notes which field changed and restarts that
 * field's timer. The text is read once typing pauses, in idle time and a few milliseconds at a
 * time (slices.ts), and only for fields that changed; it is sent only when it differs from what
 * was sent last. No task here grows with the draft beyond one send of its text.
 */
export function watchDrafts(doc: Document, { send, registry, debounceMs = 250 }: WatchOptions): DraftWatcher {
  const runInSlices = idleSlices(doc.defaultView ?? globalThis);
  const lastSent = new WeakMap<HTMLElement, string>();
  const timers = new Map<HTMLElement, ReturnType<typeof setTimeout>>();
  /** Fields that have been reported, so their findings can be dropped when they leave the page. */
  const reported = new Set<HTMLElement>();
  const observed = new WeakSet<Node>();
  let stopped = false;

  const report = (field: HTMLElement, text: string) => {
    if (stopped || !field.isConnected) return;
    if (lastSent.get(field) === text) return;
    // A field that was always empty has nothing to report.
    if (!lastSent.has(field) && !text.trim()) return;
    lastSent.set(field, text);
    reported.add(field);
    void send({ type: 'draft/update', field: { id: registry.idOf(field), label: draftLabel(field) }, text }).catch(
      () => undefined, // the extension was reloaded or updated: this copy of the script is stale
    );
  };

  const reads = new DraftReads<HTMLElement>({
    start: (field) => (field.isConnected ? startDraftRead(field) : ''),
    finish: report,
    slices: runInSlices,
  });

  const schedule = (field: HTMLElement) => {
    // A walk of the field under way has read text that is gone.
    reads.changed(field);
    clearTimeout(timers.get(field));
    timers.set(
      field,
      setTimeout(() => {
        timers.delete(field);
        reads.add(field);
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
  // collects; the work waits for idle time, in slices (a page can add thousands of nodes at once).
  const changedNodes = new Set<Node>();
  let addedNodes: Node[] = [];
  let addedDone = 0;
  let removedSome = false;
  let cancelMutationWork: (() => void) | undefined;

  const onMutations = (records: MutationRecord[]) => {
    const reading = reads.current;
    for (const record of records) {
      changedNodes.add(record.target);
      for (const node of record.addedNodes) addedNodes.push(node);
      if (record.removedNodes.length > 0) removedSome = true;
      // The region being walked changed between two slices: what was read of it no longer holds.
      if (reading && reads.current === reading && reading.contains(record.target)) reads.changed(reading);
    }
    cancelMutationWork ??= runInSlices(handleMutations, () => (cancelMutationWork = undefined));
  };

  /** O(nodes changed): a keystroke in a rich editor is a node or two, whatever the draft's size. */
  const handleMutations: Slice = (timeUp) => {
    if (stopped) return true;
    // The DOM holds still within a slice: each parent's field is looked up once, however many
    // children were added to it (an editor filled with thousands of paragraphs).
    const fields = new Map<Node | null, HTMLElement | null>();
    const fieldOf = (node: Node | null) => {
      let field = fields.get(node);
      if (field === undefined) fields.set(node, (field = draftFieldOf(node)));
      return field;
    };
    const touched = new Set<HTMLElement>();
    for (const node of changedNodes) {
      changedNodes.delete(node);
      const field = fieldOf(node);
      if (field && !touched.has(field)) {
        touched.add(field);
        schedule(field);
      }
      if (timeUp()) return false;
    }
    while (addedDone < addedNodes.length) {
      const node = addedNodes[addedDone++]!;
      // Nodes added inside an editable region are that field's own edit, noted above.
      if (node.nodeType === 1 && node.isConnected && !fieldOf(node.parentNode)) discover(node as Element);
      if (timeUp()) return false;
    }
    addedNodes = [];
    addedDone = 0;
    if (removedSome) {
      removedSome = false;
      forgetRemoved();
    }
    return true;
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

  /** Reads fields that may already hold text (a saved ad, text the browser restored) and watches new shadow roots. */
  const discover = (root: Document | Element) =>
    findFields(
      root,
      (field) => {
        if (!lastSent.has(field)) reads.add(field);
      },
      observe,
    );

  doc.addEventListener('input', onInput, true);
  observe(doc);
  // Not in the way of the page's own start-up.
  const cancelFirstLook = runInSlices(() => {
    if (!stopped) discover(doc);
    return true;
  });

  return {
    refresh(field) {
      clearTimeout(timers.get(field));
      timers.delete(field);
      reads.changed(field);
      // After a click on a fix: one read in one go is fine.
      report(field, draftText(field));
    },
    resendAll() {
      for (const field of reported) {
        lastSent.delete(field);
        reads.changed(field);
        reads.add(field);
      }
    },
    stop() {
      stopped = true;
      doc.removeEventListener('input', onInput, true);
      observer.disconnect();
      for (const timer of timers.values()) clearTimeout(timer);
      cancelFirstLook();
      cancelMutationWork?.();
      reads.stop();
    },
  };
}
