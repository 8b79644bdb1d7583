import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { Finding, Fix } from '../findings';
import { emailCandidates } from './email';
import { handleCandidates } from './handles';
import { paymentCandidates } from './payment';
import { FALLBACK_COUNTRY, findPhones } from './phone';
import { foldedView, foldTerm } from './shared-fold';
import { makeFinding, withoutOverlaps, type Candidate } from './shared-findings';
import type { TextView } from './shared-view';

/** Something that belongs to another of the person's identities, and what to write instead. */
export interface IdentityTerm {
  kind: 'name' | 'phone' | 'email' | 'handle' | 'place';
  value: string;
  replacement?: string;
}

export interface IdentityOptions {
  /** Where the person lives: how to read a phone term written without its country code. */
  country?: CountryCode;
  /**
   * The phone numbers already found in this same text (findPhones with the same country), so
   * they are not looked for a second time; without them the finder runs findPhones itself.
   */
  phones?: readonly Finding[];
  /** Likewise the email, and the handle and payment, candidates already found in this text. */
  emails?: readonly Candidate[];
  handles?: readonly Candidate[];
}

/** Terms come from storage a page never sees, but are still capped: a huge list must not stall typing. */
export const MAX_TERMS = 500;
export const MAX_TERM_LENGTH = 200;
/** A name shorter than this ("Al") matches too much prose to be worth a warning. */
const MIN_NAME_LETTERS = 2;
/** A username shorter than this is searched for only through the handle and email finders. */
const MIN_BARE_USERNAME = 3;

const KINDS = new Set<IdentityTerm['kind']>(['name', 'phone', 'email', 'handle', 'place']);

interface TermHit extends Candidate {
  fix: Fix;
}

/** What the finders are asked only once per draft, however many terms there are. */
class Draft {
  private folded?: TextView;
  private phones?: readonly Finding[];
  private emails?: readonly Candidate[];
  private handles?: readonly Candidate[];

  constructor(
    readonly text: string,
    readonly options: IdentityOptions,
  ) {}

  foldedView(): TextView {
    return (this.folded ??= foldedView(this.text));
  }
  phoneFindings(): readonly Finding[] {
    return (this.phones ??= this.options.phones ?? findPhones(this.text, { country: this.options.country }));
  }
  emailCandidates(): readonly Candidate[] {
    return (this.emails ??= this.options.emails ?? emailCandidates(this.text));
  }
  handleCandidates(): readonly Candidate[] {
    return (this.handles ??=
      this.options.handles ?? [...handleCandidates(this.text, this.options), ...paymentCandidates(this.text, this.options)]);
  }
}

function isHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}

/** Whole-word places where the folded `needle` stands in the folded draft, as draft spans. */
function wordHits(view: TextView, needle: string): Array<[number, number]> {
  const hits: Array<[number, number]> = [];
  if (!needle) return hits;
  // Chinese runs on without spaces, so a Chinese name has no word edges to check.
  const edges = !isHan(needle);
  const haystack = view.text;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    if (edges && (/[\p{L}\p{N}]/u.test(haystack[at - 1] ?? '') || /[\p{L}\p{N}]/u.test(haystack[end] ?? ''))) continue;
    hits.push(view.span(at, end));
  }
  return hits;
}

/**
 * What is searched for a name: its folded form, and that form without spaces or dots (when it
 * differs), or nothing for a name too short to search. Kept per term: the same terms are
 * searched at every pause in typing.
 */
const nameForms = new Map<string, string[]>();

function nameFormsOf(value: string): string[] {
  let forms = nameForms.get(value);
  if (forms) return forms;
  const folded = foldTerm(value);
  const joined = folded.replace(/[\s.\-_]/g, '');
  forms = (folded.match(/[\p{L}\p{N}]/gu) ?? []).length < MIN_NAME_LETTERS ? [] : joined !== folded ? [folded, joined] : [folded];
  if (nameForms.size >= MAX_TERMS * 2) nameForms.clear();
  nameForms.set(value, forms);
  return forms;
}

/** A name or place in any case, with or without accents, letters swapped or spelled out. */
function nameHits(draft: Draft, value: string): Array<[number, number]> {
  const forms = nameFormsOf(value);
  if (forms.length === 0) return [];
  const view = draft.foldedView();
  return forms.flatMap((form) => wordHits(view, form));
}

/** A term's number in E.164, by country and term: the same few terms are read again at every keystroke. */
const termNumbers = new Map<string, string | undefined>();

function termNumber(value: string, country: CountryCode): string | undefined {
  const key = `${country}\u0000${value}`;
  if (termNumbers.has(key)) return termNumbers.get(key);
  if (termNumbers.size >= MAX_TERMS) termNumbers.clear();
  const e164 = parsePhoneNumberFromString(value, country)?.number;
  termNumbers.set(key, e164);
  return e164;
}

