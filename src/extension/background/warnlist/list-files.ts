import { browser } from 'wxt/browser';

/**
 * List files as imported, each under its own storage.local key. A file is already sealed by its
 * list's secret (which only the vault holds), so it is stored as it came: one write per file, and
 * the vault stays small. A seized device shows only how many lists there are and their sizes.
 */
const PREFIX = 'warnlist-file:';

export function newFileKey(): string {
  return `${PREFIX}${crypto.randomUUID()}`;
}

export async function readListFile(key: string): Promise<string | undefined> {
  const stored = (await browser.storage.local.get(key))[key];
  return typeof stored === 'string' ? stored : undefined;
}

export async function writeListFile(key: string, text: string): Promise<void> {
  await browser.storage.local.set({ [key]: text });
}

export async function removeListFiles(keys: string[]): Promise<void> {
  if (keys.length > 0) await browser.storage.local.remove(keys);
}
