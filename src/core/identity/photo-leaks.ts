import { hashDistance, samePhoto } from '../image/perceptual-hash';
import { leakingIdentities, ownerOf, type IdentityFinding } from './owner';
import { LEAK_REASONS } from './reasons';
import type { Identity } from './schema';

/**
 * A picked photo (its photoHash) that is one of another identity's photos, resized, saved again
 * or lightly cropped: one finding per identity it matches, by the same rule as the text.
 */
export function photoLeaks(identities: readonly Identity[], siteIdentity: Identity | undefined, hash: string): IdentityFinding[] {
  if (!/^[0-9a-f]{64}$/.test(hash)) return [];
  const leaks: IdentityFinding[] = [];
  for (const identity of leakingIdentities(identities, siteIdentity)) {
    const matches = identity.photos.filter((photo) => photo.hash.length === hash.length && samePhoto(photo.hash, hash));
    if (matches.length === 0) continue;
    const closest = matches.reduce((a, b) => (hashDistance(a.hash, hash) <= hashDistance(b.hash, hash) ? a : b));
    const { owner, ...whose } = ownerOf(identity);
    leaks.push({
      kind: 'identity',
      severity: 'high',
      // A photo has no text of its own; `normalized` names the stored photo it matched.
      value: '',
      normalized: `identity:photo:${closest.hash}`,
      reason: LEAK_REASONS[owner].photo,
      ...whose,
    });
  }
  return leaks;
}
