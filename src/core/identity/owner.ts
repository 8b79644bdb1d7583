import type { Finding } from '../findings';
import type { Identity } from './schema';

/** Whose a leaked thing is, for the plain-words reason: "your personal number", "your number as Lola". */
export interface LeakOwner {
  /** `personal` for the person's own identity, `other` for another work persona. */
  owner: 'personal' | 'other';
  identityId: string;
  /** The identity's label, for messages that name it. */
  identityLabel: string;
}

/** A finding of something that belongs to another identity than the site's. Always high severity. */
export type IdentityFinding = Finding & Omit<LeakOwner, 'owner'>;

export function ownerOf(identity: Identity): LeakOwner {
  return { owner: identity.kind === 'personal' ? 'personal' : 'other', identityId: identity.id, identityLabel: identity.label };
}

/**
 * Identities whose things must not show up on a site of `siteIdentity`: every other one; on a
 * site of no identity, only the personal one (a persona's work name on a random forum is the
 * persona's business, the person's own number is not). The personal identity comes first, so
 * a thing both hold is reported as personal.
 */
export function leakingIdentities(identities: readonly Identity[], siteIdentity: Identity | undefined): Identity[] {
  const others = siteIdentity
    ? identities.filter((identity) => identity.id !== siteIdentity.id)
    : identities.filter((identity) => identity.kind === 'personal');
  return [...others].sort((a, b) => Number(b.kind === 'personal') - Number(a.kind === 'personal'));
}
