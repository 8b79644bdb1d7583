// Code that playwright runs inside the extension's own pages and service worker sees `chrome`.
declare const chrome: typeof import('wxt/browser').browser;
