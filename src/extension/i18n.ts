import { browser } from 'wxt/browser';

/** A user-facing string from `public/_locales`; its name if the locale lacks it. */
export function t(name: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(name, substitutions) || name;
}
