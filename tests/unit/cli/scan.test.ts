import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli as run } from './run-cli';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parasol-cli-'));
  await writeFile(join(dir, 'ad.txt'), 'text me on 555 123 4567\n');
  await writeFile(join(dir, 'clean.txt'), 'Sweet and discreet. 150/hh.\n');
  await writeFile(join(dir, 'uk.txt'), 'ring 020 7946 0958\n');
  // Made up: a disguised number, an email and a payment handle.
  await writeFile(join(dir, 'disguised.txt'), 'txt 7O2 five five five 0147 or rosa.m at gmail dot com, cashapp $RosaM77\n');
  await writeFile(join(dir, 'long.txt'), `call 7*0*2 555 0147 ${'x'.repeat(300_000)}`);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});


describe('parasol scan --json', () => {
  test('prints one line per file with its phone finding', async () => {
    const { status, out } = await run('scan', '--json', '--country', 'US', join(dir, 'ad.txt'));
    expect(status).toBe(0);
    expect(out).toHaveLength(1);
    const line = JSON.parse(out[0]!);
    expect(line.file).toBe(join(dir, 'ad.txt'));
    expect(line.findings).toHaveLength(1);
    expect(line.findings[0]).toMatchObject({
      kind: 'phone',
      value: '555 123 4567',
      normalized: '+15551234567',
      severity: 'high',
      reasonText: expect.stringContaining('phone number'),
    });
  });

  test('a file without leaks gets an empty list', async () => {
    const { status, out } = await run('scan', '--json', join(dir, 'clean.txt'));
    expect(status).toBe(0);
    expect(JSON.parse(out[0]!)).toEqual({ file: join(dir, 'clean.txt'), findings: [] });
  });

  test('an unreadable file gets an error line, the others are still scanned, and the exit is 1', async () => {
    const missing = join(dir, 'missing.txt');
    const { status, out } = await run('scan', '--json', missing, join(dir, 'ad.txt'), dir);
    expect(status).toBe(1);
    const lines = out.map((line) => JSON.parse(line));
    expect(lines[0]).toEqual({ file: missing, findings: [], error: 'No such file.' });
    expect(lines[1].findings).toHaveLength(1);
    expect(lines[2]).toMatchObject({ findings: [], error: 'This is a folder, not a file.' });
  });

  test('finds every kind of leak the text finders know, disguised as in real ads', async () => {
    const { out } = await run('scan', '--json', '--country', 'US', join(dir, 'disguised.txt'));
    const kinds = JSON.parse(out[0]!).findings.map((finding: { kind: string }) => finding.kind);
    expect(kinds.sort()).toEqual(['email', 'payment', 'phone']);
  });

  test('a file longer than a draft is checked up to the limit, and says so', async () => {
    const { status, out } = await run('scan', '--json', join(dir, 'long.txt'));
    expect(status).toBe(0);
    expect(JSON.parse(out[0]!)).toMatchObject({ cut: true, findings: [{ kind: 'phone', normalized: '+17025550147' }] });
    const readable = await run('scan', join(dir, 'long.txt'));
    expect(readable.out[0]).toContain('only its first');
  });

  test('--country reads national numbers as that country’s', async () => {
    const { out } = await run('scan', '--json', '--country', 'gb', join(dir, 'uk.txt'));
    expect(JSON.parse(out[0]!).findings[0].normalized).toBe('+442079460958');
  });
});

describe('parasol usage', () => {
  test('without --json it speaks in sentences', async () => {
    const { out } = await run('scan', '--country', 'US', join(dir, 'ad.txt'), join(dir, 'clean.txt'));
    expect(out[0]).toContain('1 thing(s) could identify you');
    expect(out[1]).toContain('[high] phone "555 123 4567"');
    expect(out[2]).toContain('nothing found');
  });

  test('a wrong command line exits 2 with the usage', async () => {
    for (const args of [[], ['scan'], ['destroy', 'x'], ['scan', '--bogus', 'x'], ['scan', '--country', 'XX', 'x']]) {
      const { status, err } = await run(...args);
      expect(status, args.join(' ')).toBe(2);
      expect(err.join('\n')).toMatch(/Usage|country code/);
    }
  });

  test('--help prints the usage and exits 0', async () => {
    const { status, out } = await run('--help');
    expect(status).toBe(0);
    expect(out[0]).toContain('parasol scan');
  });
});

test('the installed command runs: bin/parasol.mjs scan --json', async () => {
  const bin = new URL('../../../bin/parasol.mjs', import.meta.url).pathname;
  const { stdout } = await promisify(execFile)(process.execPath, [bin, 'scan', '--json', join(dir, 'ad.txt')], {
    env: { ...process.env, LANG: 'C.UTF-8' },
  });
  const line = JSON.parse(stdout.trim());
  expect(line.findings.map((finding: { normalized: string }) => finding.normalized)).toEqual(['+15551234567']);
});
