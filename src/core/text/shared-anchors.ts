/**
 * Running a finder's big Unicode regex at every position of a draft is most of its time. These
 * helpers find the few places where it could match (with a simple regex that runs fast), so the
 * big one is tried only there, with exactly the same results as a scan of the whole draft.
 */

import { dense } from './shared-findings';

/**
 * Where each hit of `anchor` (global, without the u flag) starts, overlapping hits included;
 * null once there are too many to be worth trying one by one (dense()): scan the whole text.
 */
export function anchorHits(anchor: RegExp, text: string): number[] | null {
  const hits: number[] = [];
  anchor.lastIndex = 0;
  for (let m = anchor.exec(text); m; m = anchor.exec(text)) {
    if (dense(hits.length, text)) return null;
    hits.push(m.index);
    anchor.lastIndex = m.index + 1;
  }
  return hits;
}

/** The same pattern, matched only where it is put (sticky) rather than searching onward. */
export function sticky(pattern: RegExp): RegExp {
  return new RegExp(pattern.source, `${pattern.flags.replace('g', '')}y`);
}

/**
 * Words for a case-insensitive anchor without the u flag. With the u flag "ſ" (long s) and "K"
 * (Kelvin sign) also match "s" and "k"; without it they would not, and the anchor must never
 * miss what the real pattern finds.
 */
export function caseless(alternation: string): string {
  return alternation.replace(/(?<!\\)[sS]/g, '[sS\u017f]').replace(/(?<!\\)[kK]/g, '[kK\u212a]');
}

/**
 * A character test that answers ASCII characters from a table and the rest with `unicode` (a
 * one-character u-flag regex), for walking back over a word one character at a time.
 */
export function charTest(unicode: RegExp, ascii: RegExp = unicode): (text: string, at: number) => boolean {
  const table = Array.from({ length: 128 }, (_, code) => ascii.test(String.fromCharCode(code)));
  return (text, at) => {
    const code = text.charCodeAt(at);
    if (Number.isNaN(code)) return false;
    if (code < 128) return table[code]!;
    return unicode.test(text.slice(at, code >= 0xd800 && code <= 0xdbff ? at + 2 : at + 1));
  };
}

/** The index where the character ending just before `at` starts (a surrogate pair is one character). */
export function previousChar(text: string, at: number): number {
  const low = text.charCodeAt(at - 1);
  if (low >= 0xdc00 && low <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return at - 2;
  }
  return at - 1;
}

/** Where a run of characters passing `inside` that ends at `end` starts (walking back at most `limit` characters). */
export function runStart(text: string, end: number, inside: (text: string, at: number) => boolean, limit = Infinity): number {
  let at = end;
  let steps = 0;
  while (at > 0 && steps < limit) {
    const before = previousChar(text, at);
    if (!inside(text, before)) break;
    at = before;
    steps++;
  }
  return at;
}

/** The end of a link's host: its last dot, the ending and the "/" after it (".com/", ".me/"). */
const HOST_END = /\.[a-z\u017f\u212a]{2,}\//gi;
const isHostChar = charTest(/[A-Za-z0-9.\-\u017f\u212a]/u);
/** Longer than any known host with its "www." (or "mobile.") in front. */
const MAX_HOST = 40;

/**
 * Where a link to a known host can start: a host may not follow a letter, digit or dot, so it
 * starts where the run of host characters before "/" starts, or at the "http://" before that.
 */
export function linkStarts(text: string): number[] | null {
  const starts: number[] = [];
  HOST_END.lastIndex = 0;
  for (let m = HOST_END.exec(text); m; m = HOST_END.exec(text)) {
    if (dense(starts.length, text)) return null;
    const slash = m.index + m[0].length - 1;
    const host = runStart(text, slash, isHostChar, MAX_HOST);
    starts.push(host);
    const scheme = text.slice(Math.max(0, host - 8), host).toLowerCase();
    if (scheme.endsWith('http://')) starts.push(host - 7);
    if (scheme === 'https://') starts.push(host - 8);
    HOST_END.lastIndex = m.index + 1;
  }
  return starts;
}

interface TrieNode {
  end: boolean;
  next: Map<string, TrieNode>;
}

/**
 * Words as one regex alternation shaped like a tree ("i(?:n[sſ]ta(?:gram)?|g)" for insta,
 * instagram, ig), which tries far fewer branches at each position than a flat list. With
 * `caseless` the words are lower-cased for a case-insensitive regex without the u flag (see
 * caseless()). A space in a word matches `blank`: by default a tab or nothing too, as in the
 * finders' own lists.
 */
export function wordTree(words: readonly string[], { caseless: anyCase = false, blank = String.raw`[ \t]?` } = {}): string {
  const root: TrieNode = { end: false, next: new Map() };
  for (const word of words) {
    let node = root;
    for (const char of anyCase ? word.toLowerCase() : word) {
      let child = node.next.get(char);
      if (!child) node.next.set(char, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
  }
  const literal = (char: string) => {
    if (char === ' ') return blank;
    if (anyCase && char === 's') return '[sS\u017f]';
    if (anyCase && char === 'k') return '[kK\u212a]';
    return char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  };
  const build = (node: TrieNode): string => {
    const branches = [...node.next].map(([char, child]) => literal(char) + build(child));
    if (branches.length === 0) return '';
    const body = branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
    return node.end ? `(?:${body})?` : body;
  };
  return `(?:${build(root)})`;
}

const isBlank = (text: string, at: number) => text[at] === ' ' || text[at] === '\t';
const isWhite = charTest(/\s/u);

/**
 * The words before `at`, nearest first, as [start, end): each ends 1 to `maxBlanks` spaces or
 * tabs before the next, as in regexes that join words with [ \t]{1,n}. At most `count` of them.
 */
export function wordsBefore(text: string, at: number, count: number, maxBlanks: number): Array<[number, number]> {
  const words: Array<[number, number]> = [];
  let pos = at;
  while (words.length < count) {
    let end = pos;
    while (end > 0 && pos - end < maxBlanks && isBlank(text, end - 1)) end--;
    if (end === pos || end === 0 || isWhite(text, previousChar(text, end))) break;
    const start = runStart(text, end, (t, i) => !isWhite(t, i));
    words.push([start, end]);
    pos = start;
  }
  return words;
}

const isAsciiAlnum = (code: number) => (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);

/** Places in [from, to) where a word may start: the first, and any after a character that is not an ASCII letter or digit. */
export function wordStartsIn(text: string, from: number, to: number, out: number[], digitsOnly = false): void {
  for (let at = from; at < to; at++) {
    const code = text.charCodeAt(at);
    if (digitsOnly && !(code >= 48 && code <= 57)) continue;
    if (at === from || !isAsciiAlnum(text.charCodeAt(at - 1))) out.push(at);
  }
}
