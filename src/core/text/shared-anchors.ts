/**
 * Running a finder's big Unicode regex at every position of a draft is most of its time. These
 * helpers find the few places where it could match (with a simple regex that runs fast), so the
 * big one is tried only there, with exactly the same results as a scan of the whole draft.
 */

/** Where each hit of `anchor` (global, without the u flag) starts, overlapping hits included. */
export function anchorHits(anchor: RegExp, text: string): number[] {
  const hits: number[] = [];
  anchor.lastIndex = 0;
  for (let m = anchor.exec(text); m; m = anchor.exec(text)) {
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
