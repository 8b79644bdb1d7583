import type { Finding } from '../findings';
import {
  CAPITAL_SUFFIXES,
  COMPOUND_ENDINGS,
  NOT_STREET_NAMES,
  PLAIN_SUFFIXES,
  ROMANCE_PARTICLES,
  ROMANCE_TYPES,
  RUSSIAN_TYPES,
  SEPARATE_GERMANIC,
} from './shared-address-words';
import { hintCandidates } from './shared-address-hints';
import { makeFinding, scan, withoutOverlaps, type Candidate } from './shared-findings';
import { platformWord } from './shared-social-words';

const HS = String.raw`[ \t]`;
const CAP = String.raw`\p{Lu}[\p{L}'’\-]*`;
const WORD = String.raw`\p{L}[\p{L}'’\-]*`;
const ORDINAL = String.raw`\d{1,3}(?:st|nd|rd|th)`;
/** A house number stands alone: not a price, a time, part of a phone number or a longer number. */
const BEFORE_NUMBER = String.raw`(?<![\p{L}\p{N}$£€¥.,:/\-+#*])`;
const AFTER_NUMBER = String.raw`(?![\p{L}\p{N}]|[ \t.\-/:]?\d)`;

/** "street|st" → "street|Street|STREET|st|St|ST": regexes here stay case-sensitive, so capitals keep their meaning. */
export function anyCase(alternation: string): string {
  return alternation
    .split('|')
    .flatMap((word) => [word, word.charAt(0).toUpperCase() + word.slice(1), word.toUpperCase()])
    .filter((word, i, all) => all.indexOf(word) === i)
    .join('|');
}

const SUFFIX = `${anyCase(PLAIN_SUFFIXES)}|${CAPITAL_SUFFIXES}`;
const DIRECTION = String.raw`(?:N|S|E|W|NE|NW|SE|SW)\.?`;
const UNIT = String.raw`(?:,?${HS}{0,2}(?:Apt|APT|apt|Apartment|apartment|Unit|unit|Suite|suite|Ste|Flat|flat|#)\.?${HS}{0,2}#?[A-Za-z0-9\-]{1,6}(?![\p{L}\p{N}]))?`;

/** "123 Main St", "1600 Pennsylvania Avenue NW", "42 elm road apt 3". */
const NUMBER_FIRST = new RegExp(
  String.raw`${BEFORE_NUMBER}(\d{1,5}[A-Za-z]?(?:[\-/]\d{1,5}[A-Za-z]?)?)((?:${HS}{1,3}(?:${WORD}|${ORDINAL})){1,4}?)${HS}{1,3}(${SUFFIX})\.?(?![\p{L}\p{N}])(?:${HS}{1,2}${DIRECTION}(?![\p{L}\p{N}]))?${UNIT}`,
  'gu',
);

/** "Baker Street 221b": the number after the street, as in much of Europe. */
const NUMBER_AFTER = new RegExp(
  String.raw`(?<![\p{L}\p{N}])((?:${CAP}${HS}{1,3}){1,3})(${CAPITAL_SUFFIXES})\.?${HS}{1,3}(\d{1,4}[a-zA-Z]?)${AFTER_NUMBER}`,
  'gu',
);

