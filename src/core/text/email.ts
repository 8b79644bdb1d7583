import type { Finding } from '../findings';
import { anchorHits, caseless, charTest, previousChar, runStart } from './shared-anchors';
import { dense, makeFinding, scanAt, withoutOverlaps, type Candidate } from './shared-findings';
import { FILE_EXTENSIONS, KNOWN_TLDS, MAIL_PROVIDERS } from './shared-tlds';
import { atomic } from './shared-regex';
import { decodeEntities, foldLookalikes, lookalikeView, TextView } from './shared-view';
import { isCommonWord } from './shared-words';

/** Latin, Cyrillic and Greek letters only: Chinese text runs on without spaces, straight into an address. */
const LETTER = String.raw`\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}`;
const LOCAL_CHAR = String.raw`${LETTER}\p{Nd}_%+\-`;
const LOCAL = `[${LOCAL_CHAR}]{1,64}`;
const LABEL = String.raw`[${LETTER}\p{Nd}\-]{1,63}`;
/** Not inside a longer word, address or entity: a match may only start where a name could. */
const START = `(?<![${LOCAL_CHAR}.'’@&#/])`;

const PLAIN = new RegExp(
  String.raw`${START}(${LOCAL}(?:\.${LOCAL}){0,8})@((?:${LABEL}\.){1,8}[${LETTER}]{2,24})(?![\p{L}\p{N}\-]|\.[\p{L}\p{N}])`,
  'uy',
);

const SP = String.raw`[ \t\u00a0]`;
const OPEN = String.raw`[\[({<]`;
const CLOSE = String.raw`[\])}>]`;
const AT_WORDS = 'at|arroba|собака|собачка';
const DOT_WORDS = 'dot|punto|точка|тчк';
/** Punctuation hugging a spelled-out word: "-at-", ".dot.", "*at*". */
const HUG = String.raw`[\-_.*]`;
/** "@" written to dodge filters: " at ", "[at]", "(at)", "(a)", " @ ", "-at-". */
const AT = String.raw`${SP}{0,2}${OPEN}${SP}{0,2}(?:${AT_WORDS}|@|a)${SP}{0,2}${CLOSE}${SP}{0,2}|${SP}{0,2}${HUG}${SP}?(?:${AT_WORDS})${SP}?${HUG}${SP}{0,2}|${SP}{1,3}(?:${AT_WORDS})${SP}{1,3}|${SP}{1,3}@${SP}{0,3}|@${SP}{1,3}`;
const WRITTEN_DOT = String.raw`${SP}{0,2}${OPEN}${SP}{0,2}(?:${DOT_WORDS}|\.)${SP}{0,2}${CLOSE}${SP}{0,2}|${SP}{0,2}${HUG}${SP}?(?:${DOT_WORDS})${SP}?${HUG}${SP}{0,2}`;
/** In the name part a bare ". " ends a sentence, so only written-out dots count there. */
const LOCAL_DOT = String.raw`${WRITTEN_DOT}|${SP}{1,3}(?:${DOT_WORDS})${SP}{1,3}|\.`;
const DOMAIN_DOT = String.raw`${LOCAL_DOT}|${SP}{1,3}\.${SP}{0,3}|\.${SP}{1,3}`;
/** A domain label that stops before a hugged "-dot-". */
const SPELLED_LABEL = String.raw`(?:[${LETTER}\p{Nd}]|-(?!(?:${DOT_WORDS})-)){1,63}`;

const SPELLED = new RegExp(
  `${START}(?<local>${atomic(LOCAL)}(?:(?:${LOCAL_DOT})${LOCAL}){0,4})(?<at>${AT})(?<domain>${SPELLED_LABEL}(?:(?:${DOMAIN_DOT})${SPELLED_LABEL}){0,4})`,
  'iuy',
);
const DOMAIN_PART = new RegExp(`(${SPELLED_LABEL})((?:${DOMAIN_DOT}))?`, 'iuy');
const LOCAL_SPLIT = new RegExp(`(?:${LOCAL_DOT})`, 'iu');

