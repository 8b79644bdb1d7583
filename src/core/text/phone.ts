import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js';
import type { Finding } from '../findings';
import { findDigitRuns, type DigitToken } from './digit-runs';
import { impossibleDigits, isGroupedIdRun, followsIdWord, markNotPhones } from './not-a-phone';
import { isValidPhone, parseKnownShape } from './phone-rules';
import { contextCountries, fallbackCountries, lengthFits, writtenAsIn } from './phone-country';

export interface PhoneOptions {
  /** Where the person lives: a hint for numbers written without a country code, never a requirement. */
  country?: CountryCode;
  /** Countries the draft suggests (its places, language, currency); read from `text` when absent. */
  hints?: CountryCode[];
}

/**
 * Numbers with no country code are tried as from this country after the person's own and
 * those the draft itself suggests, so a draft is never left unchecked for want of a setting.
 */
export const FALLBACK_COUNTRY: CountryCode = 'US';

const MIN_DIGITS = 7;
const MAX_DIGITS = 15;

/** Links and fields that always hold a number with its country code, without the "+". */
const INTERNATIONAL_BEFORE = /(?:wa\.me\/|[?&]phone=|viber:\/\/chat\?number=)$/i;

/** A number written as phone numbers plainly are, "555 123 4567" or "(555) 123-4567". */
const PLAIN_NANP = /^(?:\+?1[\s.-]?)?(?:\([2-9]\d{2}\)|[2-9]\d{2})[\s.-]?\d{3}[\s.-]?\d{4}$/;

/**
 * Phone numbers in every form ads use: plain, split by symbols and line breaks, spelled in
 * words (English, Spanish, Russian, Chinese), with letters for digits, emoji and other Unicode
 * digits, invisible characters between digits, glued to words; validated by libphonenumber-js.
 */
export function findPhones(text: string, options: PhoneOptions = {}): Finding[] {
  const runs = findDigitRuns(text).filter((run) => run.length >= MIN_DIGITS);
  if (runs.length === 0) return [];
  const hints = options.hints ?? contextCountries(text);
  const primary = [...new Set([options.country, ...hints, FALLBACK_COUNTRY])].filter(
    (country): country is CountryCode => country !== undefined,
  );
  const findings: Finding[] = [];
  for (const { tokens } of runs) {
    if (isGroupedIdRun(tokens)) continue;
    const taken = new Array<boolean>(tokens.length).fill(false);
    markNotPhones(text, tokens, taken);
    for (const useFallback of [false, true]) {
      const search: RunSearch = { text, tokens, taken, primary, useFallback };
      let start = 0;
      while (start < tokens.length) {
        const match = taken[start] ? undefined : bestMatchFrom(search, start);
        if (!match) {
          start++;
          continue;
        }
        findings.push(match.finding);
        taken.fill(true, match.start, match.end);
        start = match.end;
      }
    }
  }
  return findings.sort((a, b) => a.start! - b.start!);
}

/** One digit run being searched: its tokens, those already part of a number, how to read them. */
interface RunSearch {
  text: string;
  tokens: DigitToken[];
  taken: boolean[];
  /** The person's country, the draft's countries, then the US. */
  primary: CountryCode[];
  /** Second pass: also the countries a number's shape alone suggests. */
  useFallback: boolean;
}

interface Match {
  finding: Finding;
  /** Token indexes [start, end). */
  start: number;
  end: number;
}

/**
 * The number that starts at token `start`, or a little after it when that one reaches further:
 * in "2hrs 500. 773 555 0126" the price's digits must not swallow the number's first ones.
 */
function bestMatchFrom(search: RunSearch, start: number): Match | undefined {
  const match = longestMatch(search, start);
  if (!match || match.end === search.tokens.length) return match;
  const { text, tokens } = search;
  for (let later = start + 1; later < Math.min(match.end, start + 3); later++) {
    // Only past a break in the sentence ("500. 773…", "2 hrs, 702…"): elsewhere the groups belong together.
    if (!/[.,;!?\n]\s/.test(text.slice(tokens[later - 1]!.end, tokens[later]!.start + 1))) continue;
    const other = longestMatch(search, later, match.end + 1);
    if (other && other.end > match.end) return other;
  }
  return match;
}

/**
 * The longest phone number made of whole digit groups from token `start` on, ending at token
 * `minEnd` or later (a number that ends sooner is of no use to the caller).
 */