/** "Hauptstraße 5", "Kerkstraat 12", "Drottninggatan 5", "Berliner Straße 12". */
const GERMANIC = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:\p{Lu}\p{Ll}{2,}(?:${COMPOUND_ENDINGS})|${CAP}${HS}{1,2}(?:${SEPARATE_GERMANIC}))${HS}{0,2}(\d{1,4}[a-zA-Z]?)${AFTER_NUMBER}`,
  'gu',
);

const PARTICLE = `(?:${ROMANCE_PARTICLES})${HS}{1,2}|d'|d’|l'|l’`;
const ROMANCE_NAME = String.raw`(?:${PARTICLE})?(?:${CAP}|${ORDINAL})(?:${HS}{1,2}(?:${PARTICLE})?(?:${CAP}|${ORDINAL})){0,3}`;
/** "Calle de Alcalá 45", "12 rue de Rivoli", "Via Roma 10", "Av. Paulista, 1000", "C/ Mayor nº 3". */
const ROMANCE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(\d{1,4}(?:${HS}?(?:bis|ter))?),?${HS}{1,2})?(${anyCase(ROMANCE_TYPES)})${HS}{1,2}(${ROMANCE_NAME})(?:${HS}{0,2},?${HS}{0,2}(?:n[º°o]\.?|No\.?|no\.?|núm\.?|nr\.?|#)?${HS}{0,2}(\d{1,4}[a-zA-Z]?(?:${HS}?(?:bis|ter))?)${AFTER_NUMBER})?`,
  'gu',
);

/** "Carrera 43A #1-50", "Calle 10 # 5-20": Colombian addresses name the crossing street's number. */
const COLOMBIAN = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:Carrera|Cra\.?|Cr\.?|Kr\.?|Calle|Cl\.?|Avenida|Av\.?|Diagonal|Dg\.?|Transversal|Tv\.?)${HS}{0,2}\d{1,3}${HS}?[A-Z]?(?:${HS}?[Bb]is)?${HS}{0,2}(?:#|No\.?|N[º°o]\.?)${HS}{0,2}\d{1,3}${HS}?[A-Z]?${HS}?-${HS}?\d{1,3}(?![\p{N}])`,
  'gu',
);