/** "jane@gmail": a known provider without its domain ending. */
const PROVIDER_ONLY = new RegExp(
  String.raw`${START}(${LOCAL}(?:\.${LOCAL}){0,8})@(${Object.keys(MAIL_PROVIDERS).join('|')})(?![\p{L}\p{N}\-@]|\.[\p{L}\p{N}])`,
  'iuy',
);

/** "my gmail is honeybee.nyc", "gmail: jane88": the provider named first. */
const PROVIDER_FIRST = new RegExp(
  String.raw`(?<![${LOCAL_CHAR}.@])(${Object.keys(MAIL_PROVIDERS).join('|')})(${SP}{1,3}(?:is|es)${SP}{1,3}|${SP}{0,2}[:：=]${SP}{0,3})(${LOCAL}(?:\.${LOCAL}){0,8})(?![${LOCAL_CHAR}@]|\.[\p{L}\p{N}])`,
  'iuy',
);
/** Where PROVIDER_FIRST can start: a provider's name. */
const PROVIDER_WORD = new RegExp(caseless(Object.keys(MAIL_PROVIDERS).join('|')), 'gi');

/** "j a n e @ g m a i l . c o m": a run of single characters with an "@" among them. */
const SPACED_LETTERS = /(?<!\S)\S(?: \S){4,}(?!\S)/uy;
const SPACED_LETTERS_ALL = new RegExp(SPACED_LETTERS.source, 'gu');
const isSpace = charTest(/\s/u);

/** Each "@" in the view. */
function atSigns(text: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf('@'); i >= 0; i = text.indexOf('@', i + 1)) at.push(i);
  return at;
}

/**
 * Where SPACED_LETTERS matches around an "@": the "@" stands alone, and so do the characters
 * before it, one space apart; the run of them starts at the first (a match is always a whole run).
 */
function spacedRunStarts(text: string, ats: number[]): number[] {
  const alone = (at: number) => at === 0 || isSpace(text, previousChar(text, at));
  const endsAlone = (end: number) => end >= text.length || isSpace(text, end);
  const starts: number[] = [];
  let runEnd = 0;
  for (const at of ats) {
    // An "@" in the run of the last one is part of that run.
    if (at < runEnd || !alone(at) || !endsAlone(at + 1)) continue;
    let start = at;
    for (;;) {
      if (start < 2 || text[start - 1] !== ' ') break;
      const before = previousChar(text, start - 1);
      if (isSpace(text, before) || !alone(before)) break;
      start = before;
    }
    let end = at + 1;
    for (;;) {
      if (text[end] !== ' ' || end + 1 >= text.length || isSpace(text, end + 1)) break;
      const after = end + 1 + (text.codePointAt(end + 1)! > 0xffff ? 2 : 1);
      if (!endsAlone(after)) break;
      end = after;
    }
    starts.push(start);
    runEnd = end;
  }
  return starts;
}

/** The draft with entities decoded, full-width forms folded and spaced-out addresses joined. */
function emailView(text: string): TextView {
  const decoded = decodeEntities(TextView.of(text));
  const view = decoded.text === text ? lookalikeView(text) : foldLookalikes(decoded);
  const ats = atSigns(view.text);
  if (ats.length === 0) return view;
  // Text crowded with "@" is scanned whole, as the runs around each would cost more.
  if (dense(ats.length, view.text)) return view.rewrite(SPACED_LETTERS_ALL, joinSpaced);
  const matches: RegExpExecArray[] = [];
  let from = 0;
  for (const start of spacedRunStarts(view.text, ats)) {
    if (start < from) continue;
    SPACED_LETTERS.lastIndex = start;
    const m = SPACED_LETTERS.exec(view.text);
    if (!m) continue;
    matches.push(m);
    from = start + m[0].length;
  }
  return view.rewriteMatches(matches, joinSpaced);
}

/** A spaced-out run with an "@" among its characters, read without the spaces. */
function joinSpaced(m: RegExpExecArray): Array<[string, number]> | null {
  if (!m[0].includes('@')) return null;
  const kept: Array<[string, number]> = [];
  let at = m.index;
  for (const char of m[0]) {
    if (char !== ' ') kept.push([char, at]);
    at += char.length;
  }
  return kept;
}

