// `parasol list build`: an organisation's CSV of reports → a signed, encrypted list file.
import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { isSupportedCountry, type CountryCode } from 'libphonenumber-js';
import { DEFAULT_TAG_COST, armorList, buildList, canonicalSecret, newListSecret, tagSalt, type TagParams, type Tagger } from '../core/warnlist';
import { toBase64 } from '../core/vault/base64';
import { MAX_CSV_BYTES, parseReportsCsv } from '../core/warnlist/csv';
import { CliError, UsageError, plainErrors, readKeyFile, statOrFail, writeAtomically, type Print } from './list-files';
import { MIN_HANDLES_FOR_WORKERS, defaultJobs, precomputedTagger, tagsInParallel } from './list-tag-pool';

export const BUILD_USAGE = `       parasol list build --csv FILE --key KEYFILE --id ID --name NAME --version N --out FILE
                          [--expires YYYY-MM-DD] [--country CC] [--secret CODE] [--armor] [--json]
         builds a signed, encrypted warning list from a CSV of reports (docs/warnlist-csv.md).
         --id        a short name that stays the same across versions (letters, digits, - and _)
         --version   a whole number, higher than the last version you shared
         --expires   when people should stop trusting it (default: one year from today)
         --country   the country of numbers written without a country code (default: US)
         --secret    the code or passphrase that opens it (default: a new code, printed)
         --armor     write a text block to paste into a messenger instead of a file
         --jobs N    how many cores compute the tags (default: all, up to 8)
         Every bad row is listed with its line number, and then nothing is written.`;

/** Passphrases shorter than this are too easy to guess for a file anyone may pass on. */
const MIN_PASSPHRASE_CHARS = 12;
const ID = /^[a-z0-9][a-z0-9_-]{0,63}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface BuildArgs {
  csv: string;
  key: string;
  id: string;
  name: string;
  version: number;
  out: string;
  expires?: string;
  country?: CountryCode;
  secret?: string;
  armor?: boolean;
  /** YYYY-MM-DD; default today (UTC). */
  issued?: string;
  /** Worker threads for the tags; 1 computes them in this thread. Default: the cores, up to 8. */
  jobs?: number;
}

export interface BuildOutcome {
  out: string;
  secret: string;
  entries: number;
  alerts: number;
  bytes: number;
}

export async function runBuild(args: string[], out: Print, err: Print): Promise<number> {
  return plainErrors(err, 'parasol list build', 1, BUILD_USAGE, async () => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: false,
      options: {
        csv: { type: 'string' },
        key: { type: 'string' },
        id: { type: 'string' },
        name: { type: 'string' },
        version: { type: 'string' },
        expires: { type: 'string' },
        country: { type: 'string' },
        secret: { type: 'string' },
        out: { type: 'string' },
        armor: { type: 'boolean', default: false },
        jobs: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    void positionals;
    const missing = (['csv', 'key', 'id', 'name', 'version', 'out'] as const).filter((name) => !values[name]);
    if (missing.length > 0) throw new UsageError(`missing ${missing.map((name) => `--${name}`).join(', ')}.`);
    const version = Number(values.version);
    if (!/^\d+$/.test(values.version!) || !Number.isSafeInteger(version) || version < 1) throw new UsageError(`--version must be a whole number from 1 up, not "${values.version}".`);
    const country = values.country?.toUpperCase();
    if (country && !isSupportedCountry(country)) throw new UsageError(`"${values.country}" is not a country code Parasol knows (try US, GB, AU, RU...).`);
    const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
    if (jobs !== undefined && (!/^\d+$/.test(values.jobs!) || jobs < 1 || jobs > 64)) throw new UsageError(`--jobs must be a whole number from 1 to 64, not "${values.jobs}".`);
    const outcome = await buildFromCsv(
      { csv: values.csv!, key: values.key!, id: values.id!, name: values.name!, version, out: values.out!, expires: values.expires, country: country as CountryCode | undefined, secret: values.secret, armor: values.armor, jobs },
      err,
    );
    if (!outcome) return 1;
    if (values.json) out(JSON.stringify(outcome));
    else {
      out(`Wrote ${outcome.out}: ${outcome.entries} report(s) about people, ${outcome.alerts} general warning(s).`);
      out(`Secret: ${outcome.secret}`);
      out('Share the secret separately from the file (another app, or read out), only with the people the list is for.');
    }
    return 0;
  });
}

