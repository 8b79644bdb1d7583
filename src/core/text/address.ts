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
import { anchorHits, charTest, runStart, wordsBefore, wordStartsIn, wordTree } from './shared-anchors';
import { makeFinding, scan, scanAt, withoutOverlaps, type Candidate } from './shared-findings';
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
  'uy',
);

/** "Baker Street 221b": the number after the street, as in much of Europe. */
const NUMBER_AFTER = new RegExp(
  String.raw`(?<![\p{L}\p{N}])((?:${CAP}${HS}{1,3}){1,3})(${CAPITAL_SUFFIXES})\.?${HS}{1,3}(\d{1,4}[a-zA-Z]?)${AFTER_NUMBER}`,
  'uy',
);

/** "Hauptstraße 5", "Kerkstraat 12", "Drottninggatan 5", "Berliner Straße 12". */
const GERMANIC = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:\p{Lu}\p{Ll}{2,}(?:${COMPOUND_ENDINGS})|${CAP}${HS}{1,2}(?:${SEPARATE_GERMANIC}))${HS}{0,2}(\d{1,4}[a-zA-Z]?)${AFTER_NUMBER}`,
  'uy',
);

const PARTICLE = `(?:${ROMANCE_PARTICLES})${HS}{1,2}|d'|d’|l'|l’`;
const ROMANCE_NAME = String.raw`(?:${PARTICLE})?(?:${CAP}|${ORDINAL})(?:${HS}{1,2}(?:${PARTICLE})?(?:${CAP}|${ORDINAL})){0,3}`;
/** "Calle de Alcalá 45", "12 rue de Rivoli", "Via Roma 10", "Av. Paulista, 1000", "C/ Mayor nº 3". */
const ROMANCE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(\d{1,4}(?:${HS}?(?:bis|ter))?),?${HS}{1,2})?(${anyCase(ROMANCE_TYPES)})${HS}{1,2}(${ROMANCE_NAME})(?:${HS}{0,2},?${HS}{0,2}(?:n[º°o]\.?|No\.?|no\.?|núm\.?|nr\.?|#)?${HS}{0,2}(\d{1,4}[a-zA-Z]?(?:${HS}?(?:bis|ter))?)${AFTER_NUMBER})?`,
  'uy',
);

/** "Carrera 43A #1-50", "Calle 10 # 5-20": Colombian addresses name the crossing street's number. */
const COLOMBIAN = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:Carrera|Cra\.?|Cr\.?|Kr\.?|Calle|Cl\.?|Avenida|Av\.?|Diagonal|Dg\.?|Transversal|Tv\.?)${HS}{0,2}\d{1,3}${HS}?[A-Z]?(?:${HS}?[Bb]is)?${HS}{0,2}(?:#|No\.?|N[º°o]\.?)${HS}{0,2}\d{1,3}${HS}?[A-Z]?${HS}?-${HS}?\d{1,3}(?![\p{N}])`,
  'uy',
);

