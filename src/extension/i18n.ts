import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { LanguageChoice } from './storage/settings';
import { formatMessage, MAX_MESSAGES_CHARS, parseMessages, type MessageTable } from './i18n-messages';

type PageLocale = Exclude<LanguageChoice, 'auto'>;
/**
 * The settings' languages other than 'auto'. A Record, so the typecheck fails if it and
 * LANGUAGE_CHOICES part ways; not imported from settings.ts, whose country list would otherwise
 * weigh on every content script that uses `t()`.
 */
const PAGE_LOCALES: Record<PageLocale, true> = { en: true, es: true, ru: true, zh_CN: true };

/** The language the person chose for Parasol's pages, with its messages; undefined: the browser's. */
let chosen: { locale: PageLocale; messages: MessageTable } | undefined;

/**
 * A user-facing string from `public/_locales`, in the language chosen in the settings once the page
 * called `useChosenLanguage`, else in the browser's; its name if the locale lacks it.
 */
export function t(name: string, substitutions?: string | string[]): string {
  const own = chosen && formatMessage(chosen.messages, name, substitutions);
  if (own !== undefined) return own;
  // Names are often built at run time (`kind_${kind}`); tests/unit/locales.test.ts checks they exist.
  return browser.i18n.getMessage(name as 'extName', substitutions) || name;
}

/** The `_locales` folder of the language chosen for the pages, or undefined when they follow the browser. */
export function chosenLocale(): string | undefined {
  return chosen?.locale;
}

/**
 * Makes `t()` on this page speak the language chosen in the settings. The browser's own
 * `getMessage` always follows the browser's language, so the chosen locale's messages.json is
 * read from the extension's own files (a request to the extension itself, not the network).
 * Anything that fails leaves the browser's language: the page must still open.
 */
export async function useChosenLanguage(): Promise<void> {
  chosen = undefined;
  try {
    const language = await chosenInSettings();
    if (language === undefined) return;
    const response = await fetch(ownLocaleFile(language));
    if (!response.ok || Number(response.headers.get('content-length') ?? 0) > MAX_MESSAGES_CHARS * 4) return;
    const messages = parseMessages(await response.text());
    if (messages) chosen = { locale: language, messages };
  } catch {
    // An unreadable file or storage: the browser's language it is.
  }
}

/**
 * The chosen locale's messages.json inside the extension (chrome-extension:// or moz-extension://):
 * the only address this module ever reads, and only after the person picked a language other
 * than the browser's. It is a file packed with Parasol, not a request to any server.
 */
export function ownLocaleFile(locale: PageLocale): string {
  return browser.runtime.getURL(`/_locales/${locale}/messages.json` as '/_locales/en/messages.json');
}

/** The settings' `language` when it names one of Parasol's locales; undefined for 'auto' or anything odd. */
async function chosenInSettings(): Promise<PageLocale | undefined> {
  const settings = await storage.getItem<Record<string, unknown>>('local:settings');
  const language = settings?.language;
  return typeof language === 'string' && Object.hasOwn(PAGE_LOCALES, language) ? (language as PageLocale) : undefined;
}
