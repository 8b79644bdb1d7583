import { browser } from 'wxt/browser';
import type { CountryCode } from 'libphonenumber-js';
import { countryFromLocale } from '../../core/country';
import { loadSettings, type Settings } from '../storage/settings';

/** Where the person lives, for numbers written without a country code: their setting, else the browser's language. */
export async function personCountry(settings?: Settings): Promise<CountryCode | undefined> {
  return (settings ?? (await loadSettings())).country ?? countryFromLocale(browser.i18n.getUILanguage());
}
