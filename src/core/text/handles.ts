import type { CountryCode } from 'libphonenumber-js';
import type { Finding } from '../findings';
import { anchorHits, charTest, linkStarts, runStart, wordTree } from './shared-anchors';
import { makeFinding, overlaps, scan, scanAt, withoutOverlaps, type Candidate } from './shared-findings';
import { atomic } from './shared-regex';
import { phoneAtStart } from './shared-phone-at';
import { PROFILE_LINK, readProfile } from './shared-social-links';
import { PLATFORM_ALTERNATION, PLATFORM_WORDS, platformWord } from './shared-social-words';
import { lookalikeView, type TextView } from './shared-view';
import { looksLikeUsername } from './shared-words';

export interface HandleOptions {
  /** Where the person lives: a hint for a WhatsApp or Telegram number written without its country code. */
  country?: CountryCode;
}

interface HandleCandidate extends Candidate {
  kind: 'handle' | 'link';
}

/** Apps people reach by phone number: "whatsapp +1 555…" names the account by its number. */
const PHONE_APPS = new Set(['whatsapp', 'telegram', 'signal', 'viber', 'wechat', 'line']);

const WORD_CHAR = String.raw`\p{Script=Latin}\p{Script=Cyrillic}\p{Nd}_`;
const LATIN_NAMES = PLATFORM_ALTERNATION.split('|').filter((word) => !/\p{Script=Han}$/u.test(word));
const HAN_NAMES = PLATFORM_ALTERNATION.split('|').filter((word) => /\p{Script=Han}$/u.test(word));
/** One app name, whole-word for Latin and Cyrillic names; Chinese names run straight into what follows. */
const APP = String.raw`(?:(?:${LATIN_NAMES.join('|')})(?![${WORD_CHAR}])|(?:${HAN_NAMES.join('|')}))`;
const JOIN = String.raw`[ \t]{0,3}(?:[/&,+|]|and|or|y|o|и|или)[ \t]{0,3}`;
/** "IG/SC", "insta and snap": several apps sharing one name. */
const APPS = `${APP}(?:${JOIN}${APP}){0,5}`;
const LABEL = String.raw`(?:[ \t]{0,3}(?:user[ \t]?name|user|name|handle|id|account|acct|acc|number|num|no\.?|#|号|账号|帐号|ник|логин|номер)(?![${WORD_CHAR}]))?`;
/** Something written between an app and a name: "IG: ", "snap ~ ", "my insta is ", "kik me: ", "微信：", "wechat ♥ ". */
const SEPARATOR = String.raw`(?:[ \t]{0,3}(?:(?:is|es|me|only|solo|только|это)(?![${WORD_CHAR}])|[^\p{L}\p{N}\s@#$_.'’"+]|\uFE0F)){0,6}`;
const NAME = String.raw`[\p{Script=Latin}\p{Nd}_][\p{Script=Latin}\p{Nd}._\-]{0,49}`;

const BEFORE_APP = String.raw`(?<![\p{Script=Latin}\p{Script=Cyrillic}\p{Nd}_@$#./\-])`;
const APP_THEN_NAME = new RegExp(`${BEFORE_APP}(${APPS})(${LABEL}${SEPARATOR})([ \\t]{0,3}|\\s{0,3})((?:@[ \\t]?)?)(${NAME}|\\+)`, 'iuy');
const NAME_THEN_APP = new RegExp(
  String.raw`(?<![${WORD_CHAR}@.])(?<sigil>@?)(?<name>${atomic(NAME)})[ \t]{0,3}(?:(?:on|en|in|via|at|в|на|[\-–—|:])[ \t]{1,3}(?<spoken>${APPS}|X(?![${WORD_CHAR}]))|[(\[][ \t]{0,2}(?<bracketed>${APPS})[ \t]{0,2}[)\]])`,
  'iuy',
);

/**
 * Where an app's name may stand (without the u flag, so it runs fast; a little looser than APP):
 * APP_THEN_NAME starts at one, NAME_THEN_APP ends with one.
 */