const isLocalChar = charTest(new RegExp(`[${LOCAL_CHAR}]`, 'u'));
const isLocalOrDot = charTest(new RegExp(`[${LOCAL_CHAR}.]`, 'u'));
/** Longer than any name part PLAIN or PROVIDER_ONLY reads (64 + 8 × 65 characters). */
const MAX_PLAIN_LOCAL = 600;

/**
 * Where PLAIN and PROVIDER_ONLY can start: the name before an "@" is letters and dots only, and
 * may not follow another of them, so it starts where that run of letters and dots starts.
 */
function plainStarts(text: string, ats: number[]): number[] | null {
  return dense(ats.length, text) ? null : ats.map((at) => runStart(text, at, isLocalOrDot, MAX_PLAIN_LOCAL));
}

function plainCandidates(view: TextView, starts: number[] | null): Candidate[] {
  return scanAt(PLAIN, view.text, starts, (m) => {
    const domain = m[2]!;
    const labels = domain.split('.');
    const tld = labels[labels.length - 1]!.toLowerCase();
    if (FILE_EXTENSIONS.has(tld)) return null;
    if (labels.some((label) => label.startsWith('-') || label.endsWith('-'))) return null;
    const [start, end] = view.span(m.index, m.index + m[0].length);
    return [{ start, end, normalized: `${m[1]!}@${domain}`.toLowerCase() }];
  });
}

function providerCandidates(view: TextView, starts: number[] | null): Candidate[] {
  return scanAt(PROVIDER_ONLY, view.text, starts, (m) => {
    const [start, end] = view.span(m.index, m.index + m[0].length);
    return [{ start, end, normalized: `${m[1]!}@${MAIL_PROVIDERS[m[2]!.toLowerCase()]!}`.toLowerCase() }];
  });
}

function providerFirstCandidates(view: TextView): Candidate[] {
  return scanAt(PROVIDER_FIRST, view.text, anchorHits(PROVIDER_WORD, view.text), (m) => {
    const name = m[3]!;
    // "my gmail is full" is prose: only a name with a digit, dot or underscore, or after a colon, is an address.
    if (isCommonWord(name) || (!/[\d._]/.test(name) && !/[:：=]/.test(m[2]!))) return null;
    const [start, end] = view.span(m.index, m.index + m[0].length);
    return [{ start, end, normalized: `${name}@${MAIL_PROVIDERS[m[1]!.toLowerCase()]!}`.toLowerCase() }];
  });
}

interface Label {
  text: string;
  /** Offset in the view just after the label. */
  end: number;
}

function domainLabels(domain: string, offset: number): Label[] {
  const labels: Label[] = [];
  DOMAIN_PART.lastIndex = 0;
  for (let m = DOMAIN_PART.exec(domain); m; m = DOMAIN_PART.exec(domain)) {
    labels.push({ text: m[1]!, end: offset + m.index + m[1]!.length });
    if (!m[2]) break;
  }
  return labels;
}

/**
 * Where AT can be: an "@", a written-out "at" between spaces, brackets or hugging marks, or a
 * bracketed "(a)". Its first character is at most 5 after the end of the name before it.
 */
const AT_ANCHOR = new RegExp(
  String.raw`[ \t\u00a0\[({<\-_.*](?:${AT_WORDS})[ \t\u00a0\])}>\-_.*]|@|[\[({<][ \t\u00a0]{0,2}a[ \t\u00a0]{0,2}[\])}>]`,
  'gi',
);
const isGapChar = charTest(/[ \t\u00a0[({<\])}>.*]/u);
const isSpaceOnly = (gap: string) => /^[ \t\u00a0]+$/.test(gap);
const DOT_WORD = new RegExp(String.raw`^[\-_]*(?:${DOT_WORDS})?[\-_]*$`, 'iu');
/** Longer than any name part SPELLED reads (5 × 64 letters and 4 written dots). */
const MAX_SPELLED_LOCAL = 400;
/** Longer than the written dots between two name parts ("  (  .  )  "). */
const MAX_DOT_GAP = 12;

