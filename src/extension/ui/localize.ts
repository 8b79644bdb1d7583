import { browser } from 'wxt/browser';
import { chosenLocale, t } from '../i18n';
import { htmlLang, textDirection } from '../i18n-messages';

/**
 * Fills an extension page's static text from `public/_locales`: `data-i18n` sets the text,
 * `data-i18n-aria-label` and `data-i18n-title` set those attributes. In the language chosen in
 * the settings when the page called `useChosenLanguage` first, else in the browser's.
 */
export function localizePage(doc: Document): void {
  const locale = chosenLocale();
  doc.documentElement.lang = locale ? htmlLang(locale) : browser.i18n.getUILanguage();
  doc.documentElement.dir = locale ? textDirection(locale) : t('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
  for (const element of doc.querySelectorAll<HTMLElement>('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n!);
  }
  for (const element of doc.querySelectorAll<HTMLElement>('[data-i18n-aria-label]')) {
    element.setAttribute('aria-label', t(element.dataset.i18nAriaLabel!));
  }
  for (const element of doc.querySelectorAll<HTMLElement>('[data-i18n-title]')) {
    element.title = t(element.dataset.i18nTitle!);
  }
}