/**
 * Reads and checks the whole CSV, then builds and writes the list. Bad rows are printed on `err`
 * (all of them, with line numbers) and nothing is written: resolves to undefined.
 */
export async function buildFromCsv(args: BuildArgs, err: Print): Promise<BuildOutcome | undefined> {
  const issued = args.issued ?? new Date().toISOString().slice(0, 10);
  const expires = args.expires ?? oneYearAfter(issued);
  if (!ID.test(args.id)) throw new UsageError(`--id must be letters, digits, - and _ (at most 64), not "${args.id}".`);
  if (!args.name.trim()) throw new UsageError('--name must not be empty: it is what people see in their list of lists.');
  if (!DATE.test(expires) || Number.isNaN(Date.parse(`${expires}T00:00:00Z`))) throw new UsageError(`--expires must be a date written as YYYY-MM-DD, not "${expires}".`);
  if (expires <= issued) throw new UsageError(`--expires ${expires} is not after today (${issued}).`);
  const secret = args.secret ?? newListSecret();
  if (!canonicalSecret(secret).isCode && secret.length < MIN_PASSPHRASE_CHARS) {
    throw new UsageError(`a passphrase must be at least ${MIN_PASSPHRASE_CHARS} characters long; leave --secret out for a new code.`);
  }
  const key = await readKeyFile(args.key);
  const info = await statOrFail(args.csv, 'CSV file');
  if (info.size > MAX_CSV_BYTES) throw new CliError(`${args.csv} is larger than ${MAX_CSV_BYTES / 2 ** 20} MB; split it into several lists.`);

  // A fixed issue date (the demo list) also bounds the report dates; else today, a day's leeway for time zones.
  const read = await parseReportsCsv(createReadStream(args.csv), { country: args.country, ...(args.issued ? { today: args.issued } : {}) });
  if (read.errorCount > 0) {
    for (const error of read.errors) err(`${args.csv} line ${error.line}: ${error.reason}`);
    if (read.errorCount > read.errors.length) err(`...and ${read.errorCount - read.errors.length} more.`);
    err(`${read.errorCount} row(s) need fixing; nothing was written.`);
    return undefined;
  }
  if (read.reports.length === 0) throw new CliError(`${args.csv} has no reports, only its header.`);

  const progress = progressPrinter(err);
  const handles = [...new Set(read.reports.flatMap((report) => report.handles))];
  const jobs = args.jobs ?? defaultJobs();
  let tagger: Tagger | undefined;
  if (jobs > 1 && handles.length >= MIN_HANDLES_FOR_WORKERS) {
    // The same parameters buildList states in the file: its default cost, and the salt from the id and secret.
    const params: TagParams = { ...DEFAULT_TAG_COST, salt: toBase64(tagSalt(args.id, secret)) };
    tagger = precomputedTagger(await tagsInParallel(handles, params, jobs, progress, { say: err }), params);
  }
  const text = await buildList({
    id: args.id,
    name: args.name.trim(),
    version: args.version,
    issued,
    expires,
    reports: read.reports,
    publisher: { publicKey: key.publicKey, secretKey: key.secretKey },
    secret,
    ...(tagger ? { tagger } : { onProgress: progress }),
  });
  const written = args.armor ? armorList(text) : text;
  await writeAtomically(args.out, written);
  const alerts = read.reports.filter((report) => report.handles.length === 0).length;
  return { out: args.out, secret, entries: read.reports.length - alerts, alerts, bytes: Buffer.byteLength(written) };
}

/** At most a line a second (and the last one), so a long build shows it is moving without flooding. */
function progressPrinter(err: Print): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (done < total && now - last < 1000) return;
    last = now;
    err(`tags: ${done}/${total} (${total ? Math.floor((done / total) * 100) : 100}%)`);
  };
}

function oneYearAfter(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + 1);
  return date.toISOString().slice(0, 10);
}
