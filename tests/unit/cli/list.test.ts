// parasol list keygen → build → verify → inspect, and parasol check, as an organisation runs them.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'parasol-list-'));
const key = join(dir, 'key.json');
const csv = join(dir, 'reports.csv');
const list = join(dir, 'list.parasol');
const ROWS = 200;
let secret = '';
let words: string[] = [];

/** 200 made-up reports: numbers 212-555-0100 + i written as people type them, a few alerts. */
function reportsCsv(): string {
  const lines = ['handles,category,story,region,date,sources,expires'];
  for (let i = 0; i < ROWS; i++) {
    const line = 1000 + i;
    if (i % 50 === 49) lines.push(`,police,"Alert ${i}: officers posing as clients, ask by text first",Area ${i},2026-10-${String((i % 28) + 1).padStart(2, '0')},2,`);
    else lines.push(`212-555-${line},${i % 3 ? 'non-payment' : 'violence'},"Story ${i}, with a comma",New York,2026-09-${String((i % 28) + 1).padStart(2, '0')},1,`);
  }
  return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
  const made = await runCli('list', 'keygen', '--out', key);
  expect(made.status).toBe(0);
  words = made.out.join('\n').match(/compare\): (.+)$/m)![1]!.split(' ');
  writeFileSync(csv, reportsCsv());
  const built = await runCli('list', 'build', '--csv', csv, '--key', key, '--id', 'test-org', '--name', 'Test org', '--version', '3', '--country', 'US', '--out', list, '--json');
  expect(built.err.filter((line) => !line.startsWith('tags: '))).toEqual([]);
  expect(built.status).toBe(0);
  const outcome = JSON.parse(built.out[0]!);
  secret = outcome.secret;
  expect(outcome).toMatchObject({ out: list, entries: ROWS - 4, alerts: 4 });
  expect(built.err.at(-1)).toMatch(/^tags: 196\/196 \(100%\)$/);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parasol list keygen', () => {
  it('writes a key pair readable by its owner only, and prints its eight words', () => {
    const file = JSON.parse(readFileSync(key, 'utf8'));
    expect(file).toMatchObject({ type: 'parasol-publisher-key', version: 1, fingerprint: words });
    expect(file.secretKey).toMatch(/^[A-Za-z0-9+/]{86}==$/);
    expect(words).toHaveLength(8);
    expect(statSync(key).mode & 0o777).toBe(0o600);
  });

  it('never overwrites an existing key', async () => {
    const before = readFileSync(key, 'utf8');
    const again = await runCli('list', 'keygen', '--out', key);
    expect(again.status).toBe(1);
    expect(again.err.join('\n')).toContain('already exists');
    expect(readFileSync(key, 'utf8')).toBe(before);
  });
});

