/**
 * A rewritten copy of a draft that remembers, for each of its characters, which stretch of the
 * draft it came from. Finders match on the rewritten text (HTML entities decoded, spaced-out
 * letters joined) and report spans on the draft the person actually typed.
 */
export class TextView {
  private constructor(
    readonly text: string,
    readonly source: string,
    /** Draft offsets where each view character starts and ends; null when the view is the draft. */
    private readonly starts: Int32Array | null,
    private readonly ends: Int32Array | null,
  ) {}

  static of(text: string): TextView {
    return new TextView(text, text, null, null);
  }

  /**
   * Every character of the draft replaced by what `map` gives for it (maybe nothing, maybe
   * several characters), each pointing back at the character it came from.
   */
  static mapped(source: string, map: (char: string, previous: string) => string): TextView {
    // Typed arrays grown by doubling, and the draft walked by code unit: this runs on every
    // keystroke's draft, and arrays of numbers and a string iterator cost several times more.
    let starts = new Int32Array(source.length + 16);
    let ends = new Int32Array(source.length + 16);
    let out = '';
    let length = 0;
    let previous = '';
    for (let at = 0; at < source.length; ) {
      const code = source.charCodeAt(at);
      const wide = code >= 0xd800 && code <= 0xdbff && at + 1 < source.length && (source.charCodeAt(at + 1) & 0xfc00) === 0xdc00;
      const next = at + (wide ? 2 : 1);
      const char = wide ? source.slice(at, next) : source[at]!;
      const replaced = map(char, previous);
      previous = char;
      out += replaced;
      if (length + replaced.length > starts.length) {
        const grown = Math.max(starts.length * 2, length + replaced.length);
        starts = grow(starts, grown);
        ends = grow(ends, grown);
      }
      for (let i = 0; i < replaced.length; i++, length++) {
        starts[length] = at;
        ends[length] = next;
      }
      at = next;
    }
    return new TextView(out, source, starts.subarray(0, length), ends.subarray(0, length));
  }

  /** This view with its characters swapped one for one (`text` has the same length). */
  withText(text: string): TextView {
    if (text.length !== this.text.length) throw new Error('withText changes characters one for one');
    return new TextView(text, this.source, this.starts, this.ends);
  }

  /** The draft span [start, end) that the view span [start, end) came from. */
  span(start: number, end: number): [number, number] {
    if (!this.starts || !this.ends) return [start, end];
    if (end <= start) {
      const at = start < this.text.length ? this.starts[start]! : this.source.length;
      return [at, at];
    }
    return [this.starts[start]!, this.ends[end - 1]!];
  }

