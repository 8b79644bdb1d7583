import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const CHROME_BUILD = `${ROOT}.output/chrome-mv3`;
/** The Firefox build made for tests (`--mode e2e`): it can open its own pages on request. */
export const FIREFOX_E2E_BUILD = `${ROOT}.output/firefox-mv3-e2e`;
export const SCREENSHOTS = `${ROOT}.output/screenshots`;

export function requireFile(path: string, hint: string): string {
  if (!existsSync(path)) throw new Error(`${path} is missing. ${hint}`);
  return path;
}
