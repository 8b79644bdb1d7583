// What every benchmark part shares: its shape for the runner, and where it writes its figures.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUTPUT } from '../../tests/e2e/support/paths';
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

