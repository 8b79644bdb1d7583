import type { Finding } from '../findings';
import type { IdentityTerm } from '../text/identity-terms';
import { leakingIdentities, ownerOf, type IdentityFinding, type LeakOwner } from './owner';
import { LEAK_REASONS } from './reasons';
import type { Identity } from './schema';

/** An identity term for findIdentityTerms/scanDraft, with whose it is. */
export type LeakTerm = IdentityTerm & LeakOwner;

/**
 * The key findIdentityTerms gives a match in `Finding.normalized` (`identity:<kind>:<value>`),
 * so a finding can be traced back to its term. Mirrors identity-terms.ts; the tests hold both to it.
 */
export function termKey(term: IdentityTerm): string {
  return `identity:${term.kind}:${term.value.trim().toLowerCase()}`;
}

function termsOf(identity: Identity): IdentityTerm[] {
  return [
    ...identity.names.map((value) => ({ kind: 'name' as const, value })),
    ...identity.aliases.map((value) => ({ kind: 'name' as const, value })),
    ...identity.phones.map((value) => ({ kind: 'phone' as const, value })),
    ...identity.emails.map((value) => ({ kind: 'email' as const, value })),
    ...identity.handles.map((value) => ({ kind: 'handle' as const, value })),
    ...identity.places.map((place) => ({ kind: 'place' as const, value: place.value })),
  ];
}

/**
 * The terms that are leaks on a site of `siteIdentity` (undefined: a site of no identity), for
 * findIdentityTerms or scanDraft. A thing the site's own identity also holds (a city two
 * identities share) is not a leak there: writing it is what that persona does anyway.
 */
export function leakTerms(identities: readonly Identity[], siteIdentity: Identity | undefined): LeakTerm[] {
  const own = new Set(siteIdentity ? termsOf(siteIdentity).map(termKey) : []);
  const seen = new Set<string>();
  const terms: LeakTerm[] = [];
  for (const identity of leakingIdentities(identities, siteIdentity)) {
    const owner = ownerOf(identity);
    for (const term of termsOf(identity)) {
      const key = termKey(term);
      if (own.has(key) || seen.has(key)) continue;
      seen.add(key);
      terms.push({ ...term, ...owner });
    }
  }
  return terms;
}

/**
 * The identity findings of a scan with `terms`, each with its reason in plain words ("your
 * personal number") and whose it is; the other findings as they were.
 */
export function explainLeaks(findings: readonly Finding[], terms: readonly LeakTerm[]): Array<Finding | IdentityFinding> {
  const byKey = new Map<string, LeakTerm>();
  for (const term of terms) if (!byKey.has(termKey(term))) byKey.set(termKey(term), term);
  return findings.map((finding) => {
    const term = finding.kind === 'identity' && finding.normalized ? byKey.get(finding.normalized) : undefined;
    if (!term) return finding;
    const leak: IdentityFinding = {
      ...finding,
      severity: 'high',
      reason: LEAK_REASONS[term.owner][term.kind],
      identityId: term.identityId,
      identityLabel: term.identityLabel,
    };
    return leak;
  });
}