const APP_ANCHOR = new RegExp(
  String.raw`(?<![A-Za-z0-9_@$#./\-])${wordTree(
    PLATFORM_WORDS.map((entry) => entry.word),
    { caseless: true },
  )}`,
  'gi',
);
/** What joins a name to the app after it in NAME_THEN_APP ("jane on IG", "jane - snap", "jane (IG)"). */
const SPOKEN_JOINS = ['on', 'en', 'in', 'via', 'at', 'в', 'на', '-', '–', '—', '|', ':'];
/** The last letters of the joins, so most places are ruled out without a lower-cased copy. */
const JOIN_ENDS = new Set(SPOKEN_JOINS.flatMap((word) => [word.at(-1)!, word.at(-1)!.toUpperCase()]));
const isBlank = (char: string | undefined) => char === ' ' || char === '\t';
const isNameChar = charTest(/[\p{Script=Latin}\p{Nd}._\-]/u);
/** NAME is at most 50 characters. */
const MAX_NAME = 51;

/**
 * Where NAME_THEN_APP can start, given where apps are named: walk back from each app over the
 * spaces and the word or mark before it to the end of a name, and take every place in that name
 * a name can start (its first character, just after a "-", or its "@").
 */
function nameThenAppStarts(text: string, apps: number[] | null): number[] | null {
  if (apps === null) return null;
  const starts: number[] = [];
  const addName = (end: number) => {
    if (end <= 0 || !isNameChar(text, end - 1)) return;
    const from = runStart(text, end, isNameChar, MAX_NAME);
    for (let at = from; at < end; at++) {
      if (at === from || text[at - 1] === '-') starts.push(at);
    }
    if (text[from - 1] === '@') starts.push(from - 1);
  };
  const addJoin = (join: number) => {
    for (let end = join; end >= join - 3 && end > 0; end--) {
      addName(end);
      if (!isBlank(text[end - 1])) break;
    }
  };
  for (const app of apps) {
    for (let before = app, blanks = 0; blanks <= 3 && before > 0; blanks++) {
      if (blanks <= 2 && (text[before - 1] === '(' || text[before - 1] === '[')) addJoin(before - 1);
      if (blanks >= 1 && JOIN_ENDS.has(text[before - 1]!)) {
        for (const word of SPOKEN_JOINS) {
          if (before >= word.length && text.slice(before - word.length, before).toLowerCase() === word) addJoin(before - word.length);
        }
      }
      if (!isBlank(text[before - 1])) break;
      before--;
    }
  }
  return starts;
}

function cleanName(name: string): string {
  return name.replace(/[.\-]+$/, '');
}

/** Each app named in a run of them ("IG/SC"). */
const EACH_APP = new RegExp(APP, 'giu');

function appsIn(written: string): string[] {
  const platforms: string[] = [];
  for (const m of written.matchAll(EACH_APP)) {
    const word = platformWord(m[0]);
    if (word && !platforms.includes(word.platform)) platforms.push(word.platform);
  }
  return platforms;
}

/** "u/velvet_vixen": how Reddit writes its usernames. */
const REDDIT_USER = /(?<![\p{L}\p{N}_/.])u\/([A-Za-z0-9_\-]{3,20})(?![A-Za-z0-9_\-/])/gu;

function redditCandidates(view: TextView): HandleCandidate[] {
  return scan(REDDIT_USER, view.text, (m) => {
    const [start, end] = view.span(m.index, m.index + m[0].length);
    return [{ kind: 'handle', start, end, normalized: `reddit:${m[1]!}`.toLowerCase() }];
  });
}

function linkCandidates(view: TextView): HandleCandidate[] {
  return scanAt(PROFILE_LINK, view.text, linkStarts(view.text), (m) => {
    const host = m[1]!;
    const hostEnd = m[0].length - m[2]!.length;
    const profile = readProfile(host, m[2]!);
    if (!profile) return null;
    const [start, end] = view.span(m.index, m.index + hostEnd + profile.used);
    const { platform, user } = profile.account;
    return [{ kind: 'link', start, end, normalized: `${platform}:${user}`.toLowerCase() }];
  });
}

