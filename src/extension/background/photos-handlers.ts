import { browser } from 'wxt/browser';
import { countFindings, fieldKeyOf, type ContentMessage, type PhotoChoiceReply, type PhotoFindings } from '../messages';
import type { PhotoFile } from './photos-port';
import { photoOf, savePhoto } from './photos-save';
import type { Handlers } from './router';
import type { TabFindingsStore } from './tab-findings';

export type PhotoHandlers = Pick<Handlers, 'photo/choose' | 'photo/not-image' | 'photo/forget'>;

/** A photo as first listed, before anything is known of it but what the file says. */
export function listedPhoto(file: PhotoFile): Omit<PhotoFindings, 'state'> {
  return { name: file.name, size: file.size, format: 'unknown', findings: [], problems: [], faces: 'skipped' };
}

/**
 * The person's choice for a held photo (from the popup or side panel), carried out by the
 * content script of the photo's frame; and the content script's notes on photos.
 */
export function createPhotoHandlers(store: TabFindingsStore): PhotoHandlers {
  return {
    'photo/choose': async ({ tabId, photoKey, choice }) => {
      const photo = await photoOf(store, tabId, photoKey);
      if (photo?.state !== 'waiting') return { ok: false, error: 'gone' };
      // `working` is also what lets the photo port clean it (photos.ts): only after this click.
      await savePhoto(store, tabId, photoKey, { ...photo, state: 'working', error: undefined });
      const [frameId, photoId] = photoKey.split(':') as [string, string];
      const use: ContentMessage = { type: 'photo/use', photoId, choice };
      let reply: PhotoChoiceReply;
      try {
        const answer = (await browser.tabs.sendMessage(tabId, use, { frameId: Number(frameId) })) as PhotoChoiceReply | undefined;
        reply = answer ?? { ok: false, error: 'gone' };
      } catch {
        // The page, or its frame, is gone, and the photo with it.
        reply = { ok: false, error: 'gone' };
      }
      const now = (await photoOf(store, tabId, photoKey)) ?? photo;
      if (!reply.ok) await savePhoto(store, tabId, photoKey, { ...now, state: 'waiting', error: reply.error });
      else if (choice === 'skip') await savePhoto(store, tabId, photoKey, null);
      else await savePhoto(store, tabId, photoKey, { ...now, state: 'given', given: choice });
      return reply;
    },

    'photo/not-image': async ({ photo }, origin) => {
      const key = fieldKeyOf(origin.frameId ?? 0, photo.id);
      await savePhoto(store, origin.tabId!, key, { ...listedPhoto(photo), problems: ['not-an-image'], state: 'unchecked' });
      return null;
    },

    'photo/forget': async ({ photoId }, origin) => {
      const tabId = origin.tabId!;
      const key = fieldKeyOf(origin.frameId ?? 0, photoId);
      const photo = await photoOf(store, tabId, key);
      const state = photo && photo.state !== 'given' ? await savePhoto(store, tabId, key, null) : await store.get(tabId);
      return { count: countFindings(state) };
    },
  };
}
