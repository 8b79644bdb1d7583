import { describe, expect, it } from 'vitest';
import { countryFromLocale } from '../../../src/core/country';

describe('countryFromLocale', () => {
  it.each([
    ['en-US', 'US'],
    ['en_US.UTF-8', 'US'],
    ['en_GB@euro', 'GB'],
    ['zh_CN', 'CN'],
    ['pt-br', 'BR'],
    ['sr-Latn-RS', 'RS'],
    ['ru-RU', 'RU'],
  ])('%s → %s', (locale, country) => {
    expect(countryFromLocale(locale)).toBe(country);
  });

  it.each([
    ['es-419', 'a region number, not a country'],
    ['en', 'a bare language'],
    ['', 'empty'],
    ['garbage', 'garbage'],
    ['--', 'only separators'],
    ['en-XX', 'an unknown country'],
    ['C', 'the C locale'],
  ])('%s gives none (%s)', (locale) => {
    expect(countryFromLocale(locale)).toBeUndefined();
  });

  it('undefined gives none', () => {
    expect(countryFromLocale(undefined)).toBeUndefined();
  });
});
