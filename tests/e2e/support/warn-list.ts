import { readFile } from 'node:fs/promises';
import { buildList, generatePublisherKey } from '../../../src/core/warnlist';
import { parseReportsCsv } from '../../../src/core/warnlist/csv';

/** The demo list's made-up reports (tests/fixtures/demo-site/demo-list.csv), as a list file and the code that opens it. */
export interface DemoList {
  text: string;
  secret: string;
}

/** The demo client on the list: his number (written in disguise on the inbox) and his report's story. */
export const LISTED_NUMBER = 'tel:+12125550147';
export const LISTED_DISGUISED = '2I2 five5five 0147';
export const LISTED_STORY = 'grabbed my wrist hard';
/** A number on the inbox that no list holds. */
export const UNLISTED_NUMBER = 'tel:+16465550199';
export const UNLISTED_WRITTEN = '(646) 555-0199';

const PASSPHRASE = 'demo list passphrase for tests';

/** Builds the demo list in this process, signed with a new key, opened by a passphrase. */
export async function buildDemoList(): Promise<DemoList> {
  const csv = await readFile(new URL('../../fixtures/demo-site/demo-list.csv', import.meta.url));
  const today = new Date().toISOString().slice(0, 10);
  const read = await parseReportsCsv(csv, { country: 'US', today });
  if (read.errorCount > 0) throw new Error(`demo-list.csv: ${JSON.stringify(read.errors)}`);
  const text = await buildList({
    id: 'demo',
    name: 'Velvet Street demo list',
    version: 1,
    issued: today,
    expires: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
    reports: read.reports,
    publisher: generatePublisherKey(),
    secret: PASSPHRASE,
  });
  return { text, secret: PASSPHRASE };
}
