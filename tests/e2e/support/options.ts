import { readFileSync } from 'node:fs';
import { ROOT } from './paths';

/** What the options page tests type and expect, shared by the Chromium and Firefox files. */
export const PASSPHRASE = 'blue kettle on a sunny porch';
export const WRONG_PASSPHRASE = 'blue kettle on a rainy porch';
export const PERSONAL = { label: 'Me', names: 'Maria Lopez', phones: '+1 415 555 0134' };
export const WORK = { label: 'Work – Rose', aliases: 'Rose', site: '127.0.0.1' };

/** The page's words for each outcome, in English (the tests' browsers run in English). */
export const SAYS = {
  unlockWrong: 'That passphrase is not the right one. Check for typing mistakes and try again.',
  tooShort: 'The passphrase is too short: use at least 8 characters.',
  mismatch: 'The two passphrases are not the same. Type them again.',
  foreign: 'This file is not a Parasol backup. Nothing you had was changed.',
  corrupt: 'This backup is damaged or incomplete, so it cannot be read. Nothing you had was changed.',
  wrongBackupPassphrase: 'That passphrase does not open this backup. Nothing you had was changed.',
  restored: 'The backup is restored.',
  wiped: 'Everything Parasol kept is wiped.',
  passphraseChanged: 'Your passphrase is changed. Use the new one from now on; backups made before still open with the old one.',
  oldPassphraseWrong: 'The current passphrase is not the right one. Nothing was changed.',
};

/** Bad backup files made from a good one, each with the message the page must give. */
export function badBackups(good: string): { name: string; buffer: Buffer; mimeType: string; says: string }[] {
  const vault = JSON.parse(good) as Record<string, unknown>;
  return [
    // The records are not what a vault holds: damaged.
    { name: 'corrupt.json', buffer: Buffer.from(JSON.stringify({ ...vault, records: 42 })), mimeType: 'application/json', says: SAYS.corrupt },
    // Cut in the middle, as an interrupted copy would be.
    { name: 'truncated.json', buffer: Buffer.from(good.slice(0, Math.floor(good.length / 2))), mimeType: 'application/json', says: SAYS.corrupt },
    { name: 'other.json', buffer: Buffer.from(JSON.stringify({ hello: 'world', items: [1, 2, 3] })), mimeType: 'application/json', says: SAYS.foreign },
    { name: 'picture.png', buffer: readFileSync(`${ROOT}public/icon/48.png`), mimeType: 'image/png', says: SAYS.foreign },
  ];
}

/**
 * axe-core's source, to be evaluated in the page: extension pages' CSP blocks script tags, and
 * an evaluated script runs in the page's own world, where axe sees the whole document.
 */
const AXE_SOURCE = readFileSync(`${ROOT}node_modules/axe-core/axe.min.js`, 'utf8');

/** Serious and critical violations only (the acceptance line), as `rule: target` lines. */
const RUN_AXE = `(async () => {
  if (!window.axe) { ${AXE_SOURCE}\n }
  const result = await window.axe.run(document, { resultTypes: ['violations'] });
  return JSON.stringify(result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((node) => v.id + ': ' + node.target.join(' ') + ' — ' + v.help)));
})()`;

/** Runs axe in a page (Playwright's or Puppeteer's: both evaluate a script given as text). */
export async function seriousViolations(page: { evaluate(script: string): Promise<unknown> }): Promise<string[]> {
  return JSON.parse((await page.evaluate(RUN_AXE)) as string) as string[];
}

/** How wide the page scrolls: at most the window's width means no side scrolling. */
export const SCROLL_WIDTH = '(document.scrollingElement ?? document.documentElement).scrollWidth';