/**
 * Where SPELLED can start: at the start of one of the runs of letters before an "at", walking
 * back over the runs its written dots join ("jane dot doe at", "jane[.]doe at", "jane.doe at"):
 * two runs joined only by spaces need a written-out dot ("dot", "-dot-", "-") on one side.
 */
function spelledStarts(text: string): number[] | null {
  const starts: number[] = [];
  const ats = anchorHits(AT_ANCHOR, text);
  if (ats === null) return null;
  for (const at of ats) {
    for (let end = Math.max(1, at - 5); end <= at + 1 && end <= text.length; end++) {
      if (!isLocalChar(text, end - 1)) continue;
      let pos = end;
      let runFrom = runStart(text, pos, isLocalChar, MAX_SPELLED_LOCAL);
      while (runFrom < pos) {
        starts.push(runFrom);
        if (end - runFrom >= MAX_SPELLED_LOCAL) break;
        const gapFrom = runStart(text, runFrom, isGapChar, MAX_DOT_GAP);
        if (gapFrom === runFrom || gapFrom === 0 || !isLocalChar(text, previousChar(text, gapFrom))) break;
        const previousFrom = runStart(text, gapFrom, isLocalChar, MAX_SPELLED_LOCAL);
        const joins =
          !isSpaceOnly(text.slice(gapFrom, runFrom)) ||
          DOT_WORD.test(text.slice(runFrom, pos)) ||
          DOT_WORD.test(text.slice(previousFrom, gapFrom));
        if (!joins) break;
        pos = gapFrom;
        runFrom = previousFrom;
      }
    }
  }
  return starts;
}

function spelledCandidates(view: TextView): Candidate[] {
  return scanAt(SPELLED, view.text, spelledStarts(view.text), (m) => {
    const { local: localWritten, at: atRaw, domain: domainWritten } = m.groups as Record<string, string>;
    const local = localWritten!.split(LOCAL_SPLIT).join('.');
    const atWritten = atRaw!.trim().replace(/^[[({<\-_.*]\s*|\s*[\])}>\-_.*]$/g, '');
    const domainStart = m.index + localWritten!.length + atRaw!.length;
    const labels = domainLabels(domainWritten!, domainStart);
    // Prose reads "look at this dot com": a written-out "at" needs a name and a domain that are not plain words.
    const spelledAt = /^\p{L}{2,}$/u.test(atWritten);
    if (spelledAt && (isCommonWord(local) || isCommonWord(labels[0]!.text) || /^\d+$/.test(local))) return null;
    let last = -1;
    for (let i = labels.length - 1; i >= 1; i--) {
      if (KNOWN_TLDS.has(labels[i]!.text.toLowerCase())) {
        last = i;
        break;
      }
    }
    let domain: string;
    let end: number;
    if (last >= 1) {
      domain = labels
        .slice(0, last + 1)
        .map((label) => label.text)
        .join('.');
      end = labels[last]!.end;
    } else {
      const provider = MAIL_PROVIDERS[labels[0]!.text.toLowerCase()];
      if (!provider) return null;
      domain = provider;
      end = labels[0]!.end;
    }
    const [start, draftEnd] = view.span(m.index, end);
    return [{ start, end: draftEnd, normalized: `${local}@${domain}`.toLowerCase() }];
  });
}

/** Email addresses as candidates (spans on the draft), for other finders that need them. */
export function emailCandidates(text: string): Candidate[] {
  const view = emailView(text);
  const starts = plainStarts(view.text, atSigns(view.text));
  return withoutOverlaps([
    ...plainCandidates(view, starts),
    ...providerCandidates(view, starts),
    ...spelledCandidates(view),
    ...providerFirstCandidates(view),
  ]);
}

/**
 * Email addresses, plain or written to slip past filters ("jane at mail dot com",
 * "jane[at]mail[dot]com", "jane&#64;mail.com", "j a n e @ m a i l . c o m").
 */
export function findEmails(text: string): Finding[] {
  return emailCandidates(text).map((candidate) => makeFinding(text, 'email', 'high', 'reasonEmail', candidate));
}
