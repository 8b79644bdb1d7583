// `parasol check HANDLE --list FILE --secret CODE`: is this client on the list? For scripts.
import { parseArgs } from 'node:util';
import { isSupportedCountry, type CountryCode } from 'libphonenumber-js';
import { WarnIndex, matchesFor, normalHandle, type OpenedList } from '../core/warnlist';
import { UsageError, openListFile, plainErrors, type Print } from './list-files';

export const CHECK_USAGE = `       parasol check HANDLE --list FILE --secret CODE [--list FILE2 ...] [--country CC] [--json]
         looks a phone number, email or username up in warning lists (written any way: the
         list finds "(212) 555-0147" and "+1 212 555 0147" alike). With several --list, CODE
         opens them all. --site NAME: the site a bare username was seen on (e.g. instagram).
         --json: one JSON line per match.
         Exit status: 0 listed, 1 not listed, 2 error (bad usage, or a list that cannot be opened).`;

export async function runCheck(args: string[], out: Print, err: Print): Promise<number> {
  return plainErrors(err, 'parasol check', 2, CHECK_USAGE, async () => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        list: { type: 'string', multiple: true },
        secret: { type: 'string' },
        country: { type: 'string' },
        site: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    if (positionals.length !== 1) throw new UsageError(positionals.length ? 'give one handle at a time (put it in quotes if it has spaces).' : 'which handle? Give a phone number, email or username.');
    if (!values.list?.length) throw new UsageError('--list FILE is needed: the warning list to look in.');
    if (!values.secret) throw new UsageError('--secret is needed: the code or passphrase that opens the list.');
    const country = values.country?.toUpperCase();
    if (country && !isSupportedCountry(country)) throw new UsageError(`"${values.country}" is not a country code Parasol knows (try US, GB, AU, RU...).`);

    const raw = positionals[0]!;
    const handle = normalHandle(raw, { ...(country ? { country: country as CountryCode } : {}), ...(values.site ? { site: values.site.toLowerCase() } : {}) });
    if (!handle) throw new UsageError(`"${raw}" is not a phone number, email or username Parasol can read.`);

    const lists: OpenedList[] = [];
    const index = new WarnIndex();
    for (const file of values.list) {
      const list = await openListFile(file, values.secret);
      lists.push(list);
      index.add(list);
    }
    const matches = await matchesFor(handle, lists, index);
    if (values.json) {
      for (const match of matches) out(JSON.stringify({ handle, ...match }));
    } else if (matches.length === 0) {
      out(`${raw}: not on ${lists.length === 1 ? 'this list' : 'these lists'}.`);
    } else {
      out(`${raw}: ${matches.length} report(s).`);
      for (const match of matches) {
        const when = match.firstReported === match.lastReported ? match.firstReported : `${match.firstReported} to ${match.lastReported}`;
        out(`  [${match.category}] ${match.listName}: ${when}, ${match.sources} source(s)${match.region ? `, ${match.region}` : ''}${match.expired ? ' (old)' : ''}`);
        out(`    ${match.story.replace(/\n+/g, '\n    ')}`);
      }
    }
    return matches.length > 0 ? 0 : 1;
  });
}
