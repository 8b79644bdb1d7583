import { isSupportedCountry, type CountryCode } from 'libphonenumber-js';

/**
 * The country part of a BCP 47 locale ("en-US" → "US", "zh_CN" → "CN"), if phone numbering
 * knows it. A bare language ("en") says nothing about where someone lives, so it gives none.
 */
export function countryFromLocale(locale: string | undefined): CountryCode | undefined {
  if (!locale) return undefined;
  const region = locale
    .replace(/[.@].*$/, '')
    .split(/[-_]/)
    .slice(1)
    .find((part) => /^[A-Za-z]{2}$/.test(part));
  const code = region?.toUpperCase();
  return code && isSupportedCountry(code) ? (code as CountryCode) : undefined;
}
