import * as v from 'valibot';
import { browser, type Browser } from 'wxt/browser';
import { ContentMessageSchema, type PhotoChoiceReply } from '../messages';
import type { PhotoHolds } from './photo-holds';

/**
 * The person's choices for held photos, from Parasol's background only (never the page, which
 * cannot reach this listener, nor another extension), checked against ContentMessageSchema.
 * Returns a function that stops listening.
 */
export function listenForPhotoChoices(holds: PhotoHolds): () => void {
  const listener = (raw: unknown, sender: Browser.runtime.MessageSender): Promise<PhotoChoiceReply> | undefined => {
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    const parsed = v.safeParse(ContentMessageSchema, raw);
    if (!parsed.success || parsed.output.type !== 'photo/use') return undefined;
    return holds.choose(parsed.output.photoId, parsed.output.choice);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
