import { browser } from 'wxt/browser';
import { BUILT_IN_SITES } from '../src/extension/sites';
import { send } from '../src/extension/send';
import { watchDrafts } from '../src/extension/content/watch-drafts';

export default defineContentScript({
  matches: [...BUILT_IN_SITES],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    // The popup's "Check this page" may inject this script into a page that already has it.
    const marker = globalThis as { parasolWatching?: boolean };
    if (marker.parasolWatching) return;
    marker.parasolWatching = true;

    if (window === window.top) void send({ type: 'page/opened' }).catch(() => undefined);
    ctx.onInvalidated(watchDrafts(document, { send: (message) => browser.runtime.sendMessage(message) }));
  },
});
