import { findNumbers, type CountryCode } from 'libphonenumber-js';
import type { Finding } from '../findings';

export interface PhoneOptions {
  /** Where the person lives: a hint for numbers written without a country code. */
  country?: CountryCode;
}

/**
 * Numbers with no country code are read as from this country when the person has not said
 * where they live, so a draft is never left unchecked for want of a setting.
 */
export const FALLBACK_COUNTRY: CountryCode = 'US';

/**
 * Phone numbers written plainly (digits with spaces, dots, dashes, brackets, a leading +).
 * "Possible" rather than "valid": an ad's number must be caught even when its area code is new
 * or unusual, and a false alarm costs a glance while a miss can out someone.
 */
export function findPhones(text: string, options: PhoneOptions = {}): Finding[] {
  const defaultCountry = options.country ?? FALLBACK_COUNTRY;
  // `leniency` is read by libphonenumber-js at run time but missing from its type declarations.
  const search = { defaultCountry, v2: true, leniency: 'POSSIBLE' } as { defaultCountry: CountryCode; v2: true };
  return findNumbers(text, search).map((match) => ({
    kind: 'phone',
    severity: 'high',
    value: text.slice(match.startsAt, match.endsAt),
    normalized: match.number.number,
    start: match.startsAt,
    end: match.endsAt,
    reason: 'reasonPhone',
    fix: { action: 'remove' },
  }));
}
