// The two finders every part runs on the same input: Parasol's scanDraft, and the named
// reference, libphonenumber-js's findNumbers (phones only, default country US).
import { findNumbers, type CountryCode } from 'libphonenumber-js';
import { forgetScannedParts, scanDraft, type DraftScanOptions } from '../../src/core/text/scan-draft';
import type { CorpusCase } from './corpus';
import type { Found } from './match';

export interface ParasolInput {
  country?: string;
  terms?: CorpusCase['terms'];
}

export function parasol(text: string, { country, terms }: ParasolInput = {}): Found[] {
  // The identity-terms option is typed by the finders' authors and may not exist yet; the corpus
  // gives terms in its own documented shape, so they are passed through as they are.
  const options = { country: country as CountryCode | undefined, identityTerms: terms } as unknown as DraftScanOptions;
  return scanDraft(text, options);
}

/**
 * scanDraft keeps the findings of parts it has scanned (a person re-scans the same draft as they
 * type); a timed scan must not reuse them, or it times a lookup instead of the finders.
 */
export function forgetParasolAnswers(): void {
  forgetScannedParts();
}

export function reference(text: string): Found[] {
  return findNumbers(text, { defaultCountry: 'US', v2: true }).map((match) => ({
    kind: 'phone',
    value: text.slice(match.startsAt, match.endsAt),
    normalized: match.number.number,
    start: match.startsAt,
    end: match.endsAt,
  }));
}

export const REFERENCE_NAME = 'findNumbers';
