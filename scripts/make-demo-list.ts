// Builds the demo warning list that ships with the demo site, with the same code as
// `parasol list build`: tests/fixtures/demo-site/demo-list.csv (made-up reports) signed with the
// committed demo publisher key, sealed under the fixed demo secret, written as a file
// (demo-list.parasol) and as a text block (demo-list.txt). Run: npx tsx scripts/make-demo-list.ts
//
// The bytes differ at each run (fresh salts and nonces); what the list says does not: the dates
// are fixed here, so the same CSV gives the same reports, summary and matches.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { armorList, fingerprintWords, generatePublisherKey, newListSecret } from '../src/core/warnlist';
import { buildFromCsv } from '../src/cli/list-build';
import { writeAtomically, type KeyFile } from '../src/cli/list-files';
import { findPhones } from '../src/core/text/phone';

const SITE = fileURLToPath(new URL('../tests/fixtures/demo-site/', import.meta.url));
export const DEMO_LIST = {
  csv: `${SITE}demo-list.csv`,
  /** A publisher key made for the demo only and public on purpose: anyone can sign a "demo" list with it. */
  key: `${SITE}demo-list-key.json`,
  secretFile: `${SITE}demo-list-secret.txt`,
  file: `${SITE}demo-list.parasol`,
  armored: `${SITE}demo-list.txt`,
  id: 'parasol-demo',
  name: 'Parasol demo list (made-up reports)',
  version: 1,
  issued: '2026-11-22',
  /** Far ahead, so the demo and its end-to-end tests keep working. */
  expires: '2036-11-22',
  country: 'US',
} as const;

async function main(): Promise<void> {
  const secret = await demoSecret();
  await demoKey();
  const outcome = await buildFromCsv(
    {
      csv: DEMO_LIST.csv,
      key: DEMO_LIST.key,
      id: DEMO_LIST.id,
      name: DEMO_LIST.name,
      version: DEMO_LIST.version,
      issued: DEMO_LIST.issued,
      expires: DEMO_LIST.expires,
      country: DEMO_LIST.country,
      secret,
      out: DEMO_LIST.file,
    },
    (line) => console.error(line),
  );
  if (!outcome) throw new Error('the demo CSV has bad rows (above)');
  await writeAtomically(DEMO_LIST.armored, armorList(readFileSync(DEMO_LIST.file, 'utf8')));
  console.log(`Wrote ${DEMO_LIST.file} and ${DEMO_LIST.armored}: ${outcome.entries} report(s) about people, ${outcome.alerts} general warning(s). Secret: ${secret}`);
}

/** The committed secret, or a new one when there is none; never one that reads as a phone number on the inbox page. */
async function demoSecret(): Promise<string> {
  try {
    return readFileSync(DEMO_LIST.secretFile, 'utf8').trim();
  } catch {
    let secret = newListSecret();
    while (findPhones(secret).length > 0) secret = newListSecret();
    writeFileSync(DEMO_LIST.secretFile, `${secret}\n`);
    return secret;
  }
}

async function demoKey(): Promise<void> {
  try {
    readFileSync(DEMO_LIST.key);
  } catch {
    const pair = generatePublisherKey();
    const file: KeyFile = { type: 'parasol-publisher-key', version: 1, ...pair, fingerprint: fingerprintWords(pair.publicKey), created: DEMO_LIST.issued };
    // Committed on purpose (0644): it signs demo lists only.
    await writeAtomically(DEMO_LIST.key, `${JSON.stringify(file, null, 2)}\n`, 0o644, false);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(`make-demo-list: ${(error as Error).message}`);
    process.exitCode = 1;
  });
}
