import type { CountryCode } from 'libphonenumber-js';

/**
 * Which countries a number written without its country code most likely belongs to, read from
 * the draft itself: its script, its currency signs, a few very common words. The person's own
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

/** A few frequent words, enough to tell a Spanish, Portuguese, French, German or Italian ad. */
const LANGUAGES: [RegExp, CountryCode[]][] = [
  [/\b(?:hola|besos|llama(?:me)?|escr[ií]beme|mensaje|chica|cita|soy|para|con|tengo|aqu[ií])\b/i, ['MX', 'ES', 'AR', 'CO', 'CL', 'PE', 'VE']],
  [/\b(?:ol[áa]|beijos?|liga|chama|sou|para|com|voc[êe]|atendo)\b/i, ['BR', 'PT']],
  [/\b(?:bonjour|bisous|appelle[zr]?|je suis|avec|pour|merci)\b/i, ['FR', 'BE', 'CH', 'CA']],
  [/\b(?:hallo|ich bin|mit|f[üu]r|und|anrufen|k[üu]sse)\b/i, ['DE', 'AT', 'CH']],
  [/\b(?:ciao|sono|chiamami|baci|con|per)\b/i, ['IT']],
];

export function contextCountries(text: string): CountryCode[] {
  // Only the start matters for language; it keeps this cheap on a long draft.
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  const found: CountryCode[] = [];
  for (const [pattern, countries] of [...SCRIPTS, ...CURRENCIES, ...LANGUAGES]) {
    if (pattern.test(sample)) found.push(...countries);
  }
  return [...new Set(found)];
}

/**
 * Countries tried last, each only for numbers of the shape it uses, so that dates, order
 * numbers and measurements are not read as some country's phone number.
 */
export function fallbackCountries(digits: string): CountryCode[] {
  if (digits.startsWith('0')) {
    return ['GB', 'AU', 'DE', 'FR', 'IT', 'NL', 'BE', 'IE', 'NZ', 'ZA', 'NG', 'PH', 'TH', 'IN', 'JP', 'KR', 'TR', 'AR', 'BR', 'UA', 'PK', 'ID', 'MY', 'AT', 'CH', 'SE'];
  }
  const length = digits.length;
  if (length === 11 && digits.startsWith('8')) return ['RU', 'KZ', 'BY'];
  if (length === 11 && /^1[3-9]/.test(digits)) return ['CN'];
  if (length === 10 && /^[6-9]/.test(digits)) return ['IN', 'MX'];
  if (length === 10) return ['MX'];
  if (length === 9 && /^[679]/.test(digits)) return ['ES'];
  return [];
}
