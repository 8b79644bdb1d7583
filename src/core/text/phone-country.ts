import type { CountryCode } from 'libphonenumber-js';
import { numberingOf } from './phone-rules';
import { countriesOfPlaces } from './place-names';

/**
 * Which countries a number written without its country code may belong to: read from the draft
 * itself (its places, script, currency signs, a few very common words), and from how each
 * country writes its local numbers (a leading 0, the lengths its numbers have). The person's own
 * country (a setting) comes first; this only helps when there is none, or the number is foreign.
 */

const SCRIPTS: [RegExp, CountryCode[]][] = [
  [/\p{Script=Cyrillic}/u, ['RU', 'UA', 'BY', 'KZ']],
  [/[\p{Script=Han}]/u, ['CN', 'TW', 'HK', 'SG']],
  [/\p{Script=Thai}/u, ['TH']],
  [/\p{Script=Devanagari}/u, ['IN']],
  [/\p{Script=Hangul}/u, ['KR']],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, ['JP']],
  [/\p{Script=Greek}/u, ['GR', 'CY']],
  [/\p{Script=Hebrew}/u, ['IL']],
  [/\p{Script=Arabic}/u, ['AE', 'SA', 'EG', 'MA']],
];

const CURRENCIES: [RegExp, CountryCode[]][] = [
  [/£|\bGBP\b/, ['GB']],
  [/€|\bEUR\b/, ['DE', 'FR', 'ES', 'IT', 'NL', 'IE', 'BE', 'AT', 'PT']],
  [/₹|\bINR\b|\bRs\.?\s?\d/, ['IN']],
  [/₽|\bруб/u, ['RU']],
  [/R\$|\bBRL\b|\breais\b/, ['BR']],
  [/₱|\bPHP\b/, ['PH']],
  [/฿|\bbaht\b/i, ['TH']],
  [/₦|\bnaira\b/i, ['NG']],
  [/\bA\$|\bAUD\b/, ['AU']],
  [/\bC\$|\bCAD\b/, ['CA']],
  [/\bMXN\b|\bpesos\b/i, ['MX', 'AR', 'CO', 'CL']],
  [/¥|元/, ['CN', 'JP']],
];

/**
 * Frequent words of the languages ads are written in, and the countries each points to, most
 * likely first. A language counts when at least two of its words appear (one is often a loan).
 */
const LANGUAGES: [Set<string>, CountryCode[]][] = [
  [words('de la que el en los del se las por un para con una su al lo como más pero sin muy hola besos llámame llamame escríbeme escribeme escribime mensaje mensajes chica cita solo atiendo servicio domicilio contacto novia trato depto prepago soy tengo aquí estoy'), ['MX', 'ES', 'CO', 'AR', 'CL', 'PE', 'VE', 'EC']],
  [words('de que não com para uma os no na por mais sou atendo beijos liga chama você aqui local gata'), ['BR', 'PT']],
  [words('je suis avec pour les des une dans sur pas bisous appelle appelez nouvelle uniquement discrète discret merci chez'), ['FR', 'BE', 'CH', 'CA']],
  [words('ich bin mit für und der die das nicht küsse anrufen diskret neu hier'), ['DE', 'AT', 'CH']],
  [words('sono con per una il della nuova ragazza solo chiamami baci anche qui'), ['IT', 'CH']],
  [words('ik ben met voor een het privé ontvangst bel aan huis niet nieuw'), ['NL', 'BE']],
  [words('jestem dla nie się dyskretnie zadzwoń zapraszam nowa tylko'), ['PL']],
  [words('ve bir için ben ara arayın yeni sadece'), ['TR']],
];

function words(list: string): Set<string> {
  return new Set(list.split(' '));
}

/** Words as place names are written: letters, marks and hyphens (Sea-Point, Saint-Denis). */
const WORD = /[\p{L}\p{M}-]+/gu;
const NON_ASCII = /[^\u0000-\u007f]/;

function countriesOfLanguage(words: readonly string[]): CountryCode[] {
  const seen = new Set(words);
  const scored: { countries: CountryCode[]; hits: number }[] = [];
  for (const [vocabulary, countries] of LANGUAGES) {
    let hits = 0;
    for (const word of vocabulary) if (seen.has(word)) hits++;
    if (hits >= 2) scored.push({ countries, hits });
  }
  return scored.sort((a, b) => b.hits - a.hits).flatMap(({ countries }) => countries);
}

