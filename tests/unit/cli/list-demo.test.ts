// The demo warning list shipped with the demo site (scripts/make-demo-list.ts): it opens with the
// code shown on the inbox page, says exactly what demo-list.csv says, and lists the inbox's
// mike_nyc88 but not the other clients.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WarnIndex, fingerprintWords, matchesFor, openList, readListText } from '../../../src/core/warnlist';
import { parseReportsCsv } from '../../../src/core/warnlist/csv';
import { findPhones } from '../../../src/core/text/phone';
import { DEMO_LIST } from '../../../scripts/make-demo-list';
import { runCli } from './run-cli';

const secret = readFileSync(DEMO_LIST.secretFile, 'utf8').trim();
const key = JSON.parse(readFileSync(DEMO_LIST.key, 'utf8'));

describe('the demo list', () => {
  it('opens with the code the demo inbox shows, which no finder reads as a phone number', () => {
    const inbox = readFileSync(new URL('../../fixtures/demo-site/inbox.html', import.meta.url), 'utf8');
    expect(secret).toMatch(/^PSL1(-[0-9A-Z]{4}){8}$/);
    expect(inbox).toContain(`<code>${secret}</code>`);
    expect(inbox).toContain('href="demo-list.parasol" download');
    expect(inbox).toContain('href="demo-list.txt" download');
    expect(findPhones(secret)).toEqual([]);
    expect(key.fingerprint).toEqual(fingerprintWords(key.publicKey));
  });

  it('verifies as a file and as a text block, signed by the demo key', async () => {
    for (const file of [DEMO_LIST.file, DEMO_LIST.armored]) {
      const result = await runCli('list', 'verify', file, '--secret', secret, '--key', DEMO_LIST.key);
      expect(result).toMatchObject({ status: 0, err: [] });
    }
    const counts = await runCli('list', 'inspect', DEMO_LIST.file, '--secret', secret, '--json');
    expect(JSON.parse(counts.out[0]!)).toMatchObject({
      id: DEMO_LIST.id,
      name: DEMO_LIST.name,
      version: 1,
      issued: DEMO_LIST.issued,
      expires: DEMO_LIST.expires,
      entries: 7,
      alerts: 1,
      alertCategories: { police: 1 },
      fingerprint: key.fingerprint,
    });
  });

  it('lists the inbox client mike_nyc88 by his number written another way, and not the others', async () => {
    const found = await runCli('check', '(212) 555-0147', '--list', DEMO_LIST.file, '--secret', secret, '--json');
    expect(found.status).toBe(0);
    expect(found.out.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ handle: 'tel:+12125550147', category: 'violence', story: expect.stringContaining('grabbed my wrist hard'), sources: 2 }),
    ]);
    for (const unlisted of ['(646) 555-0199', 'jay.b@example.com', '@gentleman_j']) {
      expect(await runCli('check', unlisted, '--list', DEMO_LIST.armored, '--secret', secret)).toMatchObject({ status: 1, err: [] });
    }
  });

  it('says what demo-list.csv says: every handle finds its report (regenerating keeps the content)', async () => {
    const csv = await parseReportsCsv(readFileSync(DEMO_LIST.csv), { country: DEMO_LIST.country, today: DEMO_LIST.issued });
    expect(csv.errors).toEqual([]);
    const read = readListText(readFileSync(DEMO_LIST.file, 'utf8'));
    if (!read.ok) throw new Error(read.error);
    const opened = await openList(read.fileText, secret);
    if (!opened.ok) throw new Error(opened.error);
    const index = new WarnIndex();
    index.add(opened.list);
    for (const report of csv.reports.filter((r) => r.handles.length > 0)) {
      for (const handle of report.handles) {
        const matches = await matchesFor(handle, [opened.list], index);
        expect(matches, handle).toEqual([
          expect.objectContaining({ category: report.category, story: report.story, region: report.region, firstReported: report.date, sources: report.sources ?? 1 }),
        ]);
      }
    }
    const alert = csv.reports.find((r) => r.handles.length === 0)!;
    expect(opened.list.alerts).toEqual([expect.objectContaining({ category: alert.category, story: alert.story, date: alert.date, expires: alert.expires })]);
  });
});
