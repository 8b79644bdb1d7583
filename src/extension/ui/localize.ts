import { browser } from 'wxt/browser';
import { t } from '../i18n';

/**
 * Fills an extension page's static text from `public/_locales`: `data-i18n` sets the text,
 * `data-i18n-aria-label` and `data-i18n-title` set those attributes.
 */
export function localizePage(doc: Document): void {
  const lang = browser.i18n.getUILanguage();
  doc.documentElement.lang = lang;
  doc.documentElement.dir = t('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
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
