// `parasol list ...`: the commands organisations use to make and check warning lists.
import { BUILD_USAGE, runBuild } from './list-build';
import type { Print } from './list-files';
import { KEYGEN_USAGE, runKeygen } from './list-keygen';
import { INSPECT_USAGE, VERIFY_USAGE, runInspect, runVerify } from './list-verify';

export const LIST_USAGE = [KEYGEN_USAGE, BUILD_USAGE, VERIFY_USAGE, INSPECT_USAGE].join('\n');

export async function runList(args: string[], out: Print, err: Print): Promise<number> {
  const [command, ...rest] = args;
  if (command === 'keygen') return runKeygen(rest, out, err);
  if (command === 'build') return runBuild(rest, out, err);
  if (command === 'verify') return runVerify(rest, out, err);
  if (command === 'inspect') return runInspect(rest, out, err);
  if (command === undefined || command === '-h' || command === '--help') {
    (command ? out : err)(`Usage: ${LIST_USAGE.trimStart()}`);
    return command ? 0 : 2;
  }
  err(`parasol list: unknown command "${command}"; it is one of keygen, build, verify, inspect.\n\nUsage: ${LIST_USAGE.trimStart()}`);
  return 2;
}
