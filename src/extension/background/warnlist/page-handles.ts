import type { CountryCode } from 'libphonenumber-js';
import { emailCandidates } from '../../../core/text/email';
import { handleCandidates } from '../../../core/text/handles';
import { findPhones } from '../../../core/text/phone';
import { normalHandle } from '../../../core/warnlist/handle';
import type { NormalHandle } from '../../../core/warnlist/types';
import { profileFromLink } from '../../content/handles-sites';

/** A handle as the page wrote it, and its normal form. */
export interface PageHandle {
  written: string;
  handle: NormalHandle;
}

/** Handles checked per page at most: each costs a slow tag per list, and no inbox page shows more clients. */
export const MAX_PAGE_HANDLES = 200;
/** Looks up one handle first (a tag per list, slow on purpose), so the first warning shows within a second; then the rest in larger batches. */
const BATCHES = [1, 4, 16, 64];

/** The page's handles in the batches they are looked up in, page order. */
export function* lookupBatches<T>(found: readonly T[]): Generator<T[]> {
  let at = 0;
  for (let i = 0; at < found.length; i++) {
    const size = BATCHES[Math.min(i, BATCHES.length - 1)]!;
    yield found.slice(at, at + size);
    at += size;
  }
}

/** How much of a handle as written the popup shows. */
const MAX_WRITTEN = 120;

/**
 * The handles in what a page's content script collected: phone numbers (in any disguise, read
 * as the person's own country's when written without a code), emails and usernames found by the
 * text finders in the texts, and the numbers, addresses and accounts links point to. Each
 * normal handle once (the first way it was written), page order, at most MAX_PAGE_HANDLES.
 */
export function pageHandles(texts: readonly string[], links: readonly string[], options: { country?: CountryCode } = {}): PageHandle[] {
  const found = new Map<NormalHandle, string>();
  const add = (written: string, handle: NormalHandle | undefined) => {
    if (handle && !found.has(handle) && found.size < MAX_PAGE_HANDLES) found.set(handle, written.trim().slice(0, MAX_WRITTEN));
  };
  const { country } = options;

  for (const link of links) {
    if (found.size >= MAX_PAGE_HANDLES) break;
    const own = profileFromLink(link);
    if (own) add(own.name, normalHandle(own.name, { site: own.site }));
    else if (/^(?:tel|sms):/i.test(link)) {
      // tel:+1-212-555-0147;ext=2, sms://+12125550147?body=…
      const number = decoded(link.replace(/^[a-z]+:(?:\/\/)?/i, '').split(/[?;]/)[0]!);
      add(number, normalHandle(`tel:${number}`, { country }));
    }
    else if (/^mailto:/i.test(link)) {
      // mailto:a@x.com,b@y.com?subject=…
      for (const address of decoded(link.slice(7).split('?')[0]!).split(',')) add(address, normalHandle(`mailto:${address.trim()}`));
    } else {
      for (const candidate of handleCandidates(link, { country })) add(link, fromCandidate(candidate.normalized, country));
    }
  }

  for (const text of texts) {
    if (found.size >= MAX_PAGE_HANDLES) break;
    const spans: { start: number; handle: NormalHandle | undefined; written: string }[] = [];
    for (const phone of findPhones(text, { country })) {
      if (phone.normalized?.startsWith('+')) spans.push({ start: phone.start ?? 0, written: phone.value, handle: normalHandle(phone.normalized, { country }) });
    }
    for (const email of emailCandidates(text)) {
      spans.push({ start: email.start, written: text.slice(email.start, email.end), handle: normalHandle(`email:${email.normalized}`) });
    }
    for (const candidate of handleCandidates(text, { country })) {
      spans.push({ start: candidate.start, written: text.slice(candidate.start, candidate.end), handle: fromCandidate(candidate.normalized, country) });
    }
    // In the order the page shows them, so the first handles checked are the first ones seen.
    for (const span of spans.sort((a, b) => a.start - b.start)) add(span.written, span.handle);
  }
  return [...found].map(([handle, written]) => ({ written, handle }));
}

/**
 * The text finders name an account `platform:name` ("instagram:mike_nyc88"), or
 * `platform:+E164` for apps reached by phone ("telegram:+12125550147"): that one is the number.
 */
function fromCandidate(normalized: string, country: CountryCode | undefined): NormalHandle | undefined {
  const at = normalized.indexOf(':');
  if (at < 0) return undefined;
  const site = normalized.slice(0, at);
  const name = normalized.slice(at + 1);
  if (/^\+\d{6,15}$/.test(name)) return normalHandle(`tel:${name}`, { country });
  return normalHandle(`user:${site}:${name}`);
}

/**
 * The normal handles to look up for one page handle: a username seen on a known site is also
 * looked up as reported without a site (`user:any:name`), which is how most reports name one.
 */
export function lookupVariants(handle: NormalHandle): NormalHandle[] {
  const user = /^user:([^:]+):(.+)$/.exec(handle);
  return user && user[1] !== 'any' ? [handle, `user:any:${user[2]}`] : [handle];
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
