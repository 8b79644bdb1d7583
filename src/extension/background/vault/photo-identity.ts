import type { Finding } from '../../../core/findings';
import { identityForSite } from '../../../core/identity/site';
import { photoLeaks } from '../../../core/identity/photo-leaks';
import { photoFingerprint } from '../../photos/photo-fingerprint';
import type { TabFindingsStore } from '../tab-findings';
import { unlockedIdentities } from './unlocked-identities';
import { pageHost } from './vault-handlers';

export type IdentityPhotoCheck = (tabId: number, bytes: Uint8Array) => Promise<Finding[]>;

/**
 * A picked photo that is one of another identity's photos (resized or saved again), by the same
 * rule as the text: a high-severity leak. Only while unlocked, and only if some identity has photos.
 */
export function identityPhotoCheck(store: TabFindingsStore): IdentityPhotoCheck {
  return async (tabId, bytes) => {
    const identities = unlockedIdentities();
    if (!identities?.some((identity) => identity.photos.length > 0)) return [];
    const hash = await photoFingerprint(bytes);
    if (!hash) return [];
    const host = await pageHost(store, tabId);
    return photoLeaks(identities, host ? identityForSite(identities, host) : undefined, hash);
  };
}
