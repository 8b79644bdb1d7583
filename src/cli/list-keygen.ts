// `parasol list keygen --out KEYFILE`: a publisher's Ed25519 key pair, for signing lists.
import { parseArgs } from 'node:util';
import { fingerprintWords, generatePublisherKey } from '../core/warnlist';
import { UsageError, plainErrors, writeAtomically, type KeyFile, type Print } from './list-files';

export const KEYGEN_USAGE = `       parasol list keygen --out KEYFILE [--json]
         makes a publisher key pair and writes it to KEYFILE (readable by you only). Keep it
         private and backed up: every later version of your lists must be signed with it.`;

export async function runKeygen(args: string[], out: Print, err: Print): Promise<number> {
  return plainErrors(err, 'parasol list keygen', 1, KEYGEN_USAGE, async () => {
    const { values } = parseArgs({ args, options: { out: { type: 'string' }, json: { type: 'boolean', default: false } } });
    if (!values.out) throw new UsageError('parasol list keygen needs --out KEYFILE: where to write the new key.');
    const pair = generatePublisherKey();
    const fingerprint = fingerprintWords(pair.publicKey);
    const file: KeyFile = { type: 'parasol-publisher-key', version: 1, ...pair, fingerprint, created: new Date().toISOString().slice(0, 10) };
    // Never over an existing key: losing a publisher key means nobody can take the list's next version.
    await writeAtomically(values.out, `${JSON.stringify(file, null, 2)}\n`, 0o600, false);
    if (values.json) out(JSON.stringify({ key: values.out, publicKey: pair.publicKey, fingerprint }));
    else {
      out(`Wrote a new publisher key to ${values.out} (readable by you only). Keep it private and backed up.`);
      out(`Public key: ${pair.publicKey}`);
      out(`Publisher's words (people who get your lists see these; read them out to compare): ${fingerprint.join(' ')}`);
    }
    return 0;
  });
}
