import { parseArgs } from 'node:util';
import { isSupportedCountry, type CountryCode } from 'libphonenumber-js';
import { countryFromLocale } from '../core/country';
import { MAX_DRAFT_CHARS } from '../core/text/scan-draft';
import { scanFile, type ScanResult } from './scan';
import { CLEAN_USAGE, runClean } from './clean';
import { CHECK_USAGE, runCheck } from './check';
import { LIST_USAGE, runList } from './list';

const USAGE = `Usage: parasol scan [--json] [--country CC] FILE...

Checks draft ads and profiles (text files) for what could identify the person who wrote them,
and photos (JPEG, PNG, WebP, HEIC, AVIF, TIFF, told by their bytes, not their names) for the
place, camera serial numbers, names, capture time and hidden previews stored in them.
Nothing is sent anywhere: all checks run on this computer.

  --json         one JSON line per file: {"file": ..., "findings": [...]} (or an "error")
  --country CC   where the writer lives (two letters, e.g. US, GB, RU), for numbers written
                 without a country code; default: from the LANG setting, else US
  -h, --help     this help

Exit status: 0 when every file was read, 1 when a file could not be read, 2 on bad usage.

Usage: ${CLEAN_USAGE.trimStart()}

Warning lists:
${LIST_USAGE}
${CHECK_USAGE}`;

/** Runs the command line; resolves to the exit status. Output goes to the given streams. */
export async function main(
  argv: string[],
  out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  err: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<number> {
  // The list commands take their own options (--csv, --key...), so they read argv themselves.
  if (argv[0] === 'list') return runList(argv.slice(1), out, err);
  if (argv[0] === 'check') return runCheck(argv.slice(1), out, err);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        country: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    err(`parasol: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...files] = positionals;
  if (values.help) {
    out(USAGE);
    return 0;
  }
  if (command === 'clean') return runClean(files, values.json, out, err);
  if (command !== 'scan' || files.length === 0) {
    err(command && command !== 'scan' ? `parasol: unknown command "${command}"\n\n${USAGE}` : USAGE);
    return 2;
  }
  const country = values.country?.toUpperCase() ?? countryFromLocale(process.env.LC_ALL || process.env.LANG);
  if (country && !isSupportedCountry(country)) {
    err(`parasol: "${values.country}" is not a country code Parasol knows (try US, GB, RU, CN...)`);
    return 2;
  }

  let failed = false;
  for (const file of files) {
    const result = await scanFile(file, country as CountryCode | undefined);
    failed ||= Boolean(result.error);
    if (values.json) out(JSON.stringify(result));
    else printReadable(result, out);
  }
  return failed ? 1 : 0;
}

function printReadable(result: ScanResult, out: (line: string) => void): void {
  if (result.error) {
    out(`${result.file}: ${result.error}`);
    return;
  }
  if (result.cut) out(`${result.file}: very long; only its first ${MAX_DRAFT_CHARS} characters were checked.`);
  for (const problem of result.photo?.problemTexts ?? []) out(`${result.file}: ${problem}`);
  if (result.findings.length === 0) {
    out(`${result.file}: nothing found that could identify you.`);
    return;
  }
  out(`${result.file}: ${result.findings.length} thing(s) could identify you:`);
  for (const finding of result.findings) {
    out(`  [${finding.severity}] ${finding.kind} "${finding.value}": ${finding.reasonText}`);
  }
}
