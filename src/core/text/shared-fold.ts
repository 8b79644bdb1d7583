import { TextView } from './shared-view';

/**
 * Text folded so that ways of writing the same name look alike: case and accents dropped,
 * digits and symbols standing in for letters read as those letters (M@r1a → maria), Cyrillic
 * look-alikes read as Latin. "1", "i", "l" and "|" all fold to "i": a swap cannot be told apart.
 */
const SWAPS: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '0': 'o',
  '1': 'i',
  l: 'i',
  '|': 'i',
  '3': 'e',
  $: 's',
  '5': 's',
  '7': 't',
  '8': 'b',
  // Cyrillic letters that look Latin, swapped in to dodge filters.
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  х: 'x',
  у: 'y',
  к: 'k',
  м: 'm',
  т: 't',
  і: 'i',
  ј: 'j',
};

const ASCII = Array.from({ length: 128 }, (_, code) => {
  const char = String.fromCharCode(code).toLowerCase();
  return SWAPS[char] ?? char;
});

/** Invisible characters slipped between letters. */
const INVISIBLE = /^[\u00ad\u200b-\u200d\u2060\ufeff]$/;

/**
 * Folds of characters outside ASCII, kept: a draft repeats the same few (its script, its emoji),
 * and folding one takes a lower-casing, a normalization and a test per mark.
 */
const wideFolds = new Map<string, string>();
const MAX_WIDE_FOLDS = 4096;

function foldWide(char: string): string {
  let out = wideFolds.get(char);
  if (out !== undefined) return out;
  out = '';
  if (!INVISIBLE.test(char)) {
    for (const part of char.toLowerCase().normalize('NFD')) {
      if (/\p{M}/u.test(part)) continue;
      out += SWAPS[part] ?? part;
    }
  }
  if (wideFolds.size >= MAX_WIDE_FOLDS) wideFolds.clear();
  wideFolds.set(char, out);
  return out;
}

/** Folds one character; an "@" or "$" starting a word is a sigil ("@jane", "$jane"), not a letter. */
function foldChar(char: string, previous = ''): string {
  if ((char === '@' || char === '$') && !/[\p{L}\p{N}]/u.test(previous)) return char;
  const code = char.charCodeAt(0);
  return code < 128 ? ASCII[code]! : foldWide(char);
}

function foldText(text: string): string {
  let out = '';
  let previous = '';
  for (const char of text) {
    out += foldChar(char, previous);
    previous = char;
  }
  return out;
}

/** Between the letters of a spelled-out name: "M a r i a", "m.a.r.i.a", "M-a-r-i-a". */
const SPACED = /(?<![\p{L}\p{N}])[\p{L}\p{N}](?:[\s.\-_*·•]{1,2}[\p{L}\p{N}]){2,}(?![\p{L}\p{N}])/gu;

/**
 * Marks that people drop or swap when writing a name: apostrophes ("Marys"), the period of an
 * abbreviation ("St Marys"), hyphens ("Jean Luc"). Read as nothing, nothing and a space.
 */
const DROPPED = /['’`]|\.(?=\s|$)/gu;
const AS_SPACE = /-/g;

/**
 * The draft folded, with names spelled out letter by letter joined up and any run of spaces
 * read as one, ready for a plain substring search.
 */
export function foldedView(text: string): TextView {
  const folded = TextView.mapped(text, foldChar);
  const joined = folded.rewrite(SPACED, (m) => {
    const kept: Array<[string, number]> = [];
    let at = m.index;
    for (const char of m[0]) {
      if (/[\p{L}\p{N}]/u.test(char)) kept.push([char, at]);
      at += char.length;
    }
    return kept;
  });
  return joined
    .rewrite(DROPPED, () => '')
    .rewrite(AS_SPACE, () => ' ')
    .rewrite(/\s{2,}|[^\S ]/gu, () => ' ');
}

/** A term folded the same way as the draft, words separated by single spaces. */
export function foldTerm(term: string): string {
  return foldText(term).replace(DROPPED, '').replace(AS_SPACE, ' ').replace(/\s+/g, ' ').trim();
}
