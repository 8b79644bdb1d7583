import * as v from 'valibot';
import { browser, type Browser } from 'wxt/browser';
import { ContentMessageSchema, type FixReply } from '../messages';
import { applyFix } from './apply-fix';
import type { FieldRegistry } from './field-registry';
import { showHints } from './page-hints';
import type { DraftWatcher } from './watch-drafts';

/**
 * The content script's one message listener: messages from Parasol's background only (never
 * from the page, which cannot reach it, nor from another extension), each checked against
 * ContentMessageSchema before anything is done. Returns a function that stops listening.
 */
export function listenToBackground(registry: FieldRegistry, watcher: DraftWatcher): () => void {
  const listener = (raw: unknown, sender: Browser.runtime.MessageSender): Promise<FixReply> | undefined => {
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    const parsed = v.safeParse(ContentMessageSchema, raw);
    if (!parsed.success) return undefined;
    const message = parsed.output;
    switch (message.type) {
      case 'fix/perform': {
        const field = registry.fieldOf(message.fieldId);
        if (!field) return Promise.resolve({ ok: false, error: 'gone' });
        return applyFix(field, message).then((reply) => {
          // Read it back at once, so the popup loses the finding without waiting for a pause in typing.
          watcher.refresh(field);
          return reply;
        });
      }
      case 'hints/show': {
        const field = registry.fieldOf(message.fieldId);
        if (field) showHints(field, message.hints);
        return undefined;
      }
      case 'drafts/resend':
        watcher.resendAll();
        return undefined;
    }
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
