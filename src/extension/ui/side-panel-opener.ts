import { browser } from 'wxt/browser';
import { t } from '../i18n';

/** Firefox's sidebar; the types of `browser` follow Chrome's, which has none. */
interface SidebarAction {
  open(): Promise<void>;
}

/**
 * The popup's "Open in side panel", where the browser has one: Chrome's side panel, Firefox's
 * sidebar (not Firefox for Android). Both must be opened straight from the click, so nothing is
 * awaited before the call. Element by id: `open-side-panel`; `fix-status` tells a failure.
 */
export function offerSidePanel(doc: Document, tabId: number, closeAfter: boolean): void {
  const button = doc.getElementById('open-side-panel');
  const sidebar = (browser as unknown as { sidebarAction?: SidebarAction }).sidebarAction;
  const panel = browser.sidePanel as typeof browser.sidePanel | undefined;
  if (!button || (typeof sidebar?.open !== 'function' && typeof panel?.open !== 'function')) return;
  button.hidden = false;
  button.addEventListener('click', () => {
    const opening = typeof sidebar?.open === 'function' ? sidebar.open() : panel!.open({ tabId });
    opening.then(
      () => {
        if (closeAfter) doc.defaultView?.close();
      },
      () => {
        doc.getElementById('fix-status')!.textContent = t('popupCannotOpenSidePanel');
      },
    );
  });
}
