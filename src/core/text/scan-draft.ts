import type { CountryCode } from 'libphonenumber-js';
import { compareFindings, type Finding } from '../findings';
import { findAddresses } from './address';
import { findEmails } from './email';
import { findHandles } from './handles';
import { findIdentityTerms, type IdentityTerm } from './identity-terms';
import { findPayments } from './payment';
import { findPhones, forgetPhoneAnswers } from './phone';
import { contextCountries } from './phone-country';
import { overlaps, type Candidate } from './shared-findings';

export interface DraftScanOptions {
  /** Where the person lives: a hint for numbers written without a country code. */
  country?: CountryCode;
  /** Names, numbers, emails, handles and places of the person's other identities. */
  identityTerms?: readonly IdentityTerm[];
}

/**
 * Longest text of one field that is read and scanned: 131 072 characters, some 20 000 words,
 * many times the longest ad. Past it a paste is more likely a dump than an ad; the limit keeps
 * every scan short (pasted text is untrusted input), and the person is told the rest was not read.
 */
export const MAX_DRAFT_CHARS = 128 * 1024;

/**
 * Where a draft may be cut into parts scanned on their own: three line breaks in a row. No
 * finder joins text across them (the phone finder allows at most two between digit groups).
 */
const PART_BREAK = /\n[ \t]*\n[ \t]*\n/g;

/**
 * Findings of recently scanned parts, by their text. As a person types, only the part they are
 * in changes; the others are not scanned again.
 */
const partCache = new Map<string, ScannedPart>();

/** A part's findings, and its emails and handles before one-finding-each, for the identity finder. */
interface ScannedPart {
  findings: Finding[];
  emails: Candidate[];
  handles: Candidate[];
}

/** The finders' findings as the spans they came from (every one has its span and normal form). */
const spansOf = (findings: Finding[]): Candidate[] =>
  findings.map(({ start, end, normalized }) => ({ start: start!, end: end!, normalized: normalized! }));
const MAX_CACHED_PARTS = 256;

/** Everything in a draft's text that could link the ad to the person who wrote it. */
export function scanDraft(text: string, options: DraftScanOptions = {}): Finding[] {
  const draft = text.length > MAX_DRAFT_CHARS ? text.slice(0, MAX_DRAFT_CHARS) : text;
  // The whole draft's clues to its country (places, language) apply to every part of it.
  const countries = [options.country, ...contextCountries(draft)].filter((c): c is CountryCode => !!c);
  const findings: Finding[] = [];
  let start = 0;
  for (const part of [...draft.matchAll(PART_BREAK), null]) {
    const end = part ? part.index! : draft.length;
    const text = draft.slice(start, end);
    const scanned = scanPart(text, countries);
    const generic = scanned.findings;
    const phones = generic.filter((finding) => finding.kind === 'phone');
    const identity = options.identityTerms?.length
      ? findIdentityTerms(text, options.identityTerms, { country: options.country, phones, emails: scanned.emails, handles: scanned.handles })
      : [];
    for (const finding of preferIdentity(generic, identity)) {
      findings.push(start === 0 ? finding : { ...finding, start: finding.start! + start, end: finding.end! + start });
    }
    if (part) start = part.index! + part[0].length;
  }
  return findings.sort(compareFindings);
}

function scanPart(text: string, countries: CountryCode[]): ScannedPart {
  if (text.trim() === '') return { findings: [], emails: [], handles: [] };
  const key = `${countries.join(',')}\u0000${text}`;
  const cached = partCache.get(key);
  if (cached) return cached;
  const [country, ...hints] = countries;
  const emails = findEmails(text);
  const handles = findHandles(text, { country });
  const payments = findPayments(text, { country });
  const findings = oneFindingEach(findPhones(text, { country, hints }), emails, handles, [...payments, ...findAddresses(text)]);
  const scanned = { findings, emails: spansOf(emails), handles: spansOf([...handles, ...payments]) };
  if (partCache.size >= MAX_CACHED_PARTS) partCache.delete(partCache.keys().next().value!);
  partCache.set(key, scanned);
  return scanned;
}

/**
 * One finding for one thing: "WhatsApp 702 555 0147" is a phone number (not also a WhatsApp
 * handle), and digits inside an email address are part of the email, not a phone number.
 */
function oneFindingEach(phones: Finding[], emails: Finding[], handles: Finding[], others: Finding[]): Finding[] {
  const keptPhones = phones.filter((phone) => !emails.some((email) => overlaps(email, phone)));
  const keptHandles = handles.filter(
    (handle) =>
      handle.kind !== 'handle' ||
      !keptPhones.some((phone) => overlaps(phone, handle) && handle.normalized?.endsWith(`:${phone.normalized}`)),
  );
  return [...keptPhones, ...emails, ...keptHandles, ...others];
}

/**
 * A match with another identity says more than the generic finding on the same words ("your
 * personal number" rather than "a phone number"), so it replaces it.
 */
function preferIdentity(generic: Finding[], identity: Finding[]): Finding[] {
  if (identity.length === 0) return generic;
  return [...identity, ...generic.filter((finding) => !identity.some((match) => overlaps(match, finding)))];
}

/** For benchmarks that must time the finders cold, without answers kept from an earlier run. */
export function forgetScannedParts(): void {
  partCache.clear();
  forgetPhoneAnswers();
}
