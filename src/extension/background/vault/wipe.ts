import { browser } from 'wxt/browser';

/** More to undo on a wipe (containers Parasol made, sites' content scripts): each part registers its own. */
const extraWipes = new Set<() => Promise<void>>();

export function onWipe(undo: () => Promise<void>): void {
  extraWipes.add(undo);
}

/**
 * Quick wipe: everything Parasol keeps on this device is deleted: storage.local (vault, settings),
 * storage.session (key, findings), every IndexedDB database and Cache Storage of the extension's
 * origin (the face finder's libraries may keep models there), after what other parts registered.
 * Each step runs even if one before it failed; the first failure is thrown at the end.
 */
export async function wipeEverything(): Promise<void> {
  // Other parts first: they may read what they stored (which containers they made) to undo it.
  const steps: Array<() => Promise<unknown>> = [
    ...extraWipes,
    () => browser.storage.local.clear(),
    () => browser.storage.session.clear(),
    deleteDatabases,
    deleteCaches,
  ];
  let failure: unknown;
  for (const step of steps) {
    try {
      await step();
    } catch (error) {
      failure ??= error;
    }
  }
  if (failure !== undefined) throw failure;
}

async function deleteDatabases(): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  const databases = await indexedDB.databases();
  await Promise.all(
    databases.map(
      ({ name }) =>
        new Promise<void>((resolve, reject) => {
          if (!name) return resolve();
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error ?? new Error(`could not delete ${name}`));
          // Another page of Parasol still has it open: it goes once that page closes.
          request.onblocked = () => resolve();
        }),
    ),
  );
}

async function deleteCaches(): Promise<void> {
  if (typeof caches === 'undefined') return;
  await Promise.all((await caches.keys()).map((name) => caches.delete(name)));
}
