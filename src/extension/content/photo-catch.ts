import { giveDrop, givePaste, giveToInput, heldTransfer } from './photo-give';
import type { Hold, PhotoHolds } from './photo-holds';

/**
 * Catches files on their way into the page: picked in a file input (hidden ones behind a custom
 * button too), dropped, or pasted. Listens on the window in the capture phase, before the site's
 * own listeners, and holds every event that carries a file not yet decided: the site sees nothing
 * until PhotoHolds gives it the files. Events with only decided files (Parasol's own, when it
 * gives them) pass. Returns a function that stops.
 *
 * Not reached: file inputs inside closed shadow roots (the window cannot see into them).
 */
export function catchPhotos(win: Window, holds: PhotoHolds): () => void {
  /** Holds by file input: a new pick replaces a pick still waiting. */
  const byInput = new WeakMap<HTMLInputElement, Hold>();
  /** Inputs whose `change` (which follows `input` in the same task) is part of a pick already held. */
  const swallow = new WeakSet<HTMLInputElement>();

  const undecided = (files: FileList | null | undefined): File[] | null => {
    const list = [...(files ?? [])];
    return list.length > 0 && list.some((file) => !holds.decided.has(file)) ? list : null;
  };

  const onFileInput = (event: Event) => {
    const input = event.composedPath()[0] as HTMLInputElement | undefined;
    if (input?.localName !== 'input' || input.type !== 'file') return;
    if (event.type === 'change' && swallow.has(input)) {
      swallow.delete(input);
      event.stopImmediatePropagation();
      return;
    }
    const files = undecided(input.files);
    if (!files) return;
    event.stopImmediatePropagation();
    // Emptied while held, so a form sent meanwhile cannot carry the original.
    input.files = new DataTransfer().files;
    if (event.type === 'input') swallowChange(input);
    byInput.get(input)?.cancel();
    byInput.set(input, holds.hold(files, (chosen) => {
      byInput.delete(input);
      swallow.delete(input);
      giveToInput(input, chosen);
    }));
  };

  /** `change` does not cross shadow roots: for an input in one, it is stopped at its root. */
  const swallowChange = (input: HTMLInputElement) => {
    swallow.add(input);
    const root = input.getRootNode();
    const stop = (event: Event) => {
      if (event.composedPath()[0] !== input || !swallow.has(input)) return;
      swallow.delete(input);
      event.stopImmediatePropagation();
    };
    if (root !== input.ownerDocument) root.addEventListener('change', stop, { capture: true, once: true });
    win.setTimeout(() => {
      swallow.delete(input);
      root.removeEventListener('change', stop, { capture: true });
    }, 0);
  };

  const onDrop = (event: DragEvent) => {
    const transfer = event.dataTransfer;
    const files = undecided(transfer?.files);
    if (!transfer || !files) return;
    // Also stops the browser from opening the file itself.
    event.preventDefault();
    event.stopImmediatePropagation();
    const drop = heldTransfer(event, transfer);
    holds.hold(files, (chosen) => giveDrop(drop, chosen));
  };

  const onPaste = (event: ClipboardEvent) => {
    const transfer = event.clipboardData;
    const files = undecided(transfer?.files);
    if (!transfer || !files) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    const paste = heldTransfer(event, transfer);
    holds.hold(files, (chosen) => givePaste(paste, chosen));
  };

  win.addEventListener('input', onFileInput, true);
  win.addEventListener('change', onFileInput, true);
  win.addEventListener('drop', onDrop, true);
  win.addEventListener('paste', onPaste, true);
  return () => {
    win.removeEventListener('input', onFileInput, true);
    win.removeEventListener('change', onFileInput, true);
    win.removeEventListener('drop', onDrop, true);
    win.removeEventListener('paste', onPaste, true);
  };
}
