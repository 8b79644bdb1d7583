import * as v from 'valibot';
import { browser, type Browser } from 'wxt/browser';
import { ContentMessageSchema } from '../messages';
import { collectHandles, type FoundOnPage } from './handles-collect';

export interface HandleWatchOptions {
  send: (found: FoundOnPage) => Promise<unknown>;
  /** Quiet time after the page's last change before it is read again. */
  settleMs?: number;
  /** A page that never stops changing (a live chat) is still read this often. */
  maxWaitMs?: number;
  /** Reads the page; tests give their own. */
  collect?: (doc: Document) => FoundOnPage;
}

/**
 * Sends what on the page could be a client's handle once the page is idle after loading, then
 * again after it changes, only when what was collected changed; and again when the background
 * asks for drafts to be resent (the vault locked or unlocked: the lists became readable or not).
 * Reads only: the observer watches, it never touches the page. Returns a function that stops it.
 */
export function watchHandles(doc: Document, options: HandleWatchOptions): () => void {
  const { send, settleMs = 800, maxWaitMs = 4000, collect = collectHandles } = options;
  let last = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstChange: number | undefined;
  let stopped = false;

  const run = (force = false) => {
    timer = undefined;
    firstChange = undefined;
    if (stopped) return;
    const found = collect(doc);
    const key = JSON.stringify(found);
    if (!force && key === last) return;
    last = key;
    void send(found).catch(() => undefined);
  };

  const schedule = () => {
    const now = Date.now();
    firstChange ??= now;
    if (timer !== undefined) clearTimeout(timer);
    const wait = Math.max(0, Math.min(settleMs, firstChange + maxWaitMs - now));
    timer = setTimeout(() => whenIdle(() => run()), wait);
  };

  // Typing in a draft changes the page at every key: the person's own words are not read, so they do not count.
  const observer = new MutationObserver((records) => {
    if (records.some((record) => !insideEditable(record.target))) schedule();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  whenIdle(() => run());

  const listener = (raw: unknown, sender: Browser.runtime.MessageSender): undefined => {
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    const parsed = v.safeParse(ContentMessageSchema, raw);
    if (parsed.success && parsed.output.type === 'drafts/resend') whenIdle(() => run(true));
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);

  return () => {
    stopped = true;
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
    browser.runtime.onMessage.removeListener(listener);
  };
}

function insideEditable(node: Node): boolean {
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return element !== null && ((element as HTMLElement).isContentEditable === true || element.closest('textarea') !== null);
}

/** After the page's own work, so reading it never holds up the person (a timeout where there is no idle callback). */
function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 2000 });
  else setTimeout(task, 50);
}
