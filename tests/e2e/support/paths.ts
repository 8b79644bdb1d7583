import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** Where builds go: `.output`, or `$PARASOL_OUTPUT` (see wxt.config.ts). */
export const OUTPUT = process.env.PARASOL_OUTPUT ?? `${ROOT}.output`;
export const CHROME_BUILD = `${OUTPUT}/chrome-mv3`;
export const FIREFOX_BUILD = `${OUTPUT}/firefox-mv3`;
/** The Firefox build made for tests (`--mode e2e`): it can open its own pages on request. */
export const FIREFOX_E2E_BUILD = `${OUTPUT}/firefox-mv3-e2e`;
export const SCREENSHOTS = `${OUTPUT}/screenshots`;

export function requireFile(path: string, hint: string): string {
  if (!existsSync(path)) throw new Error(`${path} is missing. ${hint}`);
  return path;
}
