// Part "text": recall and precision of Parasol's text finders on the labelled corpus, per
// category, beside findNumbers on the same cases; then the issue's acceptance targets.
import type { CorpusCase } from './corpus';
import { parasol, reference, REFERENCE_NAME } from './finders';
import { countedKinds, isNegative, matchCase, type CaseMatch, type Found } from './match';
import { writeOutput, type BenchPart } from './part';
import { heading, percent, printChecks, printTable, ratio, type Check } from './table';

/** The obfuscated phone categories the issue names (README of the corpus); the corpus may add more. */
const OBFUSCATED = [
  'phone/separators',
  'phone/symbols',
  'phone/letters',
  'phone/words-en',
  'phone/words-es',
  'phone/words-ru',
  'phone/words-zh',
  'phone/mixed-words',
  'phone/emoji',
  'phone/unicode',
  'phone/zero-width',
  'phone/glued',
  'phone/split-lines',
  'phone/international',
];
/** Exotic Unicode digits: in the overall figure, but without a target of its own. */
const NO_OWN_TARGET = 'phone/unicode';
const PLAIN = 'phone/plain';
const OTHER = ['email/plain', 'email/obfuscated', 'handle/social', 'link/social', 'payment', 'address', 'identity'];
const NEGATIVES = [
  'negative/rates',
  'negative/measurements',
  'negative/height-weight',
  'negative/dates-times',
  'negative/ages',
  'negative/prices',
  'negative/ids',
  'negative/other',
];
const TARGETS = { obfuscatedRecall: 0.9, obfuscatedPrecision: 0.95, categoryRecall: 0.85, plainRecall: 0.95, quiet: 0.97 };
const CORPUS_SIZE = { cases: 600, negatives: 150 };

interface Tally {
  cases: number;
  expected: number;
  truePositives: number;
  falsePositives: number;
  quiet: number;
}

interface Scored {
  c: CorpusCase;
  parasol: CaseMatch;
  reference: CaseMatch | null;
  error?: string;
}

const PART = 'text';
const EMPTY: Tally = { cases: 0, expected: 0, truePositives: 0, falsePositives: 0, quiet: 0 };

