/**
 * Giving held files to the site, the way the browser would have: into the file input with its
 * input and change events, or as the drop or paste the site was listening for, on the element
 * it first landed on. Only the files the person chose are in them.
 */

/** What a held drop or paste had besides its files (text, links, HTML), to hand on with them. */
export interface HeldTransfer {
  target: EventTarget;
  strings: [type: string, data: string][];
  /** For a drop: where it landed and which keys were down. */
  init: MouseEventInit;
}

export function heldTransfer(event: DragEvent | ClipboardEvent, transfer: DataTransfer): HeldTransfer {
  const strings = [...transfer.types]
    .filter((type) => type !== 'Files')
    .map((type): [string, string] => [type, transfer.getData(type)]);
  const init: MouseEventInit =
    'clientX' in event
      ? {
          clientX: event.clientX,
          clientY: event.clientY,
          screenX: event.screenX,
          screenY: event.screenY,
          ctrlKey: event.ctrlKey,
          shiftKey: event.shiftKey,
          altKey: event.altKey,
          metaKey: event.metaKey,
        }
      : {};
  return { target: event.composedPath()[0] ?? event.target!, strings, init };
}

/**
 * Firefox: a DataTransfer or event the content script makes belongs to its own, more privileged
 * world, and the page sees no files in it. Made with the page's own constructors (and the event's
 * options cloned into the page), they are the page's. Other browsers share one set of constructors.
 */
interface PageWorld {
  wrappedJSObject?: { DataTransfer: typeof DataTransfer; DragEvent: typeof DragEvent; ClipboardEvent: typeof ClipboardEvent };
}
declare const cloneInto: (<T>(value: T, target: object, options?: { wrapReflectors?: boolean }) => T) | undefined;

function pageConstructors(target: EventTarget) {
  const view = ((target as Node).ownerDocument ?? (target as Document)).defaultView as (Window & PageWorld) | null;
  const page = view?.wrappedJSObject;
  const forPage = <T extends object>(options: T): T =>
    page && view && typeof cloneInto === 'function' ? cloneInto(options, view, { wrapReflectors: true }) : options;
  return {
    DataTransfer: page?.DataTransfer ?? DataTransfer,
    DragEvent: page?.DragEvent ?? DragEvent,
    ClipboardEvent: page?.ClipboardEvent ?? ClipboardEvent,
    forPage,
  };
}

function transferOf(files: File[], strings: [string, string][] = [], page = pageConstructors(document)): DataTransfer {
  const transfer = new page.DataTransfer();
  for (const [type, data] of strings) transfer.setData(type, data);
  for (const file of files) transfer.items.add(file);
  return transfer;
}

export function giveToInput(input: HTMLInputElement, files: File[]): void {
  // All left out: the input stays empty, as if nothing had been picked.
  if (files.length === 0 || !input.isConnected) return;
  input.files = transferOf(files).files;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

export function giveDrop(drop: HeldTransfer, files: File[]): void {
  if (files.length === 0 || !(drop.target as Node).isConnected) return;
  const page = pageConstructors(drop.target);
  const dataTransfer = transferOf(files, drop.strings, page);
  const options = page.forPage({ ...drop.init, bubbles: true, cancelable: true, composed: true, dataTransfer });
  drop.target.dispatchEvent(new page.DragEvent('drop', options));
}

export function givePaste(paste: HeldTransfer, files: File[]): void {
  if (!(paste.target as Node).isConnected) return;
  // Text pasted along with the photos still goes in when every photo was left out.
  if (files.length === 0 && paste.strings.length === 0) return;
  const page = pageConstructors(paste.target);
  const clipboardData = transferOf(files, paste.strings, page);
  const options = page.forPage({ bubbles: true, cancelable: true, composed: true, clipboardData });
  const event = new page.ClipboardEvent('paste', options);
  // Firefox copies only the text of the DataTransfer a ClipboardEvent is made with: the files
  // go to the same place as a drop instead, which editors and uploaders take the same way.
  if ((event.clipboardData?.files.length ?? 0) < files.length) return giveDrop({ ...paste, init: centreOf(paste.target) }, files);
  paste.target.dispatchEvent(event);
}

/** A drop's position for a paste: the middle of where the paste went. */
function centreOf(target: EventTarget): MouseEventInit {
  const box = (target as Element).getBoundingClientRect?.();
  return box ? { clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 } : {};
}
