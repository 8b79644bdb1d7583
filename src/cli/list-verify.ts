// `parasol list verify` and `parasol list inspect`: is this file a good list from this publisher,
// and what does it hold, in counts only (never a handle or a story).
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fingerprintWords, summaryOf, type OpenedList } from '../core/warnlist';
import { CliError, UsageError, openListFile, plainErrors, readKeyFile, sameWords, type Print } from './list-files';

export const VERIFY_USAGE = `       parasol list verify FILE --secret CODE [--key KEY] [--json]
         checks that FILE is a whole, signed list that CODE opens and that has not expired.
         --key: the publisher's key file, public key, or publisher's words, to check who signed it.
         Exit status: 0 good, 1 refused (with the reason), 2 bad usage.`;

export const INSPECT_USAGE = `       parasol list inspect FILE --secret CODE [--json]
         counts what FILE holds (reports, general warnings and their categories, dates);
         never shows a handle or a story.`;

export async function runVerify(args: string[], out: Print, err: Print): Promise<number> {
  return plainErrors(err, 'parasol list verify', 1, VERIFY_USAGE, async () => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { secret: { type: 'string' }, key: { type: 'string' }, json: { type: 'boolean', default: false } },
    });
    const file = onlyFile(positionals, values.secret);
    const expected = values.key ? await expectedPublisher(values.key) : undefined;
    let list: OpenedList;
    try {
      list = await openListFile(file, values.secret!, { refuseExpired: true, ...(expected?.publicKey ? { pinnedKey: expected.publicKey } : {}) }, {
        'publisher-changed': 'it is signed by another publisher than the key you gave. Do not trust it: check with its publisher.',
      });
      const words = fingerprintWords(list.publicKey);
      if (expected?.words && !sameWords(words, expected.words)) {
        throw new CliError(`${file}: it is signed by another publisher (their words: ${words.join(' ')}). Do not trust it: check with its publisher.`);
      }
    } catch (error) {
      if (values.json && error instanceof CliError) {
        out(JSON.stringify({ file, ok: false, reason: error.message }));
        return 1;
      }
      throw error;
    }
    const summary = summaryOf(list);
    if (values.json) out(JSON.stringify({ file, ok: true, ...summary }));
    else {
      out(`${file}: good. "${summary.name}" (${summary.id}), version ${summary.version}, issued ${summary.issued}, expires ${summary.expires}.`);
      out(`Signed by the publisher whose words are: ${summary.fingerprint.join(' ')}${expected ? ' (as expected)' : ''}.`);
      if (!expected) out('Compare these words with the ones the publisher gave you, or give --key to have them checked.');
    }
    return 0;
  });
}

export async function runInspect(args: string[], out: Print, err: Print): Promise<number> {
  return plainErrors(err, 'parasol list inspect', 1, INSPECT_USAGE, async () => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { secret: { type: 'string' }, json: { type: 'boolean', default: false } },
    });
    const file = onlyFile(positionals, values.secret);
    const list = await openListFile(file, values.secret!);
    const counts = countsOf(list);
    if (values.json) {
      out(JSON.stringify({ file, ...counts }));
      return 0;
    }
    out(`${file}: "${counts.name}" (${counts.id}), version ${counts.version}, format ${counts.format}.`);
    out(`Issued ${counts.issued}, expires ${counts.expires}${counts.expired ? ' (out of date)' : ''}.`);
    out(`Publisher's words: ${counts.fingerprint.join(' ')}`);
    out(`Entries about people: ${counts.entries} (one per handle and category; what they say opens only with the handle).`);
    out(`General warnings: ${counts.alerts}${counts.alerts ? ` (${Object.entries(counts.alertCategories).map(([name, count]) => `${name} ${count}`).join(', ')}; dated ${counts.alertDates!.first} to ${counts.alertDates!.last})` : ''}.`);
    out(`Withdrawn handles: ${counts.retractions}.`);
    out(`Tag cost: Argon2id ${counts.tagCost.memoryKiB / 1024} MiB, ${counts.tagCost.iterations} pass(es), ${counts.tagCost.parallelism} lane(s).`);
    return 0;
  });
}

/** What inspect shows: the summary and counts, never a handle, a tag or a story. */
export function countsOf(list: OpenedList) {
  const summary = summaryOf(list);
  const alertCategories: Record<string, number> = {};
  for (const alert of list.alerts) alertCategories[alert.category] = (alertCategories[alert.category] ?? 0) + 1;
  const dates = list.alerts.map((alert) => alert.date).sort();
  const { memoryKiB, iterations, parallelism } = list.tagParams;
  return {
    id: summary.id,
    name: summary.name,
    version: summary.version,
    format: list.format,
    issued: summary.issued,
    expires: summary.expires,
    expired: summary.expired,
    fingerprint: summary.fingerprint,
    entries: summary.entries,
    alerts: summary.alerts,
    alertCategories,
    alertDates: dates.length ? { first: dates[0]!, last: dates.at(-1)! } : undefined,
    retractions: list.retractions.length / 16,
    tagCost: { memoryKiB, iterations, parallelism },
  };
}

function onlyFile(positionals: string[], secret: string | undefined): string {
  if (positionals.length !== 1) throw new UsageError(positionals.length ? 'give one list file at a time.' : 'which list file? Give its name.');
  if (!secret) throw new UsageError('--secret is needed: the code or passphrase that opens the list.');
  return positionals[0]!;
}

/** --key as a key file, a public key (base64), or the publisher's words. */
async function expectedPublisher(key: string): Promise<{ publicKey?: string; words?: string[] }> {
  if (existsSync(key)) return { publicKey: (await readKeyFile(key)).publicKey };
  try {
    fingerprintWords(key.trim()); // throws unless it is a 32-byte public key
    return { publicKey: key.trim() };
  } catch {
    // not a public key: words?
  }
  const words = key.toLowerCase().split(/[^a-z]+/).filter(Boolean);
  if (words.length === 8) return { words };
  throw new UsageError(`--key must be a publisher key file, a public key, or the publisher's 8 words; "${key}" is none of these.`);
}
