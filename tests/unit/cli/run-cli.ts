import { main } from '../../../src/cli/main';

/** Runs `parasol` with these arguments, keeping what it prints instead of writing it. */
export async function runCli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(args, (line) => out.push(line), (line) => err.push(line));
  return { status, out, err };
}