  /**
   * A new view where each match of `pattern` (global) is replaced by what `replace` returns, or
   * left alone when it returns null. A replacement is either a string (every character of it
   * stands for the whole match) or a list of [character, view offset] pairs that keep their own
   * origin (used to drop spaces while each letter still points at itself).
   */
  rewrite(pattern: RegExp, replace: (match: RegExpExecArray) => string | Array<[string, number]> | null): TextView {
    const matches: RegExpExecArray[] = [];
    pattern.lastIndex = 0;
    for (let m = pattern.exec(this.text); m; m = pattern.exec(this.text)) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      matches.push(m);
    }
    return this.rewriteMatches(matches, replace);
  }

  /** rewrite() for matches already found: in order, apart, none empty. */
  rewriteMatches(
    matches: readonly RegExpExecArray[],
    replace: (match: RegExpExecArray) => string | Array<[string, number]> | null,
  ): TextView {
    // Pieces of the new text: [from, to) copied from this view, or characters with their origin.
    const copies: number[] = [];
    const added: Array<{ at: number; text: string; starts: number[]; ends: number[] }> = [];
    let copied = 0;
    let length = 0;
    for (const m of matches) {
      const replacement = replace(m);
      if (replacement === null) continue;
      const piece = { at: copies.length, text: '', starts: [] as number[], ends: [] as number[] };
      copies.push(copied, m.index);
      length += m.index - copied;
      const matchEnd = m.index + m[0].length;
      if (typeof replacement === 'string') {
        const [from, to] = this.span(m.index, matchEnd);
        piece.text = replacement;
        for (let i = 0; i < replacement.length; i++) {
          piece.starts.push(from);
          piece.ends.push(to);
        }
      } else {
        for (const [char, at] of replacement) {
          const [from, to] = this.span(at, at + char.length);
          piece.text += char;
          for (let i = 0; i < char.length; i++) {
            piece.starts.push(from);
            piece.ends.push(to);
          }
        }
      }
      length += piece.text.length;
      added.push(piece);
      copied = matchEnd;
    }
    if (added.length === 0) return this;
    copies.push(copied, this.text.length);
    length += this.text.length - copied;
    const starts = new Int32Array(length);
    const ends = new Int32Array(length);
    const parts: string[] = [];
    let out = 0;
    const copy = (from: number, to: number) => {
      parts.push(this.text.slice(from, to));
      if (this.starts && this.ends) {
        starts.set(this.starts.subarray(from, to), out);
        ends.set(this.ends.subarray(from, to), out);
        out += to - from;
      } else {
        for (let i = from; i < to; i++, out++) {
          starts[out] = i;
          ends[out] = i + 1;
        }
      }
    };
    for (const piece of added) {
      copy(copies[piece.at]!, copies[piece.at + 1]!);
      parts.push(piece.text);
      starts.set(piece.starts, out);
      ends.set(piece.ends, out);
      out += piece.text.length;
    }
    copy(copies[copies.length - 2]!, copies[copies.length - 1]!);
    return new TextView(parts.join(''), this.source, starts, ends);
  }
}

function grow(array: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(length);
  grown.set(array);
  return grown;
}

const NAMED_ENTITIES: Record<string, string> = {
  commat: '@',
  period: '.',
  dot: '.',
  amp: '&',
  nbsp: ' ',
  lowbar: '_',
  underbar: '_',
  hyphen: '-',
  dash: '-',
  minus: '-',
  plus: '+',
  percnt: '%',
  num: '#',
  dollar: '$',
  colon: ':',
  sol: '/',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  lsqb: '[',
  rsqb: ']',
  lpar: '(',
  rpar: ')',
};

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]{2,10}));?/g;

/** HTML character references decoded (`&#64;`, `&#x40;`, `&commat;`), as people paste them to dodge filters. */
export function decodeEntities(view: TextView): TextView {
  if (!view.text.includes('&')) return view;
  return view.rewrite(ENTITY, (m) => {
    // A named reference only counts with its semicolon: "&dot" in prose is just text.
    if (m[3] !== undefined) return m[0].endsWith(';') ? (NAMED_ENTITIES[m[3].toLowerCase()] ?? null) : null;
    const code = m[1] !== undefined ? Number.parseInt(m[1], 10) : Number.parseInt(m[2]!, 16);
    if (code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
    return String.fromCodePoint(code);
  });
}

/** Full-width and look-alike forms of the characters addresses are written with. */
const LOOKALIKES: Record<string, string> = {
  '＠': '@',
  '﹫': '@',
  '．': '.',
  '。': '.',
  '｡': '.',
  '＿': '_',
  '－': '-',
  '：': ':',
  '／': '/',
  '＄': '$',
};

const LOOKALIKE = /[＠﹫．。｡＿－：／＄]/g;

let lastDraft: { text: string; view: TextView } | undefined;

/**
 * The draft with look-alike forms folded: the view the email, handle and payment finders start
 * from. The last one is kept, since scanDraft runs those finders one after another on one text.
 */
export function lookalikeView(text: string): TextView {
  if (lastDraft?.text === text) return lastDraft.view;
  const view = foldLookalikes(TextView.of(text));
  lastDraft = { text, view };
  return view;
}

export function foldLookalikes(view: TextView): TextView {
  if (!/[＠﹫．。｡＿－：／＄]/.test(view.text)) return view;
  // One character for one: every offset stays where it was.
  return view.withText(view.text.replace(LOOKALIKE, (char) => LOOKALIKES[char]!));
}