function appThenName(view: TextView, apps: number[] | null, options: HandleOptions): HandleCandidate[] {
  return scanAt(APP_THEN_NAME, view.text, apps, (m) => {
    const [, appsWritten, separator, space, sigil, rawName] = m as unknown as string[];
    const words = [...appsWritten!.matchAll(EACH_APP)].map((w) => platformWord(w[0]));
    if (words.some((word) => !word)) return null;
    const explicit = /\S/.test(separator!) || sigil !== '';
    if (!explicit && /\n/.test(space!)) return null;
    if (!explicit && words.some((word) => word!.weak)) return null;
    const platforms = [...new Set(words.map((word) => word!.platform))];
    const valueAt = m.index + appsWritten!.length + separator!.length + space!.length + sigil!.length;
    const found = phoneAfter(view.text, valueAt, platforms, options) ?? nameAfter(rawName!, sigil!.trim(), platforms);
    if (!found) return null;
    const [start, end] = view.span(m.index, valueAt + found.length);
    return found.names.map((normalized) => ({ kind: 'handle' as const, start, end, normalized }));
  });
}

/** "whatsapp +1 555 123 4567": a number right after a phone app's name. */
function phoneAfter(text: string, at: number, platforms: string[], options: HandleOptions) {
  const apps = platforms.filter((platform) => PHONE_APPS.has(platform));
  if (apps.length === 0 || !/^[\s(]{0,2}[+\d０-９]/.test(text.slice(at, at + 3))) return null;
  const phone = phoneAtStart(text.slice(at, at + 40), options.country);
  if (!phone) return null;
  return { length: phone.end, names: apps.map((app) => `${app}:${phone.e164}`) };
}

function nameAfter(rawName: string, sigil: string, platforms: string[]) {
  const name = cleanName(rawName);
  if (name.length < 2 || platformWord(name)) return null;
  if (!looksLikeUsername(name, sigil === '@')) return null;
  // Apps reached only by phone have no names to show, except a WhatsApp "@name".
  const apps = platforms.filter((platform) => sigil === '@' || !/^(whatsapp|viber)$/.test(platform));
  if (apps.length === 0) return null;
  if (/^\d+$/.test(name) && !apps.some((app) => app === 'qq' || app === 'wechat' || app === 'kik')) return null;
  return { length: name.length, names: apps.map((app) => `${app}:${name}`.toLowerCase()) };
}

function nameThenApp(view: TextView, apps: number[] | null): HandleCandidate[] {
  return scanAt(NAME_THEN_APP, view.text, nameThenAppStarts(view.text, apps), (m) => {
    const { sigil, name: rawName, spoken: spokenApps, bracketed: bracketedApps } = m.groups as Record<string, string | undefined>;
    const written = spokenApps ?? bracketedApps!;
    const name = cleanName(rawName!);
    if (name.length < 2 || platformWord(name)) return null;
    // Without an "@" only a name-shaped word counts: "find me on insta" names no one.
    if (sigil !== '@' && !/[\d._]/.test(name)) return null;
    if (!looksLikeUsername(name, sigil === '@')) return null;
    const platforms = written === 'X' ? ['x'] : /^x$/i.test(written) ? [] : appsIn(written);
    if (platforms.length === 0) return null;
    const [start, end] = view.span(m.index, m.index + m[0].length);
    return platforms.map((platform) => ({ kind: 'handle' as const, start, end, normalized: `${platform}:${name}`.toLowerCase() }));
  });
}

/** Handles and profile links as candidates, for other finders that need them. */
export function handleCandidates(text: string, options: HandleOptions = {}): HandleCandidate[] {
  const view = lookalikeView(text);
  const links = linkCandidates(view);
  const clear = (candidate: Candidate) => !links.some((link) => overlaps(candidate, link));
  const apps = anchorHits(APP_ANCHOR, view.text);
  const words = [...appThenName(view, apps, options), ...nameThenApp(view, apps), ...redditCandidates(view)].filter(clear);
  return withoutOverlaps([...links, ...words]);
}

/**
 * Social media handles and profile links: "instagram.com/jane", "wa.me/15551234567" (kind
 * `link`) and "IG: @jane", "snap ~ jane", "微信：jane88", "@jane on twitter" (kind `handle`).
 * A bare "@word" with no app named is left alone: on its own it says too little.
 */
export function findHandles(text: string, options: HandleOptions = {}): Finding[] {
  return handleCandidates(text, options).map((candidate) =>
    makeFinding(text, candidate.kind, 'high', candidate.kind === 'link' ? 'reasonLink' : 'reasonHandle', candidate),
  );
}
