// Part "warnlist-cli": an organisation's 100,000-row CSV of reports through the command line
// (issue 6: "the CLI builds a list from a 100,000-row CSV, verifies it, and the extension imports
// its output"): parasol list keygen, build (tags with native Argon2id several at a time where the
// optional argon2 package loads, else WebAssembly on worker threads; the run names which),
// verify, check of a listed and an unlisted number, then the file imported on the options page of
// Chromium with the built extension and the same two numbers checked there. References, on the
// same input in the same run: csv-parse alone reading the CSV (what the report checks and handle
// normalisation add), and argonTagger on one thread (what native Argon2id or the worker threads
// save). The tags dominate (at least 10 ms each by design), so 100,000 rows take minutes;
// PARASOL_BENCH_LIST_ROWS sets fewer rows for a quick run.
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { main } from '../../src/cli/main';
import { defaultJobs } from '../../src/cli/list-tag-pool';
import { DEFAULT_TAG_COST, argonTagger, tagSalt } from '../../src/core/warnlist';
import { toBase64 } from '../../src/core/vault/base64';
import { parseReportsCsv } from '../../src/core/warnlist/csv';
import { BENCH_OUTPUT, writeOutput, type BenchPart } from './part';
import { heading, ms, printChecks, printTable, type Check } from './table';

const ROWS = Number(process.env.PARASOL_BENCH_LIST_ROWS) || 100_000;
/** Row 0's number, and row 99's (an alert row, no handle). */
const LISTED = '+1 212 555 0000';
const UNLISTED = '(212) 555-0099';
const REFERENCE_NAME = 'one thread / csv-parse alone';
/** Handles timed on one thread to project its total. */
const SAMPLE_TAGS = 64;
const AREA_CODES = ['212', '646', '718', '917', '347', '310', '415', '312', '202', '305', '213', '617'];
const CATEGORIES = ['violence', 'robbery', 'non-payment', 'boundaries', 'harassment', 'no-show'];

/** Made-up rows: one distinct handle each (numbers written several ways, emails, usernames), 1% alerts. */
function reportsCsv(rows: number): string {
  const lines = ['handles,category,story,region,date,sources,expires'];
  for (let i = 0; i < rows; i++) {
    const area = AREA_CODES[Math.floor(i / 10_000) % AREA_CODES.length]!;
    const line = String(i % 10_000).padStart(4, '0');
    const handle = i % 100 === 99 ? '' : i % 10 === 1 ? `client${i}@example.com` : i % 10 === 2 ? `instagram:client_${i}` : i % 2 ? `(${area}) 555-${line}` : `${area} 555 ${line}`;
    const day = String((i % 28) + 1).padStart(2, '0');
    lines.push(`${handle},${CATEGORIES[i % CATEGORIES.length]},"Report ${i}: made up for the benchmark, with a comma",City ${i % 50},2026-0${(i % 9) + 1}-${day},${(i % 3) + 1},`);
  }
  return `${lines.join('\n')}\n`;
}

interface ExtensionImport {
  said: string;
  ms: number;
  listed: number;
  unlisted: number;
}

/**
 * The CLI's output into the extension as a person would: Chromium with the built extension, a
 * passphrase on the options page, the file picked in Warning lists → Add a list with its code;
 * then the popup's check by hand (the same message) for a listed and an unlisted number.
 */
async function importInChromium(listPath: string, secret: string): Promise<ExtensionImport> {
  // Loaded only now: playwright-core in this process slows WebAssembly Argon2id (the one-thread reference) about 2x.
  const { launchChromiumWithParasol } = await import('../../tests/e2e/support/chromium');
  const { importListOnOptionsPage, setPassphraseOnOptionsPage } = await import('../../tests/e2e/support/options-driver');
  const browser = await launchChromiumWithParasol();
  try {
    const options = await browser.openExtensionPage('options.html', { width: 1000, height: 800 });
    await setPassphraseOnOptionsPage(options, 'bench passphrase, not a secret');
    await options.locator('#list-import-form input[type="file"]').setInputFiles(listPath);
    const start = process.hrtime.bigint();
    const said = await importListOnOptionsPage(options, secret);
    const importMs = Number(process.hrtime.bigint() - start) / 1e6;
    const check = async (handle: string) => {
      const reply = (await options.evaluate((m) => chrome.runtime.sendMessage(m), { type: 'warn/check', handle })) as { ok: boolean; matches?: unknown[] };
      return reply.ok ? (reply.matches?.length ?? 0) : -1;
    };
    return { said, ms: importMs, listed: await check(LISTED), unlisted: await check(UNLISTED) };
  } finally {
    await browser.close();
  }
}

