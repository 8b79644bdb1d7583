import type { CountryCode } from 'libphonenumber-js';
import { FALLBACK_COUNTRY, findPhones, possiblePhone } from './phone';

export interface PhoneAt {
  /** Offset in the window just after the number. */
  end: number;
  e164: string;
}

/**
 * A phone number right at the start of `window` ("+1 555 123 4567 24/7" → the first 15
 * characters), for a number named by an app or payment service: "whatsapp +44…", "zelle 555…".
 */
export function phoneAtStart(window: string, country?: CountryCode): PhoneAt | null {
  return plainPhoneAtStart(window, country) ?? finderPhoneAtStart(window, country);
}

/** The longest run of digit groups at the start that is a possible number. */
function plainPhoneAtStart(window: string, country: CountryCode | undefined): PhoneAt | null {
  const run = /^[\s(]{0,2}\+?\d[\d \t\-.()]{4,24}\d/.exec(window)?.[0];
  if (!run) return null;
  for (let end = run.length; end > 0; end--) {
    if (!/\d/.test(run[end - 1]!) || /\d/.test(run[end] ?? '')) continue;
    const phone = possiblePhone(run.slice(0, end).replace(/[^\d+]/g, ''), country ?? FALLBACK_COUNTRY);
    if (phone) return { end, e164: phone.number as string };
  }
  return null;
}

/** Any other way of writing a number, as the phone finder reads it, if it starts right here. */
function finderPhoneAtStart(window: string, country: CountryCode | undefined): PhoneAt | null {
  const phone = findPhones(window, { country }).find(
    (found) => found.start !== undefined && found.start <= 2 && /^[\s(]*$/.test(window.slice(0, found.start)),
  );
  return phone?.normalized && phone.end !== undefined ? { end: phone.end, e164: phone.normalized } : null;
}