export const textAccuracy: BenchPart = {
  name: PART,
  title: 'Text finders: accuracy on the labelled corpus',
  async run({ corpus }) {
    heading(this.title);
    const { cases, rejected } = corpus;
    console.log(`${cases.length} cases in tests/corpus/text/*.json; ${rejected.length} set aside for not following the format.`);
    for (const why of rejected.slice(0, 20)) console.log(`  set aside: ${why}`);
    if (rejected.length > 20) console.log(`  ... and ${rejected.length - 20} more (all in text-misses.txt)`);

    const byCategory = groupBy(cases, (c) => c.category);
    const scored = new Map<string, Scored[]>();
    for (const [category, group] of byCategory) {
      const kinds = countedKinds(category, group);
      const phonesOnly = category.startsWith('phone/') || isNegative(category);
      scored.set(
        category,
        group.map((c) => {
          let found: Found[] = [];
          let error: string | undefined;
          try {
            found = parasol(c.text, { country: c.country, terms: c.terms });
          } catch (thrown) {
            error = String((thrown as Error)?.stack ?? thrown);
          }
          // findNumbers finds phones only: it is scored where phones are the point, and on negatives.
          const ref = phonesOnly ? matchCase(c, reference(c.text), kinds) : null;
          return { c, parasol: matchCase(c, found, kinds), reference: ref, error };
        }),
      );
    }

    const order = categoryOrder([...scored.keys()]);
    const tally = (category: string, side: 'parasol' | 'reference', only?: (c: CorpusCase) => boolean) =>
      sum((scored.get(category) ?? []).filter((s) => !only || only(s.c)), side);
    const rows = order.map((category) => {
      const p = tally(category, 'parasol') ?? EMPTY;
      const r = tally(category, 'reference');
      return [category, p.cases, realCount(byCategory.get(category) ?? []), p.expected, ...figures(p, category), ...(r ? figures(r, category) : [null, null, null, null, null])];
    });
    const obfuscatedCategories = order.filter((category) => category.startsWith('phone/') && category !== PLAIN);
    const negativeCategories = order.filter(isNegative);
    const combine = (categories: string[], side: 'parasol' | 'reference') =>
      merge(categories.map((category) => tally(category, side)).filter((t): t is Tally => t !== null));
    const totals = {
      obfuscated: { parasol: combine(obfuscatedCategories, 'parasol'), reference: combine(obfuscatedCategories, 'reference') },
      plain: { parasol: tally(PLAIN, 'parasol'), reference: tally(PLAIN, 'reference') },
      plainNoCountry: {
        parasol: tally(PLAIN, 'parasol', (c) => c.country === undefined),
        reference: tally(PLAIN, 'reference', (c) => c.country === undefined),
      },
      negatives: { parasol: combine(negativeCategories, 'parasol'), reference: combine(negativeCategories, 'reference') },
    };
    const totalRow = (name: string, p: Tally | null, r: Tally | null, real: number, asNegative = false) => [
      name,
      p?.cases ?? 0,
      real,
      p?.expected ?? 0,
      ...(p ? figures(p, asNegative ? 'negative/' : 'phone/') : [null, null, null, null, null]),
      ...(r ? figures(r, asNegative ? 'negative/' : 'phone/') : [null, null, null, null, null]),
    ];
    rows.push(
      totalRow('= obfuscated phones', totals.obfuscated.parasol, totals.obfuscated.reference, realCount(cases.filter((c) => obfuscatedCategories.includes(c.category)))),
      totalRow('= plain, no country', totals.plainNoCountry.parasol, totals.plainNoCountry.reference, realCount(cases.filter((c) => c.category === PLAIN && c.country === undefined))),
      totalRow('= hard negatives', totals.negatives.parasol, totals.negatives.reference, realCount(cases.filter((c) => isNegative(c.category))), true),
    );

    console.log(`\nParasol (P) is scanDraft(text, { country, identityTerms }); ${REFERENCE_NAME} (F) is libphonenumber-js, default country US, phones only.`);
    console.log('real = cases from published ads (the rest are made up); recall = found / expected;');
    console.log('precision = right / all raised of the category\'s kind; quiet = cases raising nothing (negatives).');
    printTable(
      ['category', 'cases', 'real', 'expected', 'P right', 'P wrong', 'P recall', 'P prec.', 'P quiet', 'F right', 'F wrong', 'F recall', 'F prec.', 'F quiet'],
      rows,
    );

    const checks = acceptance(order, tally, totals, cases.length);
    heading('Text finders: acceptance (issue 3)');
    printChecks(checks);

    const missesPath = writeOutput('text-misses.txt', missesReport(order, scored, rejected));
    const jsonPath = writeOutput('text.json', {
      corpus: { cases: cases.length, rejected },
      categories: Object.fromEntries(
        order.map((category) => [category, { parasol: withRates(tally(category, 'parasol')), [REFERENCE_NAME]: withRates(tally(category, 'reference')) }]),
      ),
      totals: Object.fromEntries(
        Object.entries(totals).map(([name, t]) => [name, { parasol: withRates(t.parasol), [REFERENCE_NAME]: withRates(t.reference) }]),
      ),
      checks,
    });
    console.log(`\nMisses and false positives: ${missesPath}\nFigures: ${jsonPath}`);
    return checks;

    function sum(list: Scored[], side: 'parasol' | 'reference'): Tally | null {
      const matches = list.map((s) => s[side]).filter((m): m is CaseMatch => m !== null);
      if (side === 'reference' && matches.length === 0 && list.length > 0) return null;
      return {
        cases: matches.length,
        expected: matches.reduce((n, m) => n + m.expected, 0),
        truePositives: matches.reduce((n, m) => n + m.truePositives, 0),
        falsePositives: matches.reduce((n, m) => n + m.falsePositives.length, 0),
        quiet: matches.filter((m) => m.quiet).length,
      };
    }
  },
};

function acceptance(
  order: string[],
  tally: (category: string, side: 'parasol' | 'reference', only?: (c: CorpusCase) => boolean) => Tally | null,
  totals: Record<'obfuscated' | 'plain' | 'plainNoCountry' | 'negatives', { parasol: Tally | null; reference: Tally | null }>,
  caseCount: number,
): Check[] {
  const checks: Check[] = [];
  const add = (name: string, value: number | null, target: number, reference: number | null, note?: string, format = ratio) =>
    checks.push({
      part: PART,
      name,
      got: format(value),
      target: `≥ ${format(target)}`,
      pass: value !== null && value >= target,
      reference: format(reference),
      note: note ?? (value === null ? 'no cases yet' : undefined),
    });
  const { obfuscated, plainNoCountry, negatives } = totals;
  add('obfuscated phones: recall', recall(obfuscated.parasol), TARGETS.obfuscatedRecall, recall(obfuscated.reference));
  add(
    'obfuscated phones: precision',
    precision(obfuscated.parasol),
    TARGETS.obfuscatedPrecision,
    precision(obfuscated.reference),
    obfuscated.parasol && obfuscated.parasol.expected > 0 && precision(obfuscated.parasol) === null ? 'raised nothing' : undefined,
  );
  const categories = [...new Set([...OBFUSCATED, ...order.filter((c) => c.startsWith('phone/') && c !== PLAIN)])];
  for (const category of categories) {
    if (category === NO_OWN_TARGET) continue;
    add(`${category}: recall`, recall(tally(category, 'parasol')), TARGETS.categoryRecall, recall(tally(category, 'reference')));
  }
  add(`${PLAIN} (no country hint): recall`, recall(plainNoCountry.parasol), TARGETS.plainRecall, recall(plainNoCountry.reference));
  add('hard negatives raising nothing', quietShare(negatives.parasol), TARGETS.quiet, quietShare(negatives.reference), undefined, percent);
  checks.push({
    part: PART,
    name: 'corpus: labelled cases',
    got: String(caseCount),
    target: `≥ ${CORPUS_SIZE.cases}`,
    pass: caseCount >= CORPUS_SIZE.cases,
  });
  const negativeCount = negatives.parasol?.cases ?? 0;
  checks.push({
    part: PART,
    name: 'corpus: hard negatives',
    got: String(negativeCount),
    target: `≥ ${CORPUS_SIZE.negatives}`,
    pass: negativeCount >= CORPUS_SIZE.negatives,
  });
  return checks;
}

