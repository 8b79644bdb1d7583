import { scanDraft, type DraftScanOptions } from '../text/scan-draft';
import type { Finding } from '../findings';
import { explainLeaks, leakTerms } from './leak-terms';
import type { IdentityFinding } from './owner';
import type { Identity } from './schema';
import { identityForSite } from './site';

/** scanDraft on a site, with the identity rule: what belongs to another identity is a high-severity leak. */
export function scanDraftForSite(
  text: string,
  identities: readonly Identity[],
  hostname: string,
  options: Omit<DraftScanOptions, 'identityTerms'> = {},
): Array<Finding | IdentityFinding> {
  const terms = leakTerms(identities, identityForSite(identities, hostname));
  return explainLeaks(scanDraft(text, { ...options, identityTerms: terms }), terms);
}
