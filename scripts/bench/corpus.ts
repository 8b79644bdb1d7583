// Reads the labelled text corpus (tests/corpus/text/*.json; format in its README.md). Cases that
// do not follow the format are set aside and named, so a typo in one file never sinks the run.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../tests/e2e/support/paths';

export const CORPUS_DIR = join(ROOT, 'tests/corpus/text');

export interface Expected {
  kind: string;
  normalized?: string;
  /** `address` only: a piece of the text the finding must cover. */
  value?: string;
}

export interface CorpusCase {
  id: string;
  category: string;
  text: string;
  expect: Expected[];
  country?: string;
  terms?: { kind: string; value: string }[];
  source: string;
  file: string;
}

export interface Corpus {
  cases: CorpusCase[];
  /** "file: why" for every case or file that could not be read. */
  rejected: string[];
}

export function loadCorpus(dir = CORPUS_DIR): Corpus {
  const cases: CorpusCase[] = [];
  const rejected: string[] = [];
  const seen = new Set<string>();
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
  } catch {
    rejected.push(`${dir}: cannot be read`);
  }
  for (const file of files) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      rejected.push(`${file}: not JSON (${(error as Error).message})`);
      continue;
    }
    if (!Array.isArray(data)) {
      rejected.push(`${file}: not an array of cases`);
      continue;
    }
    data.forEach((item: unknown, index) => {
      const problem = caseProblem(item);
      const id = (item as { id?: unknown })?.id;
      if (problem) return rejected.push(`${file} #${index}${typeof id === 'string' ? ` (${id})` : ''}: ${problem}`);
      const found = item as Omit<CorpusCase, 'file'>;
      if (seen.has(found.id)) return rejected.push(`${file}: id ${found.id} used twice`);
      seen.add(found.id);
      cases.push({ ...found, file });
    });
  }
  return { cases, rejected };
}

function caseProblem(item: unknown): string | null {
  if (typeof item !== 'object' || item === null) return 'not an object';
  const c = item as Record<string, unknown>;
  for (const key of ['id', 'category', 'text', 'source'] as const) {
    if (typeof c[key] !== 'string') return `"${key}" is not a string`;
  }
  if (!Array.isArray(c.expect)) return '"expect" is not an array';
  for (const expected of c.expect as unknown[]) {
    const e = expected as Record<string, unknown> | null;
    if (typeof e?.kind !== 'string') return 'an expected finding has no "kind"';
    if (e.kind === 'address' ? typeof e.value !== 'string' : typeof e.normalized !== 'string') {
      return `an expected ${e.kind} has no "${e.kind === 'address' ? 'value' : 'normalized'}"`;
    }
  }
  if (c.country !== undefined && typeof c.country !== 'string') return '"country" is not a string';
  if (c.terms !== undefined && !Array.isArray(c.terms)) return '"terms" is not an array';
  return null;
}

/** Small seeded generator (mulberry32): the same seed gives the same texts on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
