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
const NOT_PHONE_SPANS = new RegExp(
  [
    // 03/04/2026, 22.11.2025, 2025-11-22, 2025/11/22
    '\\b\\d{1,2}([./-])\\d{1,2}\\1(?:19|20)\\d{2}\\b',
    '\\b(?:19|20)\\d{2}([./-])\\d{1,2}\\2\\d{1,2}\\b',
    // 18:30, 20:00–23:00, 08:15:42
    '\\b\\d{1,2}:\\d{2}(?::\\d{2})?\\b',
    // June 24, 2016
    `\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+(?:19|20)\\d{2}\\b`,
    // 24 June 2016
    `\\b\\d{1,2}\\s+${MONTH}\\s+(?:19|20)\\d{2}\\b`,
    // US social security number shape
    '\\b\\d{3}-\\d{2}-\\d{4}\\b',
  ].join('|'),
  'giu',
);

/** Marks the tokens that stand inside a date, a time or a measurement. */
export function markNotPhones(text: string, tokens: DigitToken[], taken: boolean[]): void {
  const from = tokens[0]!.start;
  const to = tokens[tokens.length - 1]!.end;
  const spans: [number, number][] = [];
  NOT_PHONE_SPANS.lastIndex = 0;
  const region = text.slice(Math.max(0, from - 20), Math.min(text.length, to + 20));
  const offset = Math.max(0, from - 20);
  for (const match of region.matchAll(NOT_PHONE_SPANS)) {
    spans.push([offset + match.index!, offset + match.index! + match[0].length]);
  }
  tokens.forEach((token, index) => {
    if (spans.some(([start, end]) => token.start < end && token.end > start)) taken[index] = true;
    // 23", 5'6, 81cm: a measurement (units in letters end the run already).
    else if (/^["'″′”]/.test(text.slice(token.end, token.end + 1))) taken[index] = true;
  });
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
  const digits = tokens.map((token) => token.digits).join('');
  if (digits.startsWith('000')) return true;
  if (tokens.length >= 3 && tokens.every((token) => token.digits.endsWith('0'))) {
    const written = text.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end);
    if (written.includes('/')) return true;
  }
  return false;
}
