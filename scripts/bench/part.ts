// What every benchmark part shares: its shape for the runner, and where it writes its figures.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_BUILD, OUTPUT, ROOT } from '../../tests/e2e/support/paths';
import type { Corpus } from './corpus';
import type { Check } from './table';

export interface BenchContext {
  corpus: Corpus;
}

export interface BenchPart {
  /** What `--only` calls it. */
  name: string;
  title: string;
  /** Prints its tables and returns the targets it checked. */
  run(context: BenchContext): Promise<Check[]>;
}

/** `$PARASOL_OUTPUT/bench` (or `.output/bench`): figures and lists each run leaves behind. */
export const BENCH_OUTPUT = join(OUTPUT, 'bench');

export function writeOutput(name: string, content: string | object): string {
  mkdirSync(BENCH_OUTPUT, { recursive: true });
  const path = join(BENCH_OUTPUT, name);
  writeFileSync(path, typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
  return path;
}

/** Builds the Chrome extension for the parts that load it (the runner, once per run; not with --no-build). */
export function chromeBuild(build: boolean): void {
  if (!build) {
    console.log(`Chrome extension: ${CHROME_BUILD} (not built again)`);
    return;
  }
  const started = Date.now();
  execFileSync('npx', ['--no-install', 'wxt', 'build'], { cwd: ROOT, stdio: 'pipe' });
  console.log(`Built the Chrome extension in ${((Date.now() - started) / 1000).toFixed(1)} s: ${CHROME_BUILD}`);
}