function figures(t: Tally, category: string): (string | number | null)[] {
  const negative = isNegative(category);
  return [t.truePositives, t.falsePositives, negative ? null : ratio(recall(t)), negative ? null : ratio(precision(t)), negative ? percent(quietShare(t)) : null];
}

/** Cases taken from published text rather than made up (the corpus marks each). */
function realCount(cases: readonly CorpusCase[]): number {
  return cases.filter((c) => c.source.startsWith('real')).length;
}

function recall(t: Tally | null): number | null {
  return t && t.expected > 0 ? t.truePositives / t.expected : null;
}

function precision(t: Tally | null): number | null {
  return t && t.truePositives + t.falsePositives > 0 ? t.truePositives / (t.truePositives + t.falsePositives) : null;
}

function quietShare(t: Tally | null): number | null {
  return t && t.cases > 0 ? t.quiet / t.cases : null;
}

function withRates(t: Tally | null) {
  return t && { ...t, recall: recall(t), precision: precision(t), quietShare: quietShare(t) };
}

function merge(tallies: Tally[]): Tally | null {
  if (tallies.length === 0) return null;
  return tallies.reduce((a, b) => ({
    cases: a.cases + b.cases,
    expected: a.expected + b.expected,
    truePositives: a.truePositives + b.truePositives,
    falsePositives: a.falsePositives + b.falsePositives,
    quiet: a.quiet + b.quiet,
  }));
}

/** The README's order (obfuscated phones, plain, other kinds, negatives), then anything new. */
function categoryOrder(present: string[]): string[] {
  const known = [...OBFUSCATED, PLAIN, ...OTHER, ...NEGATIVES];
  const rank = (category: string) => {
    const index = known.indexOf(category);
    if (index >= 0) return index;
    return isNegative(category) ? known.length + 1 : known.indexOf(OTHER[0]!) - 0.5;
  };
  return [...present].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** Every miss and false alarm of Parasol's, by category, for whoever tunes the finders. */
function missesReport(order: string[], scored: Map<string, Scored[]>, rejected: string[]): string {
  const lines = [
    'Parasol text finders: misses and false positives on tests/corpus/text (npm run bench -- --only text)',
    'Each case: id (file), country hint, the text as JSON, then what was missed and what was raised wrongly.',
    '"not counted" findings are of a kind the category does not score; they are listed for information.',
    '',
  ];
  for (const category of order) {
    const bad = (scored.get(category) ?? []).filter((s) => s.error || s.parasol.missed.length || s.parasol.falsePositives.length);
    const list = scored.get(category) ?? [];
    const missed = list.reduce((n, s) => n + s.parasol.missed.length, 0);
    const wrong = list.reduce((n, s) => n + s.parasol.falsePositives.length, 0);
    lines.push(`## ${category}: ${list.length} cases, ${missed} missed, ${wrong} false positives`);
    for (const { c, parasol: m, error } of bad) {
      lines.push(`${c.id} (${c.file})${c.country ? ` country=${c.country}` : ''}`);
      lines.push(`  text: ${JSON.stringify(c.text)}`);
      if (c.terms) lines.push(`  terms: ${JSON.stringify(c.terms)}`);
      if (error) lines.push(`  scanDraft threw: ${error.split('\n').slice(0, 3).join(' | ')}`);
      for (const e of m.missed) lines.push(`  missed: ${e.kind} ${e.normalized ?? JSON.stringify(e.value)}`);
      for (const f of m.falsePositives) lines.push(`  false positive: ${describe(f, c.expect.some((e) => e.kind === f.kind && e.normalized === f.normalized))}`);
      for (const f of m.uncounted) lines.push(`  not counted: ${describe(f, false)}`);
    }
    lines.push('');
  }
  if (rejected.length) lines.push('## cases set aside (not in the corpus format)', ...rejected.map((why) => `  ${why}`), '');
  return lines.join('\n');
}

function describe(f: Found, duplicate: boolean): string {
  const where = f.start !== undefined ? ` at ${f.start}-${f.end}` : '';
  return `${f.kind} ${JSON.stringify(f.value)}${where} → ${f.normalized ?? '(no normalized value)'}${duplicate ? ' (a second report of an expected finding)' : ''}`;
}
