import { Metadata, PhoneNumber, type CountryCode, type MetadataJson } from 'libphonenumber-js/core';
import metadataJson from 'libphonenumber-js/metadata.min.json';

/**
 * libphonenumber-js's own rules, with their patterns compiled once. The library builds a new
 * RegExp for every pattern it tries, on every call (`matchesEntirely`): on a draft full of North
 * American numbers, parsing and validating were a third of the whole scan. Each function here
 * gives the same answer as the library call it names, which `phone-rules.test.ts` checks.
 */

const TYPES = ['FIXED_LINE', 'MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'];

interface Plan {
  pattern: RegExp;
  /** Empty when the country has no number types: then its pattern alone decides validity. */
  types: { pattern: RegExp; lengths?: number[] }[];
  /** Set for countries that share a calling code and are told apart by how their numbers start. */
  leading?: RegExp;
}

/** The parts of the library's Metadata class this file reads; its type declarations omit them. */
interface MetadataReader {
  selectNumberingPlan(country: string): void;
  nationalNumberPattern(): string;
  hasTypes(): boolean;
  leadingDigits(): string | undefined;
  type(name: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}

const metadata = new Metadata(metadataJson as MetadataJson) as unknown as MetadataReader;
const plans = new Map<string, Plan>();

const whole = (pattern: string) => new RegExp(`^(?:${pattern})$`);

function planOf(countryOrCallingCode: string): Plan {
  let plan = plans.get(countryOrCallingCode);
  if (plan) return plan;
  metadata.selectNumberingPlan(countryOrCallingCode);
  const leading = metadata.leadingDigits();
  plan = { pattern: whole(metadata.nationalNumberPattern()), types: [], leading: leading ? new RegExp(`^(?:${leading})`) : undefined };
  if (metadata.hasTypes()) {
    for (const name of TYPES) {
      const type = metadata.type(name);
      const pattern = type?.pattern();
      if (pattern) plan.types.push({ pattern: whole(pattern), lengths: type!.possibleLengths() });
    }
  }
  plans.set(countryOrCallingCode, plan);
  return plan;
}

/** The library's `getNumberType(...) !== undefined`: no types, no type. */
function hasType(plan: Plan, national: string): boolean {
  return (
    plan.pattern.test(national) &&
    plan.types.some(({ pattern, lengths }) => (!lengths || lengths.includes(national.length)) && pattern.test(national))
  );
}

/** `number.isValid()`. */
export function isValidPhone(number: PhoneNumber): boolean {
  const plan = planOf(number.country ?? number.countryCallingCode);
  return plan.types.length === 0 ? plan.pattern.test(number.nationalNumber) : hasType(plan, number.nationalNumber);
}

const NANP_COUNTRIES = (metadataJson as MetadataJson).country_calling_codes['1'] as CountryCode[];
/** Countries whose numbers written without "+1" the library reads with no national-prefix rule beyond the "1". */
const PLAIN_NANP_DEFAULTS = new Set<string>(['US', 'CA']);
const TEN_DIGITS = /^[2-9]\d{9}$/;

/**
 * `parsePhoneNumberFromString(digits, { defaultCountry: country, extract: false })` for the
 * commonest shapes of North American numbers ("+1" and ten digits; ten digits, or "1" and ten, read
 * as from the US or Canada), without the library's per-call pattern building. `undefined` for
 * every other input: the caller asks the library.
 */
export function parseNorthAmerican(digits: string, country: CountryCode | undefined): PhoneNumber | undefined {
  let national: string;
  if (digits.startsWith('+1')) national = digits.slice(2);
  else if (country && PLAIN_NANP_DEFAULTS.has(country)) national = digits.length === 11 && digits[0] === '1' ? digits.slice(1) : digits;
  else return undefined;
  if (!TEN_DIGITS.test(national)) return undefined;
  // The library's own class, built as its parser builds it (its typings list only the E.164 form).
  const number = new (PhoneNumber as unknown as new (callingCode: string, national: string, metadata: MetadataJson) => PhoneNumber)('1', national, metadataJson as MetadataJson);
  // As the library's getCountryByNationalNumber: the first country whose numbers start so, or
  // whose number types fit; else the country it was read as.
  const exact = NANP_COUNTRIES.find((candidate) => {
    const plan = planOf(candidate);
    return plan.leading ? plan.leading.test(national) : hasType(plan, national);
  });
  const found = exact ?? (digits.startsWith('+') ? undefined : country);
  if (found) number.country = found;
  return number;
}
