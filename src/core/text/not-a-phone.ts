import type { DigitToken } from './digit-runs';

/**
 * Digits that look like a phone number to a validator but are something else: dates, times,
 * measurements, prices in a list, account, parcel and ID numbers. Ads are full of them, and a
 * false alarm on every rate card would teach people to ignore Parasol.
 */

/**
 * Words that name an ID, an account or a parcel number. A number after one of them, in the
 * same sentence, is not a phone number, however it is shaped.
 */
const ID_WORDS =
  /(?:^|[^\p{L}])(?:id|ref|order|invoice|inv|tracking|ticket|account|acct|card|iban|isbn|issn|ssn|imei|usps|ups|fedex|dhl|zip|postcode|sku|item|serial|reference|confirmation|membership|member|policy|passport|licen[cs]e|vin|dni|nif|cpf|rut|ean|upc|pedido|factura|заказ|счёт|счет|订单号?|编号)(?:$|[^\p{L}])|#|№/iu;
/** Words that say the number after them is a phone number after all. */
const PHONE_WORDS = /\b(?:call|text|txt|phone|tel|cell|mobile|whatsapp|wa|sms|ring|number|llama|tel[eé]fono|звони|телефон|电话)\b/iu;
const SENTENCE_END = /[.!?\n;]\s/g;

/** True when the number at `start` follows an ID word in the same sentence (and no phone word after it). */
export function followsIdWord(text: string, start: number): boolean {
  let before = text.slice(Math.max(0, start - 32), start);
  let lastEnd = -1;
  for (const match of before.matchAll(SENTENCE_END)) lastEnd = match.index! + match[0].length;
  if (lastEnd >= 0) before = before.slice(lastEnd);
  if (!ID_WORDS.test(before)) return false;
  const id = before.search(ID_WORDS);
  return !PHONE_WORDS.test(before.slice(id));
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|ene|abr|ago|dic)[a-z]*\\.?';
/** "June 24, " or "24 June " just before a year. */
const BEFORE_YEAR = new RegExp(`(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?|\\b\\d{1,2}\\s+${MONTH})\\s+$`, 'i');
const YEAR = /^(?:19|20)\d{2}$/;
const DATE_SEPARATORS = new Set(['.', '/', '-']);
const MEASURE_MARKS = new Set(['"', "'", '″', '′', '”']);

/**
 * Marks the tokens that stand inside a date (03/04/2026, 2025-11-22, June 24, 2016), a time
 * (18:30), a US social security number (078-05-1120) or a measurement (23", 5'6).
 * Decided on the digit groups and the one character between them, so it costs next to nothing.
 */
export function markNotPhones(text: string, tokens: DigitToken[], taken: boolean[]): void {
  const between = (i: number) => (tokens[i]!.end + 1 === tokens[i + 1]?.start ? text[tokens[i]!.end] : undefined);
  const length = (i: number) => tokens[i]?.digits.length ?? 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (MEASURE_MARKS.has(text[token.end] ?? '')) taken[i] = true;
    if (between(i) === ':' && length(i) <= 2 && length(i + 1) === 2) {
      taken[i] = taken[i + 1] = true;
      if (between(i + 1) === ':' && length(i + 2) === 2) taken[i + 2] = true;
    }
    const separator = between(i);
    if (separator && DATE_SEPARATORS.has(separator) && between(i + 1) === separator) {
      const [a, b, c] = [tokens[i]!.digits, tokens[i + 1]!.digits, tokens[i + 2]!.digits];
      const dayMonthYear = a.length <= 2 && b.length <= 2 && YEAR.test(c);
      const yearMonthDay = YEAR.test(a) && b.length <= 2 && c.length <= 2;
      const socialSecurity = separator === '-' && a.length === 3 && b.length === 2 && c.length === 4;
      if (dayMonthYear || yearMonthDay || socialSecurity) taken[i] = taken[i + 1] = taken[i + 2] = true;
    }
    // 11/22 alone: a month and day (a run of slashed pairs is a disguised number instead).
    if (separator === '/' && between(i + 1) !== '/' && (i === 0 || between(i - 1) !== '/')) {
      const [a, b] = [Number(tokens[i]!.digits), Number(tokens[i + 1]!.digits)];
      if (length(i) <= 2 && length(i + 1) <= 2 && a >= 1 && b >= 1 && a <= 31 && b <= 31 && Math.min(a, b) <= 12) {
        taken[i] = taken[i + 1] = true;
      }
    }
    if (YEAR.test(token.digits) && BEFORE_YEAR.test(text.slice(Math.max(0, token.start - 16), token.start))) {
      taken[i] = true;
      if (i > 0 && tokens[i - 1]!.end > token.start - 16) taken[i - 1] = true;
    }
  }
}

/** Whole runs that are a card, parcel or account number written in groups: never a phone. */
export function isGroupedIdRun(tokens: DigitToken[]): boolean {
  const length = tokens.reduce((sum, token) => sum + token.digits.length, 0);
  if (length <= 15) return false;
  const fours = tokens.filter((token) => token.digits.length === 4).length;
  return fours >= 3 && fours >= tokens.length - 1;
}

/**
 * A candidate's digits that no phone number has: a list of round prices ("150/250/400/1000"),
 * or a number starting with three zeros.
 */
export function impossibleDigits(text: string, tokens: DigitToken[]): boolean {
  const head = tokens[0]!.digits + (tokens[1]?.digits ?? '') + (tokens[2]?.digits ?? '');
  if (head.startsWith('000')) return true;
  if (tokens.length < 3 || !tokens.every((token) => token.digits.endsWith('0'))) return false;
  return text.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end).includes('/');
}
