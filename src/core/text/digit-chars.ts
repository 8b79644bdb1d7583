/**
 * What a single character means to the phone finder: a digit (in any script or style), a
 * character that is invisible and must be skipped, or neither.
 */

/**
 * Invisible or combining characters that people slip between digits to dodge filters, and the
 * parts of keycap emoji (1️⃣ is "1", U+FE0F, U+20E3). They are skipped as if absent.
 */
export function isIgnorable(code: number): boolean {
  return (
    code === 0x00ad || // soft hyphen
    code === 0x034f || // combining grapheme joiner
    code === 0x061c || // Arabic letter mark
    code === 0x115f ||
    code === 0x1160 ||
    code === 0x17b4 ||
    code === 0x17b5 ||
    code === 0x180e || // Mongolian vowel separator
    (code >= 0x200b && code <= 0x200f) || // zero-width space, joiners, direction marks
    (code >= 0x202a && code <= 0x202e) || // direction embeddings and overrides
    (code >= 0x2060 && code <= 0x206f) || // word joiner, invisible operators, isolates
    code === 0x20e3 || // combining enclosing keycap
    code === 0x3164 ||
    (code >= 0xfe00 && code <= 0xfe0f) || // variation selectors
    code === 0xfeff || // zero-width no-break space
    code === 0xffa0 ||
    (code >= 0x1f3fb && code <= 0x1f3ff) || // skin-tone modifiers
    (code >= 0xe0000 && code <= 0xe007f) || // tag characters
    (code >= 0xe0100 && code <= 0xe01ef) // variation selectors supplement
  );
}

/** Digits without a compatibility decomposition to ASCII: dingbat circled digits, and 🔟. */
const SPECIAL_DIGITS = new Map<number, string>([[0x1f51f, '10']]);
for (const [first, zeroOrOne] of [
  [0x2776, 1], // ❶..❾ ❿
  [0x2780, 1], // ➀..➈ ➉
  [0x278a, 1], // ➊..➒ ➓
] as const) {
  for (let i = 0; i < 9; i++) SPECIAL_DIGITS.set(first + i, String(i + zeroOrOne));
  SPECIAL_DIGITS.set(first + 9, '10');
}
SPECIAL_DIGITS.set(0x24ff, '0'); // ⓿
SPECIAL_DIGITS.set(0x24ea, '0'); // ⓪
SPECIAL_DIGITS.set(0x1f100, '0'); // 🄀
SPECIAL_DIGITS.set(0x1f10b, '0'); // 🄋
SPECIAL_DIGITS.set(0x1f10c, '0'); // 🄌
SPECIAL_DIGITS.set(0x1f17e, '0'); // 🅾 (the blood-type O, used as a zero)
SPECIAL_DIGITS.set(0x1f15e, '0'); // 🅞

const DECIMAL = /\p{Nd}/u;
const NUMBER_OTHER = /\p{No}/u;
const cache = new Map<number, string | null>();

/**
 * The digit(s) a character stands for, or null. Covers ASCII, every Unicode decimal digit
 * (full-width, Arabic-Indic, Devanagari, mathematical bold...), and the circled, parenthesized,
 * superscript and other "number" characters whose compatibility form is digits.
 */
export function digitsOf(code: number): string | null {
  if (code >= 0x30 && code <= 0x39) return String.fromCharCode(code);
  if (code < 0xb2) return null;
  const cached = cache.get(code);
  if (cached !== undefined) return cached;
  const digits = lookUp(code);
  cache.set(code, digits);
  return digits;
}

function lookUp(code: number): string | null {
  const special = SPECIAL_DIGITS.get(code);
  if (special) return special;
  const char = String.fromCodePoint(code);
  if (DECIMAL.test(char)) {
    // Unicode puts every decimal digit in a run of ten starting at its zero.
    let zero = code;
    while (zero > 0 && DECIMAL.test(String.fromCodePoint(zero - 1)) && code - zero < 50) zero--;
    return String((code - zero) % 10);
  }
  if (!NUMBER_OTHER.test(char)) return null;
  // ① → "1", ⑴ → "(1)", ⒈ → "1.", ⁵ → "5": keep the digits of the compatibility form.
  const digits = char.normalize('NFKC').replace(/\D/g, '');
  return digits.length > 0 && digits.length <= 2 ? digits : null;
}
