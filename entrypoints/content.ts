import { browser } from 'wxt/browser';
import { BUILT_IN_SITES } from '../src/extension/sites';
import { send } from '../src/extension/send';
import { FieldRegistry } from '../src/extension/content/field-registry';
import { listenToBackground } from '../src/extension/content/listen';
import { watchDrafts } from '../src/extension/content/watch-drafts';
import { catchPhotos } from '../src/extension/content/photo-catch';
import { PhotoHolds, realBackend } from '../src/extension/content/photo-holds';
import { listenForPhotoChoices } from '../src/extension/content/photo-listen';
import { watchHandles } from '../src/extension/content/handles-watch';

export default defineContentScript({
  matches: [...BUILT_IN_SITES],
  // Every frame: editors often sit in a same-origin iframe, and about:blank or srcdoc frames
  // (made by the page's own script) count as the page that made them.
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    // The popup's "Check this page" may inject this script into a page that already has it.
    const marker = globalThis as { parasolWatching?: boolean };
    if (marker.parasolWatching) return;
    marker.parasolWatching = true;

    if (window === window.top) void send({ type: 'page/opened' }).catch(() => undefined);
    const registry = new FieldRegistry();
    const watcher = watchDrafts(document, {
      registry,
      send: (message) => browser.runtime.sendMessage(message),
    });
    const stopListening = listenToBackground(registry, watcher);
    // Photos picked, dropped or pasted are checked before the site gets them.
    const holds = new PhotoHolds(realBackend((message) => browser.runtime.sendMessage(message)));
    const stopCatching = catchPhotos(window, holds);
    const stopChoices = listenForPhotoChoices(holds);
    // Handles on the page, checked against the person's warning lists: the top frame speaks for the tab.
    const stopHandles = window === window.top ? watchHandles(document, { send: (found) => send({ type: 'handles/found', ...found }) }) : () => undefined;
    ctx.onInvalidated(() => {
      stopHandles();
      stopCatching();
      stopChoices();
      stopListening();
      watcher.stop();
    });
  },
});
