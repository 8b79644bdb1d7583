import type { Finding, FindingKind, Fix, Severity } from '../findings';

export interface Candidate {
  start: number;
  end: number;
  normalized: string;
}

/** A finding over text.slice(start, end); value is always the draft's own text at that span. */
export function makeFinding(
  text: string,
  kind: FindingKind,
  severity: Severity,
  reason: string,
  candidate: Candidate,
  fix: Fix = { action: 'remove' },
): Finding {
  return {
    kind,
    severity,
    value: text.slice(candidate.start, candidate.end),
    normalized: candidate.normalized,
    start: candidate.start,
    end: candidate.end,
    reason,
    fix,
  };
}

/** Two spans that share at least one character. Findings here always carry their spans. */
export function overlaps(a: { start?: number; end?: number }, b: { start?: number; end?: number }): boolean {
  return a.start! < b.end! && b.start! < a.end!;
}

/**
 * Candidates in reading order with no two overlapping: where they clash, the one that starts
 * first wins, and of two starting together the longer one. The same span with different
 * normalized values (one name given for two apps, "IG/SC: jane") is kept, once per value.
 */
export function withoutOverlaps<T extends Candidate>(candidates: T[]): T[] {
  const sorted = [...candidates].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  for (const candidate of sorted) {
    const last = kept[kept.length - 1];
    if (!last || candidate.start >= last.end) {
      kept.push(candidate);
      continue;
    }
    const sameSpan = candidate.start === last.start && candidate.end === last.end;
    if (sameSpan && !kept.some((k) => k.start === candidate.start && k.normalized === candidate.normalized)) {
      kept.push(candidate);
    }
  }
  return kept;
}

/** Runs a global regex over text, letting `accept` turn each match into candidates; a rejected match retries one character later. */
export function scan<T>(pattern: RegExp, text: string, accept: (match: RegExpExecArray) => T[] | null): T[] {
  const out: T[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const got = accept(m);
    if (got === null || got.length === 0) {
      pattern.lastIndex = nextCodePoint(text, m.index);
      continue;
    }
    out.push(...got);
    if (m[0].length === 0) pattern.lastIndex = nextCodePoint(text, m.index);
  }
  return out;
}

/**
 * Past one anchor in this many characters (text made to be slow, or a short text), finding
 * every place a match could start costs more than a scan of the whole text.
 */
const DENSE = 64;
/** Past one place to try in this many characters, trying each costs more than a whole-text scan. */
const DENSE_STARTS = 16;

/** True when `count` anchors are too many for `text`: scan all of it instead (pass null to scanAt). */
export function dense(count: number, text: string): boolean {
  return count * DENSE > text.length;
}

const globalTwins = new WeakMap<RegExp, RegExp>();

/**
 * scan() for a sticky pattern tried only at `starts` (any order, repeats allowed): the same
 * candidates as a scan of the whole text, provided every place a match can start is among them.
 * With null, or with starts crowded together (text made to be slow), the whole text is scanned.
 */
export function scanAt<T>(
  pattern: RegExp,
  text: string,
  starts: readonly number[] | null,
  accept: (match: RegExpExecArray) => T[] | null,
): T[] {
  if (starts === null || starts.length * DENSE_STARTS > text.length) {
    let twin = globalTwins.get(pattern);
    if (!twin) globalTwins.set(pattern, (twin = new RegExp(pattern.source, pattern.flags.replace('y', 'g'))));
    return scan(twin, text, accept);
  }
  const out: T[] = [];
  if (starts.length === 0) return out;
  const sorted = Int32Array.from(starts).sort();
  let from = 0;
  for (let i = 0; i < sorted.length; i++) {
    const at = sorted[i]!;
    if (at < from || at > text.length || (i > 0 && at === sorted[i - 1])) continue;
    // A scan never starts inside a surrogate pair; the sticky pattern must not either.
    if (at > 0 && isLow(text.charCodeAt(at)) && isHigh(text.charCodeAt(at - 1))) continue;
    pattern.lastIndex = at;
    const m = pattern.exec(text);
    if (!m) continue;
    const got = accept(m);
    if (got === null || got.length === 0) {
      from = nextCodePoint(text, at);
      continue;
    }
    out.push(...got);
    from = m[0].length === 0 ? nextCodePoint(text, at) : at + m[0].length;
  }
  return out;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The index after the character at `i`; a unicode regex would step back into a surrogate pair and loop. */
function nextCodePoint(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? i + 2 : i + 1;
}