const MAX_CONTEXT_COUNTRIES = 8;
/** Ads say where they are and in what language near their start. */
const SAMPLE_CHARS = 2000;

export function contextCountries(text: string): CountryCode[] {
  // The start of a draft says enough, and keeps this cheap on a long one.
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const words = sample.toLowerCase().match(WORD) ?? [];
  const found: CountryCode[] = countriesOfPlaces(sample, words);
  const scripts = NON_ASCII.test(sample) ? SCRIPTS : [];
  for (const [pattern, countries] of [...scripts, ...CURRENCIES]) {
    if (pattern.test(sample)) found.push(...countries);
  }
  found.push(...countriesOfLanguage(words));
  // The first few clues are the strong ones; trying dozens of countries per number costs time
  // and, for a draft that names many places, mostly finds the wrong one.
  return [...new Set(found)].slice(0, MAX_CONTEXT_COUNTRIES);
}

/**
 * Countries tried last, each only for numbers of the shape it uses, so that dates, order
 * numbers and measurements are not read as some country's phone number.
 */
export function fallbackCountries(digits: string): CountryCode[] {
  if (digits.startsWith('0')) {
    // Countries whose numbering is strict first: Germany and Austria accept almost any length.
    return ['GB', 'AU', 'FR', 'IE', 'ZA', 'NG', 'PH', 'IN', 'TH', 'NL', 'BE', 'IT', 'NZ', 'JP', 'KR', 'TR', 'AR', 'BR', 'UA', 'PK', 'ID', 'MY', 'CH', 'SE', 'DE', 'AT'];
  }
  const length = digits.length;
  if (length === 11 && digits.startsWith('8')) return ['RU', 'KZ', 'BY'];
  if (length === 11 && /^1[3-9]/.test(digits)) return ['CN'];
  if (length === 10 && /^[6-9]/.test(digits)) return ['IN', 'MX'];
  if (length === 10) return ['MX'];
  if (length === 9 && /^[679]/.test(digits)) return ['ES'];
  return [];
}

/**
 * Countries where a number without its country code is always written with its leading 0
 * ("030 1234567", "07911 123456"). Without it, digits there are a postcode or a house number,
 * never a phone number, however many lengths the country's numbering allows.
 */
const TRUNK_ZERO = new Set<CountryCode>([
  'DE', 'AT', 'CH', 'GB', 'FR', 'NL', 'BE', 'AU', 'IE', 'NZ', 'ZA', 'NG', 'KE', 'GH',
  'PH', 'TH', 'JP', 'KR', 'UA', 'PK', 'ID', 'MY', 'SE', 'AE', 'SA', 'EG', 'TR', 'IL',
]);

/**
 * How people in some countries write a local number without its country code, beyond the
 * leading 0: a number of another shape is not from there, so it is not even tried.
 */
const LOCAL_SHAPES: Partial<Record<CountryCode, RegExp>> = {
  RU: /^(?:8\d{10}|9\d{9})$/,
  KZ: /^(?:8\d{10}|7\d{9})$/,
  BY: /^(?:80\d{9})$/,
  CN: /^(?:0\d{9,11}|1[3-9]\d{9})$/,
  IN: /^(?:0\d{10}|[6-9]\d{9})$/,
  CO: /^(?:3\d{9}|60\d{8})$/,
  US: /^1?[2-9]\d{9}$/,
  CA: /^1?[2-9]\d{9}$/,
};

export function writtenAsIn(digits: string, country: CountryCode): boolean {
  if (TRUNK_ZERO.has(country)) return digits.startsWith('0');
  return LOCAL_SHAPES[country]?.test(digits) ?? true;
}

/** Countries whose mobile numbers may carry a carrier or mobile code of their own ("11 15-…", "044 55…"). */
const CARRIER_CODES = new Set<CountryCode>(['AR', 'BR', 'CO', 'MX']);

/** The digit count fits the country's numbers, with or without its trunk prefix (or a carrier code). */
export function lengthFits(digits: string, country: CountryCode): boolean {
  const { lengths = [], trunkPrefix } = numberingOf(country);
  const length = digits.length;
  if (lengths.includes(length)) return true;
  const afterPrefix = trunkPrefix && digits.startsWith(trunkPrefix) ? length - trunkPrefix.length : length;
  if (lengths.includes(afterPrefix)) return true;
  return CARRIER_CODES.has(country) && (lengths.includes(afterPrefix - 2) || lengths.includes(afterPrefix - 3));
}
