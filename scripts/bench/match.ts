// The corpus's matching rules (tests/corpus/text/README.md) for one case: which findings are
// true positives, which expected findings were missed, and which findings are false alarms.
import type { CorpusCase, Expected } from './corpus';

/** What a finder raised, reduced to what the rules compare. */
export interface Found {
  kind: string;
  value: string;
  normalized?: string;
  start?: number;
  end?: number;
}

export interface CaseMatch {
  expected: number;
  truePositives: number;
  missed: Expected[];
  /** Findings of a counted kind that match nothing expected (a second report of a matched one included). */
  falsePositives: Found[];
  /** Findings of kinds this category does not count; listed for the finders' authors, not scored. */
  uncounted: Found[];
  /** Nothing at all was raised. */
  quiet: boolean;
}

/** The kind each category is about; its cases' expected kinds are counted too. */
const CATEGORY_KIND: Record<string, string> = {
  phone: 'phone',
  email: 'email',
  handle: 'handle',
  link: 'link',
  payment: 'payment',
  address: 'address',
  identity: 'identity',
};

export function isNegative(category: string): boolean {
  return category.startsWith('negative/') || category === 'negative';
}

/** The kinds whose findings count towards a category's precision; null: every kind (negatives). */
export function countedKinds(category: string, cases: readonly CorpusCase[]): Set<string> | null {
  if (isNegative(category)) return null;
  const kinds = new Set<string>();
  const own = CATEGORY_KIND[category.split('/')[0]!];
  if (own) kinds.add(own);
  for (const c of cases) for (const e of c.expect) kinds.add(e.kind);
  return kinds;
}

export function matchCase(c: CorpusCase, found: readonly Found[], kinds: Set<string> | null): CaseMatch {
  const used = new Set<number>();
  const missed: Expected[] = [];
  for (const expected of c.expect) {
    const index = found.findIndex((f, i) => !used.has(i) && matches(c.text, f, expected));
    if (index < 0) missed.push(expected);
    else used.add(index);
  }
  const rest = found.filter((_, i) => !used.has(i));
  return {
    expected: c.expect.length,
    truePositives: used.size,
    missed,
    falsePositives: rest.filter((f) => kinds === null || kinds.has(f.kind)),
    uncounted: rest.filter((f) => kinds !== null && !kinds.has(f.kind)),
    quiet: found.length === 0,
  };
}

function matches(text: string, found: Found, expected: Expected): boolean {
  if (found.kind !== expected.kind) return false;
  if (expected.kind !== 'address') return found.normalized === expected.normalized;
  const piece = expected.value ?? '';
  if (found.value.includes(piece)) return true;
  if (found.start === undefined || found.end === undefined) return false;
  return text.slice(found.start, found.end).includes(piece);
}