function phoneHits(draft: Draft, value: string): Array<[number, number]> {
  const e164 = termNumber(value, draft.options.country ?? FALLBACK_COUNTRY);
  if (!e164) return [];
  return draft
    .phoneFindings()
    .filter((phone) => phone.normalized === e164 && phone.start !== undefined && phone.end !== undefined)
    .map((phone) => [phone.start!, phone.end!] as [number, number]);
}

function spansOf(candidates: readonly Candidate[], wanted: (normalized: string) => boolean): Array<[number, number]> {
  return candidates.filter((c) => wanted(c.normalized)).map((c) => [c.start, c.end] as [number, number]);
}

/** A username alone ("janedoe", "@janedoe"), covering its "@" when it has one. */
function bareUsernameHits(draft: Draft, user: string): Array<[number, number]> {
  if (user.length < MIN_BARE_USERNAME) return [];
  return nameHits(draft, user).map(([start, end]) => [draft.text[start - 1] === '@' ? start - 1 : start, end]);
}

function emailHits(draft: Draft, value: string): Array<[number, number]> {
  const email = value.toLowerCase();
  const local = email.split('@')[0] ?? '';
  return [...spansOf(draft.emailCandidates(), (n) => n === email), ...bareUsernameHits(draft, local)];
}

const parsedHandles = new Map<string, { platform?: string; user: string }>();

/** parseHandle, kept per term (it runs the handle finders on the term). */
function handleOf(value: string): { platform?: string; user: string } {
  let parsed = parsedHandles.get(value);
  if (!parsed) {
    if (parsedHandles.size >= MAX_TERMS) parsedHandles.clear();
    parsedHandles.set(value, (parsed = parseHandle(value)));
  }
  return parsed;
}

/** "instagram:jane", "instagram.com/jane", "@jane", "$jane": the app (if named) and the name. */
function parseHandle(value: string): { platform?: string; user: string } {
  const named = /^([a-z]+):([^/].*)$/i.exec(value);
  if (named) return { platform: named[1]!.toLowerCase(), user: named[2]!.replace(/^[@$]/, '').toLowerCase() };
  const fromLink = handleCandidates(value)[0] ?? paymentCandidates(value)[0];
  if (fromLink) {
    const [platform, ...rest] = fromLink.normalized.split(':');
    return { platform, user: rest.join(':') };
  }
  return { user: value.replace(/^[@$]/, '').toLowerCase() };
}

function handleHits(draft: Draft, value: string): Array<[number, number]> {
  const { platform, user } = handleOf(value);
  const matches = (normalized: string) => {
    const cut = normalized.indexOf(':');
    return normalized.slice(cut + 1) === user && (!platform || normalized.slice(0, cut) === platform);
  };
  return [...spansOf(draft.handleCandidates(), matches), ...bareUsernameHits(draft, user)];
}

function hitsFor(draft: Draft, term: IdentityTerm, value: string): Array<[number, number]> {
  switch (term.kind) {
    case 'name':
    case 'place':
      return nameHits(draft, value);
    case 'phone':
      return phoneHits(draft, value);
    case 'email':
      return emailHits(draft, value);
    case 'handle':
      return handleHits(draft, value);
  }
}

/** The terms worth searching for: known kind, a string value, not empty, not too long; at most MAX_TERMS. */
function usableTerms(terms: readonly IdentityTerm[]): IdentityTerm[] {
  return terms.slice(0, MAX_TERMS).filter((term) => {
    if (!term || !KINDS.has(term.kind) || typeof term.value !== 'string') return false;
    const value = term.value.trim();
    return value.length > 0 && value.length <= MAX_TERM_LENGTH;
  });
}

/** Drops what is kept of the terms (their folded forms, numbers, handles): the vault locked. */
export function forgetIdentityTerms(): void {
  nameForms.clear();
  parsedHandles.clear();
  termNumbers.clear();
}

/**
 * Anything from another of the person's identities (a name, number, email, handle or place)
 * in any form the other finders read: "María" as "maria", "M a r i a", "m@r1a"; a number with
 * any punctuation; an email spelled out; a handle as a link or a bare username.
 */
export function findIdentityTerms(text: string, terms: readonly IdentityTerm[], options: IdentityOptions = {}): Finding[] {
  const draft = new Draft(text, options);
  const hits: TermHit[] = [];
  for (const term of usableTerms(terms)) {
    const value = term.value.trim();
    const normalized = `identity:${term.kind}:${value.toLowerCase()}`;
    const fix: Fix =
      typeof term.replacement === 'string' ? { action: 'replace', replacement: term.replacement } : { action: 'remove' };
    for (const [start, end] of hitsFor(draft, term, value)) hits.push({ start, end, normalized, fix });
  }
  return withoutOverlaps(hits).map((hit) => makeFinding(text, 'identity', 'high', 'reasonIdentity', hit, hit.fix));
}