describe('parasol list build, verify, inspect', () => {
  it('made a new secret code and a list that verifies, with the publisher checked three ways', async () => {
    expect(secret).toMatch(/^PSL1(-[0-9A-Z]{4}){8}$/);
    const plain = await runCli('list', 'verify', list, '--secret', secret);
    expect(plain).toMatchObject({ status: 0, err: [] });
    expect(plain.out.join('\n')).toContain(`"Test org" (test-org), version 3`);
    expect(plain.out.join('\n')).toContain(words.join(' '));
    for (const given of [key, JSON.parse(readFileSync(key, 'utf8')).publicKey, words.join('-').toUpperCase()]) {
      const checked = await runCli('list', 'verify', list, '--secret', secret, '--key', given);
      expect(checked.status).toBe(0);
      expect(checked.out.join('\n')).toContain('(as expected)');
    }
  });

  it('refuses another publisher, a wrong secret and a changed file, each with its reason', async () => {
    const otherKey = join(dir, 'other.json');
    expect((await runCli('list', 'keygen', '--out', otherKey)).status).toBe(0);
    const other = await runCli('list', 'verify', list, '--secret', secret, '--key', otherKey);
    expect(other.status).toBe(1);
    expect(other.err.join('\n')).toContain('signed by another publisher');

    const wrong = await runCli('list', 'verify', list, '--secret', 'PSL1-0000-0000-0000-0000-0000-0000-0000-0000');
    expect(wrong.status).toBe(1);
    expect(wrong.err).toEqual([`parasol list verify: ${list}: That code or passphrase does not open this list.`]);

    const text = readFileSync(list, 'utf8');
    const at = text.length - 200; // inside the sealed box
    const tampered = join(dir, 'tampered.parasol');
    writeFileSync(tampered, `${text.slice(0, at)}${text[at] === 'A' ? 'B' : 'A'}${text.slice(at + 1)}`);
    const changed = await runCli('list', 'verify', tampered, '--secret', secret, '--json');
    expect(changed.status).toBe(1);
    expect(JSON.parse(changed.out[0]!)).toEqual({ file: tampered, ok: false, reason: `${tampered}: This list is damaged or incomplete. Ask for it again.` });

    const notList = await runCli('list', 'verify', csv, '--secret', secret);
    expect(notList.status).toBe(1);
    expect(notList.err.join('\n')).toContain('This is not a Parasol warning list.');
  });

  it('inspect gives counts, never a handle or a story', async () => {
    const shown = await runCli('list', 'inspect', list, '--secret', secret, '--json');
    expect(shown.status).toBe(0);
    const counts = JSON.parse(shown.out[0]!);
    expect(counts).toMatchObject({
      id: 'test-org',
      version: 3,
      entries: ROWS - 4,
      alerts: 4,
      alertCategories: { police: 4 },
      alertDates: { first: '2026-10-04', last: '2026-10-22' },
      retractions: 0,
      fingerprint: words,
      expired: false,
    });
    const readable = await runCli('list', 'inspect', list, '--secret', secret);
    const all = [...shown.out, ...readable.out].join('\n');
    expect(all).not.toMatch(/555|Story|Alert|officers|tel:|New York/);
  });

  it('writes an armored text block that verifies like the file', async () => {
    const armored = join(dir, 'demo.txt');
    const demoCsv = join(dir, 'small.csv');
    writeFileSync(demoCsv, 'handles,category,story,date\n212 555 0147,violence,Hit me,2026-11-01\n');
    const built = await runCli('list', 'build', '--csv', demoCsv, '--key', key, '--id', 'small', '--name', 'Small', '--version', '1', '--secret', 'a long shared passphrase', '--armor', '--out', armored);
    expect(built.status).toBe(0);
    expect(built.out).toContain('Secret: a long shared passphrase');
    expect(readFileSync(armored, 'utf8')).toMatch(/^-----BEGIN PARASOL LIST-----\n[A-Za-z0-9+/\n]+-----END PARASOL LIST-----\n$/);
    expect((await runCli('list', 'verify', armored, '--secret', 'a long shared passphrase')).status).toBe(0);
  });

  it('refuses every bad row at once, with its line, and writes nothing', async () => {
    const bad = join(dir, 'bad.csv');
    const out = join(dir, 'bad.parasol');
    writeFileSync(bad, [
      'handles,category,story,region,date',
      '212 555 0147,violence,ok,NYC,2026-11-01',
      '212 555 0148,robery,typo in the category,NYC,2026-11-01',
      '212 555 0149,violence,"a story',
      'over two lines",NYC,2026-31-01',
      'not a handle!,violence,x,NYC,2026-11-01',
    ].join('\n'));
    const result = await runCli('list', 'build', '--csv', bad, '--key', key, '--id', 'bad', '--name', 'Bad', '--version', '1', '--out', out);
    expect(result.status).toBe(1);
    expect(result.err).toEqual([
      `${bad} line 3: "robery" is not a category; it must be one of: violence, sexual-assault, robbery, non-payment, condom, boundaries, harassment, police, no-show.`,
      `${bad} line 4: 2026-31-01 is not a real date.`,
      `${bad} line 6: "not a handle!" is not a phone number, email or username Parasol can read.`,
      '3 row(s) need fixing; nothing was written.',
    ]);
    expect(result.out).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });

  it('says plainly what is missing or wrong in the command', async () => {
    const missing = await runCli('list', 'build', '--csv', csv, '--out', join(dir, 'x.parasol'));
    expect(missing.status).toBe(2);
    expect(missing.err[0]).toMatch(/^parasol list build: missing --key, --id, --name, --version\./);
    const version = await runCli('list', 'build', '--csv', csv, '--key', key, '--id', 'x', '--name', 'X', '--version', '1.5', '--out', join(dir, 'x.parasol'));
    expect(version.err[0]).toContain('--version must be a whole number');
    const short = await runCli('list', 'build', '--csv', csv, '--key', key, '--id', 'x', '--name', 'X', '--version', '1', '--secret', 'short', '--out', join(dir, 'x.parasol'));
    expect(short.status).toBe(2);
    expect(short.err[0]).toContain('at least 12 characters');
    const noKey = await runCli('list', 'build', '--csv', csv, '--key', join(dir, 'none.json'), '--id', 'x', '--name', 'X', '--version', '1', '--out', join(dir, 'x.parasol'));
    expect(noKey.status).toBe(1);
    expect(noKey.err).toEqual([`parasol list build: ${join(dir, 'none.json')}: no such file or folder.`]);
    const unknown = await runCli('list', 'frobnicate');
    expect(unknown.status).toBe(2);
    expect(unknown.err[0]).toContain('unknown command "frobnicate"');
  });
});

describe('parasol check', () => {
  it('finds a listed number written another way, as JSON lines, exit 0', async () => {
    const found = await runCli('check', '+1 (212) 555 1007', '--list', list, '--secret', secret, '--json');
    expect(found.status).toBe(0);
    expect(found.out.map((line) => JSON.parse(line))).toEqual([
      {
        handle: 'tel:+12125551007',
        listId: 'test-org',
        listName: 'Test org',
        category: 'non-payment',
        story: 'Story 7, with a comma',
        region: 'New York',
        firstReported: '2026-09-08',
        lastReported: '2026-09-08',
        sources: 1,
        expired: false,
      },
    ]);
  });

  it('finds nothing for an unlisted number or an alert-only row, exit 1', async () => {
    for (const handle of ['(646) 555-0199', '212 555 1049']) {
      const none = await runCli('check', handle, '--list', list, '--secret', secret, '--json');
      expect(none).toMatchObject({ status: 1, out: [], err: [] });
    }
    const readable = await runCli('check', '646 555 0199', '--list', list, '--secret', secret);
    expect(readable.out).toEqual(['646 555 0199: not on this list.']);
  });

  it('exits 2 with a plain sentence when it cannot answer', async () => {
    const wrong = await runCli('check', '212 555 1007', '--list', list, '--secret', 'PSL1-0000-0000-0000-0000-0000-0000-0000-0000');
    expect(wrong).toMatchObject({ status: 2, out: [], err: [`parasol check: ${list}: That code or passphrase does not open this list.`] });
    const notHandle = await runCli('check', 'two words!', '--list', list, '--secret', secret);
    expect(notHandle.status).toBe(2);
    expect(notHandle.err[0]).toContain('is not a phone number, email or username');
  });
});