/** "ул. Ленина, д. 5", "проспект Мира 10, кв. 3". */
const RUSSIAN = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${anyCase(RUSSIAN_TYPES)})${HS}{0,2}(?:\p{Lu}[\p{L}\-]*|\d{1,2}-?(?:я|й|го|ая|ый))(?:${HS}{1,2}\p{Lu}[\p{L}\-]*){0,2},?${HS}{0,2}(?:(?:д\.|дом)${HS}{0,2})?\d{1,4}[а-яa-z]?(?:${HS}{0,2}[/к]${HS}{0,2}\d{1,3})?(?![\p{L}\p{N}])(?:,?${HS}{0,2}(?:кв\.|квартира|корп\.|корпус|стр\.|под\.|подъезд|эт\.|этаж)${HS}{0,2}\d{1,4})*`,
  'uy',
);

const HAN_NUMBER = String.raw`[\d０-９一二三四五六七八九十百零〇]{1,5}`;
/** "建国路88号", "人民大街5号3栋", "阳光小区3栋". */
const CHINESE = new RegExp(
  String.raw`(?:\p{Script=Han}{1,5}?(?:省|市|区|县|镇|乡))*\p{Script=Han}{1,6}(?:(?:路|街|大街|大道|巷|弄|胡同|里)${HS}{0,2}${HAN_NUMBER}${HS}{0,2}号|(?:小区|花园|公寓|大厦|新村|苑)${HS}{0,2}${HAN_NUMBER}${HS}{0,2}(?:号楼|栋|幢|单元|座))(?:${HS}{0,2}${HAN_NUMBER}${HS}{0,2}(?:号楼|栋|幢|单元|楼|室|层))*`,
  'gu',
);

/**
 * The words of a regex alternation such as ROMANCE_TYPES as plain text for wordTree(): "av\\."
 * as "av.", "p[º°]" as "pº" and "p°", and an optional last dot ("avda\\.?") left to the anchor.
 */
function plainWords(alternation: string): string[] {
  return alternation
    .split('|')
    .flatMap((word) => (word.includes('[º°]') ? [word.replace('[º°]', 'º'), word.replace('[º°]', '°')] : [word]))
    .map((word) => word.replace(/\\\.\?$/, '').replace(/\\\./g, '.'));
}

const isLetter = charTest(/\p{L}/u);
const isCapChar = charTest(/[\p{L}'’\-]/u);
const isHan = charTest(/\p{Script=Han}/u);
const SUFFIX_WORDS = SUFFIX.split('|');

/** A street type after a space: NUMBER_FIRST ends with one, 1 to 4 words after its number. */
const SUFFIX_ANCHOR = new RegExp(String.raw`[ \t]${wordTree(SUFFIX_WORDS, { caseless: true })}(?![A-Za-z0-9])`, 'gi');
/** A capitalised street type and a number: NUMBER_AFTER's, 1 to 3 capitalised words after its start. */
const NUMBER_AFTER_ANCHOR = new RegExp(String.raw`${wordTree(CAPITAL_SUFFIXES.split('|'))}\.?[ \t]{1,3}\d`, 'g');
const GERMANIC_ANCHOR = new RegExp(String.raw`${wordTree(plainWords(`${COMPOUND_ENDINGS}|${SEPARATE_GERMANIC}`))}[ \t]{0,2}\d`, 'g');
const ROMANCE_ANCHOR = new RegExp(String.raw`${wordTree(plainWords(ROMANCE_TYPES), { caseless: true })}\.?[ \t]`, 'gi');
const RUSSIAN_ANCHOR = new RegExp(`(?:${anyCase(RUSSIAN_TYPES)})`, 'g');
const COLOMBIAN_ANCHOR = /(?:Carrera|Cra|Cr|Kr|Calle|Cl|Avenida|Av|Diagonal|Dg|Transversal|Tv)/g;
/** CHINESE ends its street part with one of these and a number. */
const CHINESE_ANCHOR = /[路街道巷弄同里区园寓厦村苑][ \t]{0,2}[\d０-９一二三四五六七八九十百零〇]/g;
/** Everything a CHINESE match is made of; it has no lookaround, so a run of these can be scanned on its own. */
const isChinesePart = charTest(/[\p{Script=Han}\d０-９〇 \t]/u);

function numberFirstStarts(text: string): number[] | null {
  const starts: number[] = [];
  const types = anchorHits(SUFFIX_ANCHOR, text);
  if (types === null) return null;
  for (const blank of types) {
    // The number is the second to fifth word back from the street type, and ends its word.
    for (const [start, end] of wordsBefore(text, blank + 1, 5, 3).slice(1)) {
      wordStartsIn(text, Math.max(start, end - 13), end, starts, true);
    }
  }
  return starts;
}

function numberAfterStarts(text: string): number[] | null {
  const starts: number[] = [];
  const types = anchorHits(NUMBER_AFTER_ANCHOR, text);
  if (types === null) return null;
  for (const type of types) {
    for (const [start, end] of wordsBefore(text, type, 3, 3)) wordStartsIn(text, start, end, starts);
  }
  return starts;
}

function germanicStarts(text: string): number[] | null {
  const starts: number[] = [];
  const endings = anchorHits(GERMANIC_ANCHOR, text);
  if (endings === null) return null;
  for (const ending of endings) {
    // "Hauptstraße 5": the word the ending is part of.
    starts.push(runStart(text, ending, isLetter));
    // "Berliner Straße 12": the word before.
    for (let end = ending - 1; end >= ending - 2 && end > 0 && /[ \t]/.test(text[end]!); end--) {
      const from = runStart(text, end, isCapChar);
      for (let at = from; at < end; at++) if (at === from || /['’\-]/.test(text[at - 1]!)) starts.push(at);
    }
  }
  return starts;
}

function romanceStarts(text: string): number[] | null {
  const starts: number[] = [];
  const types = anchorHits(ROMANCE_ANCHOR, text);
  if (types === null) return null;
  for (const type of types) {
    starts.push(type);
    // "12 rue de Rivoli", "12 bis, rue …": a house number just before the street type.
    wordStartsIn(text, Math.max(0, type - 14), type, starts, true);
  }
  return starts;
}

/** CHINESE over each run of Chinese characters, digits and spaces that holds a street and number. */
function chinese(text: string): Candidate[] {
  const found: Candidate[] = [];
  let scannedTo = 0;
  const streets = anchorHits(CHINESE_ANCHOR, text);
  if (streets === null) return simple(CHINESE, text);
  for (const street of streets) {
    if (street < scannedTo) continue;
    const from = runStart(text, street, isChinesePart);
    let to = street;
    while (to < text.length && isChinesePart(text, to)) to += text.codePointAt(to)! > 0xffff ? 2 : 1;
    for (const candidate of simple(CHINESE, text.slice(from, to))) {
      found.push(span(candidate.start + from, candidate.end + from));
    }
    scannedTo = to;
  }
  return found;
}

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

const PLAIN = new Set(anyCase(PLAIN_SUFFIXES).split('|'));

function numberFirst(text: string): Candidate[] {
  const plain = PLAIN;
  return scanAt(NUMBER_FIRST, text, numberFirstStarts(text), (m) => {
    const names = m[2]!;
    if (notStreetWords(names)) return null;
    // "2 big rooms close": a street type that is also a plain word needs the name in capitals.
    const capitalsOnly = !plain.has(m[3]!);
    if (capitalsOnly && names.trim().split(/[ \t]+/).some((word) => !/^(?:\p{Lu}|\d)/u.test(word))) return null;
    return [span(m.index, m.index + m[0].length)];
  });
}

function numberAfter(text: string): Candidate[] {
  return scanAt(NUMBER_AFTER, text, numberAfterStarts(text), (m) => {
    if (notStreetWords(m[1]!)) return null;
    const next = /^[ \t]+(\p{L}+)/u.exec(text.slice(m.index + m[0].length))?.[1];
    if (next && NOT_STREET_NAMES.has(next.toLowerCase())) return null;
    return [span(m.index, m.index + m[0].length)];
  });
}

function romance(text: string): Candidate[] {
  return scanAt(ROMANCE, text, romanceStarts(text), (m) => {
    // A street type and a name are only a street in general: a house number makes it someone's door.
    if (m[1] === undefined && m[4] === undefined) return null;
    if (notStreetWords(m[3]!.replace(/\b(?:de|del|la|le|les|des|du|di|da|do|dos|das|y|e)\b/g, ''))) return null;
    return [span(m.index, m.index + m[0].length)];
  });
}

function simple(pattern: RegExp, text: string, starts?: number[] | null): Candidate[] {
  const accept = (m: RegExpExecArray) => [span(m.index, m.index + m[0].length)];
  return starts === undefined ? scan(pattern, text, accept) : scanAt(pattern, text, starts, accept);
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
function addressCandidates(text: string): Candidate[] {
  const streets = [
    ...numberFirst(text),
    ...numberAfter(text),
    ...simple(GERMANIC, text, germanicStarts(text)),
    ...romance(text),
    ...simple(RUSSIAN, text, anchorHits(RUSSIAN_ANCHOR, text)),
    ...chinese(text),
    ...simple(COLOMBIAN, text, anchorHits(COLOMBIAN_ANCHOR, text)),
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
