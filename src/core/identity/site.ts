import type { Identity } from './schema';

/** A host in the one form site patterns are kept in: lower case, no final dot. */
function normalHost(hostname: string): string {
  return hostname.trim().toLowerCase().replace(/\.$/, '');
}

/**
 * The identity a site belongs to: one that lists its host or a parent of it ("mail.example.com"
 * belongs to "example.com"). When two do, the more specific pattern wins; then the first listed.
 */
export function identityForSite(identities: readonly Identity[], hostname: string): Identity | undefined {
  const host = normalHost(hostname);
  if (!host) return undefined;
  let best: Identity | undefined;
  let bestLength = -1;
  for (const identity of identities) {
    for (const site of identity.sites) {
      const matches = host === site || host.endsWith(`.${site}`);
      if (matches && site.length > bestLength) {
        best = identity;
        bestLength = site.length;
      }
    }
  }
  return best;
}
