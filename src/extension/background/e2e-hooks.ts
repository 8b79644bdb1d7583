import { browser } from 'wxt/browser';

/**
 * Only in the build made for end-to-end tests (`--mode e2e`), never in the shipped one.
 * Firefox's WebDriver BiDi cannot open moz-extension:// pages, so a test asks the extension to
 * open them by putting `#parasol-e2e-open=popup` (or `=sidepanel`, `=options`) on a demo page's address;
 * the popup and the side panel then show that page's tab.
 */
export function openPagesForTests(): void {
  browser.tabs.onUpdated.addListener((tabId, change) => {
    const match = change.url?.match(/#parasol-e2e-open=(popup|sidepanel|options)$/);
    if (!match) return;
    const page = match[1] === 'options' ? '/options.html' : `/${match[1]}.html?tab=${tabId}`;
    void browser.tabs.create({ url: browser.runtime.getURL(page as '/popup.html') });
  });
}
