import { MAX_DRAFT_CHARS } from '../../core/text/scan-draft';
import type { FixReply } from '../messages';
import { draftText, isValueField } from './draft-fields';
import { fixedText, readsAs, stillMatches, type TextFix } from './fix-text';
import { domSpan, readEditable } from './text-map';

/**
 * Applies a fix the person clicked, the way their own typing would: the field is focused, the
 * span selected, and the browser's editing command replaces it, so the page's editor (Quill,
 * ProseMirror, React...) sees an ordinary edit and keeps it. When the browser refuses the command,
 * the text is changed directly and an `input` event tells the page.
 */
export async function applyFix(field: HTMLElement, fix: TextFix): Promise<FixReply> {
  const before = draftText(field);
  if (!stillMatches(before, fix)) return { ok: false, error: 'changed' };
  const wanted = fixedText(before, fix);
  if (wanted === before) return { ok: true };

  if (isValueField(field)) replaceInValueField(field, fix, wanted);
  else if (!replaceInEditable(field, fix)) return { ok: false, error: 'changed' };

  // Editors may redraw after the edit (ProseMirror from its DOM observer, React on its next
  // render): judge the result once they have, one task later.
  await nextTask();
  return readsAs(draftText(field), wanted) ? { ok: true } : { ok: false, error: 'changed' };
}

function replaceInValueField(field: HTMLTextAreaElement | HTMLInputElement, fix: TextFix, wanted: string): void {
  const doc = field.ownerDocument;
  const before = field.value;
  field.focus({ preventScroll: true });
  let selected = true;
  try {
    field.setSelectionRange(fix.start, fix.end);
  } catch {
    selected = false; // email inputs have no selection API: replace their whole value instead
  }
  if (!selected) field.select();
  const insert = selected ? fix.replacement : wanted;
  const done = insert ? doc.execCommand('insertText', false, insert) : doc.execCommand('delete', false);
  if (done && field.value !== before) return;

  // No editing command here (an old browser, a field in a document that refuses it). Values set
  // from the content script's world go past React's own value tracking, so React still sees the
  // change in the input event and keeps it.
  if (selected) field.setRangeText(fix.replacement, fix.start, fix.end, 'end');
  else field.value = wanted;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText' }));
}

/** Selects the span in the region's DOM and replaces it; false when the span cannot be mapped. */
function replaceInEditable(field: HTMLElement, fix: TextFix): boolean {
  const doc = field.ownerDocument;
  const map = readEditable(field, { withMap: true, limit: MAX_DRAFT_CHARS });
  const span = domSpan(map, fix.start, fix.end);
  if (!span) return false;
  const before = map.text;

  field.focus({ preventScroll: true });
  const selection = doc.getSelection();
  if (selection) {
    selection.setBaseAndExtent(
      span.start.node as Node,
      span.start.offset,
      span.end.node as Node,
      span.end.offset,
    );
    const done = fix.replacement
      ? doc.execCommand('insertText', false, fix.replacement)
      : doc.execCommand('delete', false);
    if (done && draftText(field) !== before) return true;
  }

  // The browser refused the command: change the DOM and tell the editor, which reads its DOM
  // back on input (Quill and ProseMirror both do).
  const range = doc.createRange();
  range.setStart(span.start.node as Node, span.start.offset);
  range.setEnd(span.end.node as Node, span.end.offset);
  range.deleteContents();
  if (fix.replacement) range.insertNode(doc.createTextNode(fix.replacement));
  field.dispatchEvent(
    new InputEvent('input', {
      bubbles: true,
      composed: true,
      inputType: fix.replacement ? 'insertReplacementText' : 'deleteContent',
    }),
  );
  return true;
}

/** One macrotask later: not slowed down like timers are in a background tab. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