/** "ул. Ленина, д. 5", "проспект Мира 10, кв. 3". */
const RUSSIAN = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${anyCase(RUSSIAN_TYPES)})${HS}{0,2}(?:\p{Lu}[\p{L}\-]*|\d{1,2}-?(?:я|й|го|ая|ый))(?:${HS}{1,2}\p{Lu}[\p{L}\-]*){0,2},?${HS}{0,2}(?:(?:д\.|дом)${HS}{0,2})?\d{1,4}[а-яa-z]?(?:${HS}{0,2}[/к]${HS}{0,2}\d{1,3})?(?![\p{L}\p{N}])(?:,?${HS}{0,2}(?:кв\.|квартира|корп\.|корпус|стр\.|под\.|подъезд|эт\.|этаж)${HS}{0,2}\d{1,4})*`,
  'gu',
);

const HAN_NUMBER = String.raw`[\d０-９一二三四五六七八九十百零〇]{1,5}`;
/** "建国路88号", "人民大街5号3栋", "阳光小区3栋". */
const CHINESE = new RegExp(
  String.raw`(?:\p{Script=Han}{1,5}?(?:省|市|区|县|镇|乡))*\p{Script=Han}{1,6}(?:(?:路|街|大街|大道|巷|弄|胡同|里)${HS}{0,2}${HAN_NUMBER}${HS}{0,2}号|(?:小区|花园|公寓|大厦|新村|苑)${HS}{0,2}${HAN_NUMBER}${HS}{0,2}(?:号楼|栋|幢|单元|座))(?:${HS}{0,2}${HAN_NUMBER}${HS}{0,2}(?:号楼|栋|幢|单元|楼|室|层))*`,
  'gu',
);

const UK_POSTCODE = String.raw`[A-Z]{1,2}\d[A-Z\d]?${HS}?\d[A-Z]{2}(?![\p{L}\p{N}])`;
const PLACE = String.raw`(?:${CAP}${HS}{1,2}){0,2}${CAP}`;
/** What may follow a street: ", Springfield, IL 62704", ", London E1 6AN", ", 28014 Madrid". */
const TAIL = new RegExp(
  String.raw`(?:,?${HS}{0,2}(?:${PLACE},?${HS}{0,2})?(?:(?:[A-Z]{2,3}${HS}{1,2})?\d{4,5}(?:-\d{4})?(?!\d)|${UK_POSTCODE})|,?${HS}{0,2}\d{4,5}${HS}{1,2}${PLACE})`,
  'uy',
);
/** What may come before it: "Flat 3, ", "Apt 2B ", "Unit " (of "Unit 5/22 Smith Street"). */
const HEAD = new RegExp(String.raw`(?:Flat|Apt|Apartment|Unit|Suite)\.?${HS}{0,2}(?:\d{1,4}[A-Za-z]?,?${HS}{1,2})?$`, 'u');

function notStreetWords(words: string): boolean {
  return words
    .trim()
    .split(/[ \t]+/)
    .some((word) => NOT_STREET_NAMES.has(word.toLowerCase()) || platformWord(word) !== undefined);
}

function numberFirst(text: string): Candidate[] {
  const plain = new Set(anyCase(PLAIN_SUFFIXES).split('|'));
  return scan(NUMBER_FIRST, text, (m) => {
    const names = m[2]!;
    if (notStreetWords(names)) return null;
    // "2 big rooms close": a street type that is also a plain word needs the name in capitals.
    const capitalsOnly = !plain.has(m[3]!);
    if (capitalsOnly && names.trim().split(/[ \t]+/).some((word) => !/^(?:\p{Lu}|\d)/u.test(word))) return null;
    return [span(m.index, m.index + m[0].length)];
  });
}

function numberAfter(text: string): Candidate[] {
  return scan(NUMBER_AFTER, text, (m) => {
    if (notStreetWords(m[1]!)) return null;
    const next = /^[ \t]+(\p{L}+)/u.exec(text.slice(m.index + m[0].length))?.[1];
    if (next && NOT_STREET_NAMES.has(next.toLowerCase())) return null;
    return [span(m.index, m.index + m[0].length)];
  });
}

function romance(text: string): Candidate[] {
  return scan(ROMANCE, text, (m) => {
    // A street type and a name are only a street in general: a house number makes it someone's door.
    if (m[1] === undefined && m[4] === undefined) return null;
    if (notStreetWords(m[3]!.replace(/\b(?:de|del|la|le|les|des|du|di|da|do|dos|das|y|e)\b/g, ''))) return null;
    return [span(m.index, m.index + m[0].length)];
  });
}

function simple(pattern: RegExp, text: string): Candidate[] {
  return scan(pattern, text, (m) => [span(m.index, m.index + m[0].length)]);
}

function span(start: number, end: number): Candidate {
  return { start, end, normalized: '' };
}

/** Grows a street address over the city, postcode or flat number written around it. */
function extend(text: string, candidate: Candidate): Candidate {
  let { start, end } = candidate;
  TAIL.lastIndex = end;
  const tail = TAIL.exec(text);
  if (tail) end += tail[0].length;
  const head = HEAD.exec(text.slice(Math.max(0, start - 24), start));
  if (head) start -= head[0].length;
  return { start, end, normalized: text.slice(start, end).replace(/\s+/g, ' ').trim().toLowerCase() };
}

/** Street addresses as candidates; normalized is the address text, spaces tidied and lower-cased. */
export function addressCandidates(text: string): Candidate[] {
  const streets = [
    ...numberFirst(text),
    ...numberAfter(text),
    ...simple(GERMANIC, text),
    ...romance(text),
    ...simple(RUSSIAN, text),
    ...simple(CHINESE, text),
    ...simple(COLOMBIAN, text),
  ].map((candidate) => extend(text, candidate));
  return withoutOverlaps([...streets, ...hintCandidates(text)]);
}

/**
 * Street addresses ("123 Main St", "Calle de Alcalá 45", "ул. Ленина, д. 5") and hints at where
 * someone lives or works ("I live above the bakery on Elm Street"). A best guess, and the reason
 * says so: a street named alone, an incall area or a city is not reported (ads name those on purpose).
 */
export function findAddresses(text: string): Finding[] {
  return addressCandidates(text).map((candidate) => makeFinding(text, 'address', 'medium', 'reasonAddress', candidate));
}
