import type { Identity } from '../../../core/identity/schema';

/**
 * The identities while the vault is unlocked, held in the background's memory only; undefined
 * while it is locked (or there is none). Other background parts (draft checks, photo checks,
 * Firefox containers) read them here and hear of every change, lock and unlock included.
 */
let current: readonly Identity[] | undefined;
const listeners = new Set<(identities: readonly Identity[] | undefined) => void>();

export function unlockedIdentities(): readonly Identity[] | undefined {
  return current;
}

export function setUnlockedIdentities(identities: readonly Identity[] | undefined): void {
  current = identities;
  for (const listener of listeners) {
    try {
      listener(identities);
    } catch {
      // One part failing to hear a change must not keep it from the others.
    }
  }
}

/** Calls `listener` on every change; returns a function that stops it. */
export function onIdentitiesChange(listener: (identities: readonly Identity[] | undefined) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
