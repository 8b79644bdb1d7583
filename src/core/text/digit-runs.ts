import { digitsOf, isIgnorable } from './digit-chars';
import {
  CONNECTOR_WORDS,
  chineseDigit,
  foldWord,
  mayStartNumberWord,
  splitNumberWords,
  wordsToDigits,
  type PlacedDigits,
  type PlacedWord,
} from './number-words';

/**
 * Reads a text the way a person reads a disguised phone number: digits in any script or style,
 * number words in four languages, O for 0 and l for 1 beside digits, with symbols, spaces, line
 * breaks, emoji and invisible characters between them. Returns the runs of digits that stand
 * close enough together to be one number or several, each digit group with its place in the text.
 */

export interface DigitToken extends PlacedDigits {
  /** A "+" stands just before it: the number that starts here carries its country code. */
  plus: boolean;
}

export interface DigitRun {
  tokens: DigitToken[];
  /** Count of digits in all tokens. */
  length: number;
}

/** How much may stand between two digit groups of one number. */
const MAX_GAP_SYMBOLS = 4;
const MAX_GAP_SPACES = 6;
const MAX_GAP_LINES = 2;
const MAX_GAP_WORDS = 1;

/** Letters that stand for digits when written against digits: 7O2, Ol47, S5S, B00. */
const LOOKALIKES = new Map<string, string>([
  ['O', '0'], ['o', '0'], ['О', '0'], ['о', '0'], ['Ο', '0'], ['ο', '0'],
  ['l', '1'], ['I', '1'], ['i', '1'], ['S', '5'], ['s', '5'], ['B', '8'],
]);

const LETTER = /\p{L}/u;
const HAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const SPACE = /\s/;
const PLUS = new Set(['+', '＋', '﹢']);

export function findDigitRuns(text: string): DigitRun[] {
  const runs: DigitRun[] = [];
  let tokens: DigitToken[] = [];
  let words: PlacedWord[] = [];
  /** A "+" stood before the first of `words`. */
  let wordsPlus = false;
  let wordsPlusAt = 0;
  const gap = { symbols: 0, spaces: 0, lines: 0, words: 0, plus: false, plusAt: 0 };
  /** Nothing but invisible characters since the last digit: a lookalike letter may follow. */
  let touchingDigit = false;

  const resetGap = () => {
    gap.symbols = gap.spaces = gap.lines = gap.words = gap.plusAt = 0;
    gap.plus = false;
  };
  const pushTokens = (placed: PlacedDigits[], plus: boolean) => {
    placed.forEach((digits, index) => {
      const withPlus = plus && index === 0;
      tokens.push({ ...digits, start: withPlus ? wordsPlusAt : digits.start, plus: withPlus });
    });
  };
  /** `amongDigits`: digits stand right before or after the words, so "oh" is a zero. */
  const flushWords = (amongDigits: boolean) => {
    if (words.length === 0) return;
    pushTokens(wordsToDigits(words, amongDigits || tokens.length > 0), wordsPlus);
    words = [];
    wordsPlus = false;
  };
  const endRun = () => {
    flushWords(false);
    if (tokens.length > 0) {
      const length = tokens.reduce((sum, token) => sum + token.digits.length, 0);
      runs.push({ tokens, length });
    }
    tokens = [];
    resetGap();
  };
  const addDigits = (digits: string, start: number, end: number) => {
    flushWords(true);
    const last = tokens[tokens.length - 1];
    // Digits written together are one group; a gap of any kind starts a new group.
    if (last && touchingDigit && !gap.plus) {
      last.digits += digits;
      last.end = end;
    } else {
      tokens.push({ digits, start: gap.plus ? gap.plusAt : start, end, plus: gap.plus });
    }
    resetGap();
    touchingDigit = true;
  };
  const inRun = () => tokens.length > 0 || words.length > 0;
  const gapTooWide = () =>
    gap.symbols > MAX_GAP_SYMBOLS || gap.spaces > MAX_GAP_SPACES || gap.lines > MAX_GAP_LINES || gap.words > MAX_GAP_WORDS;

  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      // Most drafts are mostly ASCII: decide those characters without building strings.
      if (code >= 0x30 && code <= 0x39) {
        // A run of plain digits in one piece: one string, not one per digit.
        let end = i + 1;
        while (end < text.length && text.charCodeAt(end) >= 0x30 && text.charCodeAt(end) <= 0x39) end++;
        addDigits(text.slice(i, end), i, end);
        i = end;
        continue;
      } else if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) {
        const end = letterRunEnd(text, i);
        handleLetters(i, end);
        i = end;
        continue;
      } else {
        touchingDigit = false;
        if (code === 0x0a) gap.lines++;
        else if (code === 0x20 || code === 0x09 || code === 0x0d) gap.spaces++;
        else {
          gap.symbols++;
          gap.plus = code === 0x2b;
          gap.plusAt = i;
        }
        if (inRun() && gapTooWide()) endRun();
      }
      i++;
      continue;
    }
    const wide = text.codePointAt(i)!;
    const width = wide > 0xffff ? 2 : 1;
    if (isIgnorable(wide)) {
      // The rest of a keycap (7️⃣) or a joiner after a digit belongs with that digit.
      if (touchingDigit) tokens[tokens.length - 1]!.end = i + width;
      i += width;
      continue;
    }
    const digits = digitsOf(wide);
    if (digits !== null) {
      addDigits(digits, i, i + width);
      i += width;
      continue;
    }
    const char = String.fromCodePoint(wide);
    const zh = wide >= 0x3007 ? chineseDigit(char) : undefined;
    if (zh) {
      addDigits(zh, i, i + width);
      i += width;
      continue;
    }
    if (isWordLetter(wide, char)) {
      const end = letterRunEnd(text, i);
      handleLetters(i, end);
      i = end;
      continue;
    }
    touchingDigit = false;
    if (LETTER.test(char)) {
      // A Chinese or Japanese character that is not a numeral: a word of its own.
      endRun();
    } else if (SPACE.test(char)) {
      if (char === '\n') gap.lines++;
      else gap.spaces++;
    } else {
      gap.symbols++;
      gap.plus = PLUS.has(char);
      gap.plusAt = i;
    }
    if (inRun() && gapTooWide()) endRun();
    i += width;
  }
  endRun();
  return runs;

  function handleLetters(start: number, end: number) {
    // Most words are neither lookalike letters nor number words: decide those from their start.
    if (!inRun() && !LOOKALIKES.has(text[start]!) && !mayStartNumberWord(text, start, end)) {
      touchingDigit = false;
      endRun();
      return;
    }
    const raw = end - start === 1 ? text[start]! : stripIgnorable(text.slice(start, end));
    // Beside digits, or between digit groups of a number ("(347) SSs-OlOB"): never a word alone.
    if (
      allLookalikes(raw) &&
      (touchingDigit || (tokens.length > 0 && !gapTooWide()) || digitFollows(text, end)) &&
      (touchingDigit && digitTouches(text, end) ? true : !gluedToWord(text, start, end))
    ) {
      let digits = '';
      for (const letter of raw) digits += LOOKALIKES.get(letter)!;
      addDigits(digits, start, end);
      return;
    }
    // Most words cannot start a number word, nor join one: decide those without folding.
    if (!inRun() && !mayStartNumberWord(raw)) {
      touchingDigit = false;
      endRun();
      return;
    }
    const folded = foldWord(raw);
    let split = mayStartNumberWord(folded) ? splitNumberWords(folded) : undefined;
    // "for", "to", "oh" alone are words, unless glued to a digit ("for80", "9fore").
    if (split?.length === 1 && split[0]!.type === 'soundsLike') {
      if (!touchingDigit && !digitTouches(text, end)) split = undefined;
    }
    if (split) {
      if (words.length === 0) [wordsPlus, wordsPlusAt] = [gap.plus, gap.plusAt];
      for (const word of split) words.push({ word, start, end });
      resetGap();
      touchingDigit = false;
      return;
    }
    touchingDigit = false;
    if (inRun() && CONNECTOR_WORDS.has(folded)) {
      gap.words++;
      if (gapTooWide()) endRun();
      return;
    }
    endRun();
  }
}