function longestMatch(
  { text, tokens, taken, primary, useFallback }: RunSearch,
  start: number,
  minEnd = start + 1,
): Match | undefined {
  const first = tokens[start]!;
  let end = start;
  let all = '';
  while (end < tokens.length && !taken[end] && all.length + tokens[end]!.digits.length <= MAX_DIGITS) {
    all += tokens[end]!.digits;
    end++;
  }
  if (all.length < MIN_DIGITS) return undefined;
  const plus = first.plus || INTERNATIONAL_BEFORE.test(text.slice(Math.max(0, first.start - 24), first.start));
  for (let length = all.length; end >= minEnd && length >= MIN_DIGITS; length -= tokens[--end]!.digits.length) {
    const group = tokens.slice(start, end);
    if (impossibleDigits(text, group)) continue;
    const [from, to] = withBrackets(text, first.start, tokens[end - 1]!.end);
    const value = text.slice(from, to);
    const number = readNumber(all.slice(0, length), plus, value, primary, useFallback);
    if (!number) continue;
    // Checked last, as it is rarely true: an order or account number shaped like a phone number.
    if (followsIdWord(text, first.start)) return undefined;
    const finding: Finding = {
      kind: 'phone',
      severity: 'high',
      value,
      normalized: number.number,
      start: from,
      end: to,
      reason: 'reasonPhone',
      fix: { action: 'remove' },
    };
    return { finding, start, end };
  }
  return undefined;
}

/** "(555) 123-4567": the opening bracket belongs to the number, so removing it leaves no stray "(". */
function withBrackets(text: string, start: number, end: number): [number, number] {
  const inside = text.slice(start, end);
  if (text[start - 1] === '(' && inside.split(')').length > inside.split('(').length) return [start - 1, end];
  if (text[end] === ')' && text.slice(start - 1, start) !== '(' && inside.split('(').length > inside.split(')').length) {
    return [start, end + 1];
  }
  return [start, end];
}

function readNumber(
  digits: string,
  plus: boolean,
  written: string,
  primary: CountryCode[],
  useFallback: boolean,
): PhoneNumber | undefined {
  if (plus) return valid(`+${digits}`) ?? (PLAIN_NANP.test(written) ? possible(`+${digits}`) : undefined);
  // Dialled from abroad: 00 in most of the world, 011 from North America.
  const exit = digits.startsWith('00') ? 2 : digits.startsWith('011') ? 3 : 0;
  if (exit) {
    const international = valid(`+${digits.slice(exit)}`);
    if (international) return international;
  }
  if (!useFallback) {
    for (const country of primary) {
      if (!writtenAsIn(digits, country)) continue;
      const number = valid(digits, country);
      if (number) return number;
    }
    // A plainly written North American number whose area code is new or unknown to the metadata.
    if (primary.includes('US') && PLAIN_NANP.test(written)) return possible(digits, 'US');
    return undefined;
  }
  for (const country of fallbackCountries(digits)) {
    if (primary.includes(country)) continue;
    const number = valid(digits, country);
    if (number) return number;
  }
  // A country code written without its "+" ("44 7911 123456"), not one long run like an IMEI.
  return digits.length >= 11 && digits.length <= 13 && !/^\d+$/.test(written) ? valid(`+${digits}`) : undefined;
}

/**
 * Parsing and validating is most of the finder's time, and drafts repeat their numbers (and are
 * re-scanned as the person types), so answers are kept, a bounded number of them.
 */
const answers = new Map<string, PhoneNumber | null>();
const MAX_ANSWERS = 4096;

/** For benchmarks that must time the finder without answers kept from an earlier run. */
export function forgetPhoneAnswers(): void {
  answers.clear();
}

function valid(digits: string, country?: CountryCode): PhoneNumber | undefined {
  return check(digits, country, true);
}

function possible(digits: string, country?: CountryCode): PhoneNumber | undefined {
  return check(digits, country, false);
}

/**
 * A number written plainly after an app or payment service's name ("whatsapp +44 7911…"), read
 * leniently (possible, not only valid) and from the answers the phone finder already has.
 * `digits`: digits only, with a leading "+" when the number carries its country code.
 */
export function possiblePhone(digits: string, country: CountryCode): PhoneNumber | undefined {
  const from = digits.startsWith('+') ? undefined : country;
  return valid(digits, from) ?? possible(digits, from);
}

function check(digits: string, country: CountryCode | undefined, mustBeValid: boolean): PhoneNumber | undefined {
  // Most candidates have a digit count the country never uses: say no before parsing.
  if (country && !lengthFits(digits, country)) return undefined;
  const key = `${mustBeValid ? 'v' : 'p'}${country ?? ''}${digits}`;
  let answer = answers.get(key);
  if (answer === undefined) {
    const number = parseKnownShape(digits, country) ?? parsePhoneNumberFromString(digits, { defaultCountry: country, extract: false });
    // isPossible only counts digits: a cheap no before the costly full check.
    answer = number && number.isPossible() && (!mustBeValid || isValidPhone(number)) ? number : null;
    if (answers.size >= MAX_ANSWERS) answers.delete(answers.keys().next().value!);
    answers.set(key, answer);
  }
  return answer ?? undefined;
}