async function cli(...args: string[]): Promise<{ status: number; out: string[]; err: string[]; ms: number }> {
  const out: string[] = [];
  const err: string[] = [];
  const start = process.hrtime.bigint();
  const status = await main(args, (line) => out.push(line), (line) => {
    err.push(line);
    if (/^tags: \d/.test(line)) process.stdout.write(`\r  ${line}   `);
    else if (line.startsWith('tags: ')) console.log(`  ${line}`); // how they are computed
  });
  return { status, out, err, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

export const warnlistCli: BenchPart = {
  name: 'warnlist-cli',
  title: `Warning lists: the command line builds and verifies a ${ROWS.toLocaleString('en')}-row CSV`,
  async run() {
    heading(this.title);
    const dir = join(BENCH_OUTPUT, 'warnlist-cli');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const csv = join(dir, 'reports.csv');
    const key = join(dir, 'key.json');
    const list = join(dir, 'list.parasol');
    writeFileSync(csv, reportsCsv(ROWS));
    const jobs = defaultJobs();
    console.log(`${ROWS.toLocaleString('en')} rows, ${(statSync(csv).size / 2 ** 20).toFixed(1)} MiB of CSV; tags Argon2id ${DEFAULT_TAG_COST.memoryKiB / 1024} MiB, ${DEFAULT_TAG_COST.iterations} pass, --jobs ${jobs} (${availableParallelism()} cores).`);

    // Reference 1: the CSV grammar alone, against Parasol's reading with checks and normal handles.
    const text = readFileSync(csv);
    let start = process.hrtime.bigint();
    const raw = parse(text, { bom: true, relax_column_count: true }) as string[][];
    const referenceParseMs = Number(process.hrtime.bigint() - start) / 1e6;
    start = process.hrtime.bigint();
    const read = await parseReportsCsv(text, { country: 'US' });
    const parseMs = Number(process.hrtime.bigint() - start) / 1e6;
    if (read.errorCount > 0 || raw.length !== ROWS + 1) throw new Error(`warnlist-cli bench: the generated CSV has bad rows: ${JSON.stringify(read.errors.slice(0, 3))}`);

    // Reference 2: argonTagger on one thread, projected to every handle.
    const handles = [...new Set(read.reports.flatMap((report) => report.handles))];
    const params = { ...DEFAULT_TAG_COST, salt: toBase64(tagSalt('bench-org', 'reference salt only')) };
    start = process.hrtime.bigint();
    for (const handle of handles.slice(0, SAMPLE_TAGS)) await argonTagger(handle, params);
    const oneTagMs = Number(process.hrtime.bigint() - start) / 1e6 / Math.min(SAMPLE_TAGS, handles.length);
    const referenceBuildMs = oneTagMs * handles.length;

    const keygen = await cli('list', 'keygen', '--out', key);
    if (keygen.status !== 0) throw new Error(`warnlist-cli bench: keygen failed: ${keygen.err.join(' ')}`);
    const build = await cli('list', 'build', '--csv', csv, '--key', key, '--id', 'bench-org', '--name', 'Bench', '--version', '1', '--country', 'US', '--out', list, '--json');
    process.stdout.write('\n');
    if (build.status !== 0) throw new Error(`warnlist-cli bench: build failed: ${build.err.slice(-5).join(' ')}`);
    const { secret, entries, alerts } = JSON.parse(build.out[0]!) as { secret: string; entries: number; alerts: number };
    const verify = await cli('list', 'verify', list, '--secret', secret, '--key', key);
    const listed = await cli('check', LISTED, '--list', list, '--secret', secret, '--json');
    const unlisted = await cli('check', UNLISTED, '--list', list, '--secret', secret, '--json');
    const bytes = statSync(list).size;
    const imported = await importInChromium(list, secret);
    console.log(`The extension (Chromium) imported it in ${ms(imported.ms)}: "${imported.said}"`);
    /** What computed the tags, in the CLI's words: native Argon2id or WebAssembly on worker threads. */
    const tagsBy = build.err.find((line) => /^tags: \D/.test(line))?.slice('tags: '.length) ?? 'argonTagger in the main thread';

    const rowsPerSecond = ROWS / (build.ms / 1000);
    printTable(
      ['step', 'Parasol', REFERENCE_NAME, 'ratio'],
      [
        ['read + check the CSV', ms(parseMs), ms(referenceParseMs), `${(parseMs / referenceParseMs).toFixed(2)}x`],
        [`tags for ${handles.length.toLocaleString('en')} handles (build)`, ms(build.ms), `${ms(referenceBuildMs)} (projected)`, `${(build.ms / referenceBuildMs).toFixed(2)}x`],
        ['verify (open, signature, index)', ms(verify.ms), null, null],
        ['check a listed number', ms(listed.ms), null, null],
        ['the extension imports the file (options page, Chromium)', ms(imported.ms), null, null],
      ],
    );
    console.log(`Build: ${rowsPerSecond.toFixed(0)} rows/s, ${(build.ms / 1000).toFixed(1)} s in all for ${ROWS.toLocaleString('en')} rows (${entries.toLocaleString('en')} entries, ${alerts} alerts), ${(bytes / 2 ** 20).toFixed(1)} MiB list; one tag on one thread ${oneTagMs.toFixed(1)} ms; tags by ${tagsBy}, ${(handles.length / (build.ms / 1000)).toFixed(0)} tags/s.`);

    const checks: Check[] = [
      {
        part: 'warnlist-cli',
        name: `list build, ${ROWS.toLocaleString('en')}-row CSV`,
        got: `${(build.ms / 1000).toFixed(1)} s (${rowsPerSecond.toFixed(0)} rows/s)`,
        target: 'builds',
        pass: build.status === 0 && entries + alerts === ROWS,
        reference: `${(referenceBuildMs / 1000).toFixed(1)} s`,
        note: `${tagsBy}; ${(build.ms / referenceBuildMs).toFixed(2)}x one thread`,
      },
      { part: 'warnlist-cli', name: 'list verify of that list', got: verify.status === 0 ? `good, ${ms(verify.ms)}` : verify.err.join(' '), target: 'exit 0', pass: verify.status === 0 },
      {
        part: 'warnlist-cli',
        name: 'check: listed found, unlisted not',
        got: `${listed.status}/${unlisted.status}`,
        target: '0/1',
        pass: listed.status === 0 && unlisted.status === 1,
      },
    ];
    checks.push({
      part: 'warnlist-cli',
      name: 'the extension imports it; check by hand finds listed, not unlisted',
      got: `${imported.said.slice(0, 60)}; ${imported.listed}/${imported.unlisted} matches`,
      target: 'imported; ≥1/0',
      pass: imported.listed >= 1 && imported.unlisted === 0,
      note: ms(imported.ms),
    });
    heading('Warning lists CLI: acceptance (issue 6)');
    printChecks(checks, REFERENCE_NAME);
    writeOutput('warnlist-cli.json', { rows: ROWS, handles: handles.length, jobs, tagsBy, ms: { parse: parseMs, referenceParse: referenceParseMs, build: build.ms, referenceBuildProjected: referenceBuildMs, verify: verify.ms, check: listed.ms, extensionImport: imported.ms }, oneTagMs, rowsPerSecond, listBytes: bytes, checks });
    rmSync(dir, { recursive: true, force: true });
    return checks;
  },
};