/** End of a run of letters (and invisible characters between them) that starts at `start`. */
function letterRunEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    const ascii = text.charCodeAt(i);
    if (ascii < 0x80) {
      if (!((ascii >= 0x41 && ascii <= 0x5a) || (ascii >= 0x61 && ascii <= 0x7a))) break;
      i++;
      continue;
    }
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    if (isIgnorable(code)) {
      i += width;
      continue;
    }
    if (!isWordLetter(code, String.fromCodePoint(code))) break;
    i += width;
  }
  return i;
}

/** A letter of a script that writes words with letters (Latin, Cyrillic, Greek…), not Chinese. */
function isWordLetter(code: number, char: string): boolean {
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  return LETTER.test(char) && !HAN.test(char);
}

/** A digit comes next, after at most two separators ("oBS-6s4"), and no letter before it. */
function digitFollows(text: string, from: number): boolean {
  let separators = 0;
  for (let i = from; i < text.length; ) {
    const code = text.codePointAt(i)!;
    i += code > 0xffff ? 2 : 1;
    if (isIgnorable(code)) continue;
    if (digitsOf(code) !== null) return true;
    if (LETTER.test(String.fromCodePoint(code)) || ++separators > 2) return false;
  }
  return false;
}

/**
 * Lookalike letters at the edge of a word that also holds other letters are part of a name
 * ("lili520sz"), not digits; between two digits ("98iis42") they are digits all the same.
 */
function gluedToWord(text: string, start: number, end: number): boolean {
  const isWordChar = (code: number) => digitsOf(code) !== null || isWordLetter(code, String.fromCodePoint(code));
  for (let i = end; i < text.length; ) {
    const code = text.codePointAt(i)!;
    if (!isIgnorable(code) && !isWordChar(code)) break;
    const char = String.fromCodePoint(code);
    if (digitsOf(code) === null && !isIgnorable(code) && !LOOKALIKES.has(char)) return true;
    i += char.length;
  }
  for (let i = start - 1; i >= 0; i--) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) continue; // second half of a character outside the BMP
    const full = text.codePointAt(i)!;
    if (!isIgnorable(full) && !isWordChar(full)) break;
    if (digitsOf(full) === null && !isIgnorable(full) && !LOOKALIKES.has(String.fromCodePoint(full))) return true;
  }
  return false;
}

function digitTouches(text: string, from: number): boolean {
  const code = text.codePointAt(from);
  return code !== undefined && digitsOf(code) !== null;
}

function allLookalikes(word: string): boolean {
  for (const letter of word) if (!LOOKALIKES.has(letter)) return false;
  return true;
}

function stripIgnorable(word: string): string {
  // No ASCII character is ignorable: most words pass as they are.
  if (!/[^\u0000-\u007f]/.test(word)) return word;
  let out = '';
  for (const char of word) if (!isIgnorable(char.codePointAt(0)!)) out += char;
  return out;
}
