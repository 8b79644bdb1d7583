import { browser } from 'wxt/browser';

/** A user-facing string from `public/_locales`; its name if the locale lacks it. */
export function t(name: string, substitutions?: string | string[]): string {
  // Names are often built at run time (`kind_${kind}`); tests/unit/locales.test.ts checks they exist.
  return browser.i18n.getMessage(name as 'extName', substitutions) || name;
}
