import type { CountryCode } from 'libphonenumber-js';
import { compareFindings, type Finding } from '../findings';
import { findPhones } from './phone';

export interface DraftScanOptions {
  country?: CountryCode;
}

/** Longest draft scanned at once; past this a paste is more likely a dump than an ad. */
export const MAX_DRAFT_CHARS = 256 * 1024;

/** Everything in a draft's text that could link the ad to the person who wrote it. */
export function scanDraft(text: string, options: DraftScanOptions = {}): Finding[] {
  const draft = text.length > MAX_DRAFT_CHARS ? text.slice(0, MAX_DRAFT_CHARS) : text;
  return findPhones(draft, options).sort(compareFindings);
}
