/**
 * Number words that ads use to spell out phone numbers, in English, Spanish, Russian and
 * Chinese, and how a run of them reads as digits ("five fifty five" → 555, "девятьсот
 * шестнадцать" → 916, "treinta y dos" → 32, 幺三八 → 138).
 */

/** How one word counts. */
export type NumberWord =
  | { type: 'unit'; value: number } // 0–9
  | { type: 'teen'; value: number } // 10–19
  | { type: 'tens'; value: number } // 20, 30 … 90, and Spanish 21–29 written as one word
  | { type: 'hundreds'; value: number } // 100 … 900 in one word (сто, двести, ciento, quinientos)
  | { type: 'hundred' } // "hundred" after a unit
  | { type: 'repeat'; times: 2 | 3 } // double, triple
  | { type: 'zeroWord' } // "oh"/"o": zero only among other number words
  | { type: 'soundsLike'; value: number }; // "for" 4, "to" 2: only glued to digits or number words

const ENGLISH = {
  units: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
  teens: ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'],
  tens: ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'],
};
const SPANISH = {
  units: ['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve'],
  teens: ['diez', 'once', 'doce', 'trece', 'catorce', 'quince', 'dieciseis', 'diecisiete', 'dieciocho', 'diecinueve'],
  tens: ['', '', 'veinte', 'treinta', 'cuarenta', 'cincuenta', 'sesenta', 'setenta', 'ochenta', 'noventa'],
  hundreds: ['', 'ciento', 'doscientos', 'trescientos', 'cuatrocientos', 'quinientos', 'seiscientos', 'setecientos', 'ochocientos', 'novecientos'],
  twenties: ['veinte', 'veintiuno', 'veintidos', 'veintitres', 'veinticuatro', 'veinticinco', 'veintiseis', 'veintisiete', 'veintiocho', 'veintinueve'],
};
const RUSSIAN = {
  units: ['ноль', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'],
  teens: ['десять', 'одиннадцать', 'двенадцать', 'тринадцать', 'четырнадцать', 'пятнадцать', 'шестнадцать', 'семнадцать', 'восемнадцать', 'девятнадцать'],
  tens: ['', '', 'двадцать', 'тридцать', 'сорок', 'пятьдесят', 'шестьдесят', 'семьдесят', 'восемьдесят', 'девяносто'],
  hundreds: ['', 'сто', 'двести', 'триста', 'четыреста', 'пятьсот', 'шестьсот', 'семьсот', 'восемьсот', 'девятьсот'],
};

const WORDS = new Map<string, NumberWord>();
function add(words: readonly string[], make: (index: number) => NumberWord, from = 0) {
  words.forEach((word, index) => {
    if (word && index >= from) WORDS.set(word, make(index));
  });
}
for (const language of [ENGLISH, SPANISH, RUSSIAN]) {
  add(language.units, (value) => ({ type: 'unit', value }));
  add(language.teens, (index) => ({ type: 'teen', value: 10 + index }));
  add(language.tens, (index) => ({ type: 'tens', value: index * 10 }), 2);
}
add(SPANISH.hundreds, (index) => ({ type: 'hundreds', value: index * 100 }), 1);
add(RUSSIAN.hundreds, (index) => ({ type: 'hundreds', value: index * 100 }), 1);
add(SPANISH.twenties, (index) => ({ type: 'tens', value: 20 + index }), 1);
for (const [word, value] of [
  ['nought', 0], ['nil', 0], ['una', 1], ['нуль', 0], ['одна', 1], ['две', 2], ['fourty', 40],
] as const) {
  WORDS.set(word, value >= 20 ? { type: 'tens', value } : { type: 'unit', value });
}
WORDS.set('cien', { type: 'hundreds', value: 100 });
WORDS.set('hundred', { type: 'hundred' });
for (const word of ['double', 'doble']) WORDS.set(word, { type: 'repeat', times: 2 });
for (const word of ['triple']) WORDS.set(word, { type: 'repeat', times: 3 });
for (const word of ['oh', 'o']) WORDS.set(word, { type: 'zeroWord' });
for (const [word, value] of [['for', 4], ['fore', 4], ['to', 2], ['too', 2], ['won', 1], ['ate', 8]] as const) {
  WORDS.set(word, { type: 'soundsLike', value });
}

/** Words that read as digits only glued to digits or to other number words ("zero1fornine"). */
function isWeakWord(word: NumberWord): boolean {
  return word.type === 'soundsLike' || word.type === 'zeroWord';
}

/** Words that may stand between number words without ending the number: "treinta y dos". */
export const CONNECTOR_WORDS = new Set(['and', 'y', 'и', 'dash', 'dot', 'then', 'guion', 'punto']);

/** Chinese numerals, read one character per digit as phone numbers are (幺 and 两 as spoken). */
const CHINESE = new Map<string, string>();
for (const [digit, chars] of [
  ['0', '零〇洞'], ['1', '一幺壹'], ['2', '二两贰貳'], ['3', '三叁參'], ['4', '四肆'],
  ['5', '五伍'], ['6', '六陆陸'], ['7', '七柒拐'], ['8', '八捌'], ['9', '九玖勾'],
] as const) {
  for (const char of chars) CHINESE.set(char, digit);
}

export function chineseDigit(char: string): string | undefined {
  return CHINESE.get(char);
}

const NON_ASCII = /[^\u0000-\u007f]/;

/** Lower-cased, without accents (dieciséis), ё as е: the form the tables above use. */
export function foldWord(word: string): string {
  let folded = word.toLowerCase();
  if (!NON_ASCII.test(folded)) return folded;
  if (/[\u00c0-\u024f]/.test(folded)) folded = folded.normalize('NFD').replace(/\p{M}/gu, '');
  if (folded.includes('ё')) folded = folded.replace(/ё/g, 'е');
  return folded;
}

/** The first three letters (or the whole word, if shorter) of every number word, folded. */
const STARTS = new Set([...WORDS.keys()].flatMap((word) => [word.slice(0, 3), word.slice(0, 2)]));
/** The same three (or two) letters as one number: three lower-cased ASCII codes. */
function asciiKey(word: string, start = 0, end = word.length): number {
  const length = Math.min(end - start, 3);
  let key = length;
  for (let i = start; i < start + length; i++) key = key * 256 + (word.charCodeAt(i) | 0x20);
  return key;
}
const ASCII_STARTS = new Set([...STARTS].filter((head) => /^[a-z]+$/.test(head)).map((head) => asciiKey(head)));

/**
 * Whether a word (or `text`'s letters [start, end)) could be or begin a number word: a cheap
 * test on its first letters, so that ordinary words ("the", "hotel") are not folded and
 * searched. Any "o…" may be "oh" glued on.
 */
export function mayStartNumberWord(text: string, start = 0, end = text.length): boolean {
  const length = Math.min(end - start, 3);
  let ascii = true;
  for (let i = start; i < start + length; i++) if (text.charCodeAt(i) >= 0x80) ascii = false;
  // ASCII words: decided on their first letters' codes, without building strings.
  if (ascii) return (text.charCodeAt(start) | 0x20) === 0x6f || ASCII_STARTS.has(asciiKey(text, start, end));
  const head = text.slice(start, start + length).toLowerCase();
  if (head[0] === 'o' || head[0] === 'о') return true;
  if (STARTS.has(head)) return true;
  // Accented or Cyrillic letters: compare in folded form (dieciséis, ёлка).
  return STARTS.has(foldWord(head));
}

const LONGEST_WORD = Math.max(...[...WORDS.keys()].map((word) => word.length));

/**
 * Splits a run of letters written without spaces ("fivefivefive", "sevenOHtwo") into number
 * words, or returns undefined when it is not made only of them.
 */
export function splitNumberWords(folded: string): NumberWord[] | undefined {
  if (folded.length > 80) return undefined;
  const whole = WORDS.get(folded);
  if (whole) return [whole];
  // Most words start with no number word at all: say so before the full search.
  let prefixed = false;
  for (let length = 2; length <= Math.min(LONGEST_WORD, folded.length - 2) && !prefixed; length++) {
    prefixed = WORDS.has(folded.slice(0, length)) || folded[0] === 'o';
  }
  if (!prefixed) return undefined;
  // Shortest-path over positions; runs are short, so this is cheap.
  const best: (NumberWord[] | undefined)[] = [[]];
  for (let end = 1; end <= folded.length; end++) {
    for (let start = Math.max(0, end - LONGEST_WORD); start < end; start++) {
      const before = best[start];
      if (!before) continue;
      const word = WORDS.get(folded.slice(start, end));
      if (!word) continue;
      const candidate = [...before, word];
      if (!best[end] || candidate.length < best[end]!.length) best[end] = candidate;
    }
  }
  const words = best[folded.length];
  // "tofor" or "ooo" are not numbers; "fivefive", "zero1fornine" and "OOnEsEVEN" are.
  return words && words.some((word) => !isWeakWord(word)) ? words : undefined;
}

/** A number word found in the text, with its place: [start, end) in UTF-16 units. */
export interface PlacedWord {
  word: NumberWord;
  start: number;
  end: number;
}

/** Digits read from the text, with the place they were read from. */
export interface PlacedDigits {
  digits: string;
  start: number;
  end: number;
}

/**
 * Reads consecutive number words as digits, the way a person says a phone number: units one
 * digit each, "fifty five" as 55, "five hundred" as 500, "double seven" as 77. "Oh" counts as
 * zero only beside another number word or digits, so "oh my" stays a word.
 */
export function wordsToDigits(items: readonly PlacedWord[], amongDigits = false): PlacedDigits[] {
  const hasRealNumber = amongDigits || items.some(({ word }) => word.type === 'unit' || word.type === 'teen' || word.type === 'tens' || word.type === 'hundreds');
  const out: PlacedDigits[] = [];
  let repeat = 1;
  let repeatStart = -1;
  for (let i = 0; i < items.length; i++) {
    const { word, start } = items[i]!;
    const wordAt = (k: number) => items[k]?.word;
    let digits: string | undefined;
    let value: number | undefined;
    switch (word.type) {
      case 'repeat':
        repeat = word.times;
        repeatStart = start;
        continue;
      case 'hundred':
        continue;
      case 'zeroWord':
        if (hasRealNumber) digits = '0';
        break;
      case 'unit': {
        const next = wordAt(i + 1);
        if (next?.type === 'hundred') {
          value = word.value * 100;
          i++;
        } else digits = String(word.value);
        break;
      }
      case 'teen':
      case 'soundsLike':
        digits = String(word.value);
        break;
      case 'tens': {
        const next = wordAt(i + 1);
        if (word.value % 10 === 0 && next?.type === 'unit' && next.value > 0) {
          digits = String(word.value + next.value);
          i++;
        } else digits = String(word.value);
        break;
      }
      case 'hundreds':
        value = word.value;
        break;
    }
    if (value !== undefined) {
      // "five hundred", "девятьсот", then what follows it: "девятьсот шестнадцать" → 916.
      const rest = wordAt(i + 1);
      const after = wordAt(i + 2);
      if (rest?.type === 'teen') {
        value += rest.value;
        i++;
      } else if (rest?.type === 'tens') {
        value += rest.value;
        i++;
        if (rest.value % 10 === 0 && after?.type === 'unit' && after.value > 0) {
          value += after.value;
          i++;
        }
      } else if (rest?.type === 'unit' && rest.value > 0) {
        value += rest.value;
        i++;
      }
      digits = String(value);
    }
    if (digits === undefined) continue;
    out.push({ digits: digits.repeat(repeat), start: repeat > 1 ? repeatStart : start, end: items[i]!.end });
    repeat = 1;
  }
  return out;
}
