import type { Finding } from '../findings';
import { makeFinding, scan, withoutOverlaps, type Candidate } from './shared-findings';
import { FILE_EXTENSIONS, KNOWN_TLDS, MAIL_PROVIDERS } from './shared-tlds';
import { atomic } from './shared-regex';
import { decodeEntities, foldLookalikes, TextView } from './shared-view';
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
  'gu',
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
  'giu',
);
const DOMAIN_PART = new RegExp(`(${SPELLED_LABEL})((?:${DOMAIN_DOT}))?`, 'iuy');
const LOCAL_SPLIT = new RegExp(`(?:${LOCAL_DOT})`, 'iu');

/** "jane@gmail": a known provider without its domain ending. */
const PROVIDER_ONLY = new RegExp(
  String.raw`${START}(${LOCAL}(?:\.${LOCAL}){0,8})@(${Object.keys(MAIL_PROVIDERS).join('|')})(?![\p{L}\p{N}\-@]|\.[\p{L}\p{N}])`,
  'giu',
);

/** "my gmail is honeybee.nyc", "gmail: jane88": the provider named first. */
const PROVIDER_FIRST = new RegExp(
  String.raw`(?<![${LOCAL_CHAR}.@])(${Object.keys(MAIL_PROVIDERS).join('|')})(${SP}{1,3}(?:is|es)${SP}{1,3}|${SP}{0,2}[:：=]${SP}{0,3})(${LOCAL}(?:\.${LOCAL}){0,8})(?![${LOCAL_CHAR}@]|\.[\p{L}\p{N}])`,
  'giu',
);

/** "j a n e @ g m a i l . c o m": a run of single characters with an "@" among them. */
const SPACED_LETTERS = /(?<!\S)\S(?: \S){4,}(?!\S)/gu;

/** The draft with entities decoded, full-width forms folded and spaced-out addresses joined. */
export function emailView(text: string): TextView {
  const view = foldLookalikes(decodeEntities(TextView.of(text)));
  if (!view.text.includes('@')) return view;
  return view.rewrite(SPACED_LETTERS, (m) => {
    if (!m[0].includes('@')) return null;
    const kept: Array<[string, number]> = [];
    let at = m.index;
    for (const char of m[0]) {
      if (char !== ' ') kept.push([char, at]);
      at += char.length;
    }
    return kept;
  });
}

function plainCandidates(view: TextView): Candidate[] {
  return scan(PLAIN, view.text, (m) => {
    const domain = m[2]!;
    const labels = domain.split('.');
    const tld = labels[labels.length - 1]!.toLowerCase();
    if (FILE_EXTENSIONS.has(tld)) return null;
    if (labels.some((label) => label.startsWith('-') || label.endsWith('-'))) return null;
    const [start, end] = view.span(m.index, m.index + m[0].length);
    return [{ start, end, normalized: `${m[1]!}@${domain}`.toLowerCase() }];
  });
}

function providerCandidates(view: TextView): Candidate[] {
  return scan(PROVIDER_ONLY, view.text, (m) => {
    const [start, end] = view.span(m.index, m.index + m[0].length);
    return [{ start, end, normalized: `${m[1]!}@${MAIL_PROVIDERS[m[2]!.toLowerCase()]!}`.toLowerCase() }];
  });
}

function providerFirstCandidates(view: TextView): Candidate[] {
  return scan(PROVIDER_FIRST, view.text, (m) => {
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

function spelledCandidates(view: TextView): Candidate[] {
  return scan(SPELLED, view.text, (m) => {
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
  return withoutOverlaps([
    ...plainCandidates(view),
    ...providerCandidates(view),
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
