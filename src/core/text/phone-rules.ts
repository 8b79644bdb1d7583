import { Metadata, PhoneNumber, type CountryCode, type MetadataJson } from 'libphonenumber-js/core';
import metadataJson from 'libphonenumber-js/metadata.min.json';

/**
 * libphonenumber-js's own rules, with their patterns compiled once. The library builds a new
 * RegExp for every pattern it tries, on every call (`matchesEntirely`): on a dense draft,
 * parsing and validating were a third of the whole scan. Each function here gives the same
 * answer as the library call it names, which `phone-rules.test.ts` checks on thousands of
 * generated numbers; what it does not cover it leaves to the library.
 */

const json = metadataJson as MetadataJson;
const CALLING_CODES = json.country_calling_codes as Record<string, string[]>;
const TYPES = ['FIXED_LINE', 'MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'];

interface Plan {
  callingCode: string;
  pattern: RegExp;
  /** Empty when the country has no number types: then its pattern alone decides validity. */
  types: { pattern: RegExp; lengths?: number[] }[];
  /** Set for countries that share a calling code and are told apart by how their numbers start. */
  leading?: RegExp;
  lengths?: number[];
  /** The trunk prefix ("0", "8", "1") a national number may be written with; "" when none. */
  trunkPrefix: string;
  /** What the library strips from the start of a national number (a trunk prefix, a carrier code…). */
  prefix?: RegExp;
  /** What it puts in the stripped part's place, in countries that rewrite it. */
  rewrite?: string;
  /** How numbers dialled abroad from the country start ("00", "011"…). */
  exit?: RegExp;
}

/** The parts of the library's Metadata class read here; its type declarations omit them. */
interface MetadataReader {
  selectNumberingPlan(countryOrCallingCode: string): void;
  numberingPlan: NumberingPlan;
}
interface NumberingPlan {
  callingCode(): string;
  nationalNumberPattern(): string;
  hasTypes(): boolean;
  leadingDigits(): string | undefined;
  possibleLengths(): number[] | undefined;
  nationalPrefix(): string | undefined;
  nationalPrefixForParsing(): string | undefined;
  nationalPrefixTransformRule(): string | undefined;
  IDDPrefix(): string | undefined;
  type(name: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}

const metadata = new Metadata(json) as unknown as MetadataReader;
const plans = new Map<string, Plan>();

const whole = (pattern: string) => new RegExp(`^(?:${pattern})$`);
const starting = (pattern: string) => new RegExp(`^(?:${pattern})`);

function planOf(countryOrCallingCode: string): Plan {
  let plan = plans.get(countryOrCallingCode);
  if (plan) return plan;
  metadata.selectNumberingPlan(countryOrCallingCode);
  const m = metadata.numberingPlan;
  const leading = m.leadingDigits();
  const forParsing = m.nationalPrefixForParsing();
  const exit = m.IDDPrefix();
  plan = {
    callingCode: m.callingCode(),
    pattern: whole(m.nationalNumberPattern()),
    types: [],
    leading: leading ? starting(leading) : undefined,
    lengths: m.possibleLengths(),
    trunkPrefix: m.nationalPrefix() ?? '',
    prefix: forParsing ? starting(forParsing) : undefined,
    rewrite: m.nationalPrefixTransformRule() || undefined,
    exit: exit ? starting(exit) : undefined,
  };
  if (m.hasTypes()) {
    for (const name of TYPES) {
      const type = m.type(name);
      const pattern = type?.pattern();
      if (pattern) plan.types.push({ pattern: whole(pattern), lengths: type!.possibleLengths() });
    }
  }
  plans.set(countryOrCallingCode, plan);
  return plan;
}

/** How a country's national numbers are written: their digit counts and trunk prefix. */
export function numberingOf(country: CountryCode): Readonly<Pick<Plan, 'lengths' | 'trunkPrefix'>> {
  return planOf(country);
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

/** The library's getCountryByCallingCode: which of the countries sharing a calling code a number is from. */
function countryOf(callingCode: string, national: string): string | undefined {
  const countries = CALLING_CODES[callingCode]!;
  if (countries.length === 1) return countries[0];
  return countries.find((country) => {
    const plan = planOf(country);
    return plan.leading ? plan.leading.test(national) : hasType(plan, national);
  });
}

/** The library's checkNumberLength says TOO_SHORT or INVALID_LENGTH. */
function impossibleLength(lengths: number[], length: number): boolean {
  if (lengths[0] === length) return false;
  if (lengths[0]! > length) return true;
  if (lengths[lengths.length - 1]! < length) return false;
  return lengths.indexOf(length, 1) < 0;
}

/** The library's extractNationalNumber (and extractNationalNumberFromPossiblyIncompleteNumber within it). */
function nationalOf(number: string, plan: Plan): string {
  const match = plan.prefix?.exec(number);
  if (!match) return number;
  const groups = match.length - 1;
  const after = plan.rewrite && groups > 0 && match[groups] ? number.replace(plan.prefix!, plan.rewrite) : number.slice(match[0].length);
  if (after === number) return number;
  if (plan.pattern.test(number) && !plan.pattern.test(after)) return number;
  if (plan.lengths) {
    const country = countryOf(plan.callingCode, after);
    const lengths = (country ? planOf(country).lengths : undefined) ?? plan.lengths;
    if (impossibleLength(lengths, after.length)) return number;
  }
  return after;
}

const TEN_DIGITS = /^[2-9]\d{9}$/;

/**
 * `parsePhoneNumberFromString(digits, { defaultCountry: country, extract: false })` for `digits`
 * (digits only, with a leading "+" when the number carries its country code), or `undefined`
 * when the number is of a kind left to the library: numbers dialled as from abroad or starting
 * with the country's own calling code (but "1" and ten digits in the US or Canada), and
 * non-geographic numbers.
 */
export function parseKnownShape(digits: string, country: CountryCode | undefined): PhoneNumber | undefined {
  let callingCode: string | undefined;
  let national: string;
  let found: string | undefined;
  if (digits[0] === '+') {
    if (digits[1] === '0') return undefined;
    for (let length = 1; length <= 3 && !callingCode; length++) {
      if (CALLING_CODES[digits.slice(1, 1 + length)]) callingCode = digits.slice(1, 1 + length);
    }
    if (!callingCode || CALLING_CODES[callingCode]![0] === '001') return undefined;
    national = nationalOf(digits.slice(1 + callingCode.length), planOf(callingCode));
    found = countryOf(callingCode, national);
  } else {
    if (!country) return undefined;
    const plan = planOf(country);
    if (plan.exit?.test(digits)) return undefined;
    callingCode = plan.callingCode;
    if (digits.startsWith(callingCode)) {
      // "1 555 123 4567": the library tries the number both with and without its calling code.
      if (callingCode !== '1' || !(country === 'US' || country === 'CA') || !TEN_DIGITS.test(digits.slice(1))) return undefined;
      national = digits.slice(1);
    } else {
      national = nationalOf(digits, plan);
    }
    found = countryOf(callingCode, national) ?? country;
  }
  if (national.length < 2 || national.length > 17) return undefined;
  // The library's own class, built as its parser builds it (its typings list only the E.164 form).
  const number = new (PhoneNumber as unknown as new (callingCode: string, national: string, metadata: MetadataJson) => PhoneNumber)(callingCode, national, json);
  if (found) number.country = found as CountryCode;
  return number;
}
