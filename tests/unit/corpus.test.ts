import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isValidPhoneNumber } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { FINDING_KINDS } from '../../src/core/findings';
import type { CorpusCase } from '../../scripts/bench/corpus';

// The labelled text corpus is what the finders and `npm run bench` are measured against,
// so a malformed or impossible case would silently skew every figure.

const DIR = fileURLToPath(new URL('../corpus/text/', import.meta.url));

// Read here as plain JSON, not through the bench's loader, which sets malformed cases aside.
const files = readdirSync(DIR).filter((name) => name.endsWith('.json'));
const cases: CorpusCase[] = files.flatMap((file) =>
  (JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Omit<CorpusCase, 'file'>[]).map((c) => ({ ...c, file })),
);

/**
 * The category names listed under "## Categories" in the corpus README: `group/name`, or a
 * single word that is also a finding kind (`payment`, `address`, `identity`).
 */
function readmeCategories(): Set<string> {
  const readme = readFileSync(join(DIR, 'README.md'), 'utf8');
  const start = readme.indexOf('## Categories');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end === -1 ? undefined : end);
  const names = [...section.matchAll(/`([a-z]+(?:\/[a-z-]+)?)`/g)].map((m) => m[1]!);
  return new Set(names.filter((n) => n.includes('/') || (FINDING_KINDS as readonly string[]).includes(n)));
}
const CATEGORIES = readmeCategories();

// The targets for the corpus, per category.
const MINIMUM: Record<string, number> = {
  'phone/plain': 60,
  'phone/international': 25,
  'email/plain': 20,
  'email/obfuscated': 25,
  'handle/social': 30,
  'link/social': 20,
  payment: 25,
  address: 20,
  identity: 25,
};
const OBFUSCATED = [...CATEGORIES].filter((c) => c.startsWith('phone/') && c !== 'phone/plain' && c !== 'phone/international');

const where = (c: { file: string; id: string }) => `${c.file} ${c.id}`;

describe('text corpus', () => {
  it('has the README categories to check against', () => {
    expect(CATEGORIES.has('phone/separators')).toBe(true);
    expect(CATEGORIES.has('negative/ids')).toBe(true);
    expect(OBFUSCATED.length).toBeGreaterThanOrEqual(13);
  });

  it('has at least 600 cases and 150 hard negatives', () => {
    expect(cases.length).toBeGreaterThanOrEqual(600);
    expect(cases.filter((c) => c.category.startsWith('negative/')).length).toBeGreaterThanOrEqual(150);
  });

  it('reaches the per-category targets', () => {
    const count = (cat: string) => cases.filter((c) => c.category === cat).length;
    for (const cat of OBFUSCATED) expect(count(cat), cat).toBeGreaterThanOrEqual(25);
    for (const [cat, min] of Object.entries(MINIMUM)) expect(count(cat), cat).toBeGreaterThanOrEqual(min);
    for (const cat of CATEGORIES) expect(count(cat), cat).toBeGreaterThan(0);
  });

  it('gives every case a unique id', () => {
    const seen = new Map<string, string>();
    for (const c of cases) {
      expect(seen.get(c.id), `${c.id} in ${c.file} and ${seen.get(c.id)}`).toBeUndefined();
      seen.set(c.id, c.file);
    }
  });

  it('uses only the README categories, and says where each case comes from', () => {
    for (const c of cases) {
      expect(CATEGORIES.has(c.category), `${where(c)}: ${c.category}`).toBe(true);
      expect(typeof c.text === 'string' && c.text.length > 0, where(c)).toBe(true);
      expect(c.source === 'made-up' || /^real: \S/.test(c.source), `${where(c)}: ${c.source}`).toBe(true);
      if (c.country !== undefined) expect(c.country, where(c)).toMatch(/^[A-Z]{2}$/);
    }
  });

  it('expects nothing on hard negatives', () => {
    for (const c of cases.filter((x) => x.category.startsWith('negative/'))) expect(c.expect, where(c)).toEqual([]);
  });

  it('writes every expected finding in its canonical form', () => {
    for (const c of cases) {
      for (const e of c.expect) {
        expect(FINDING_KINDS as readonly string[], where(c)).toContain(e.kind);
        if (e.kind === 'address') {
          expect(e.value && c.text.includes(e.value), `${where(c)}: address value must be a piece of the text`).toBeTruthy();
          continue;
        }
        expect(typeof e.normalized, where(c)).toBe('string');
        const n = e.normalized!;
        if (e.kind === 'phone') continue; // checked below
        expect(n, where(c)).toBe(n.toLowerCase());
        if (e.kind === 'email') expect(n, where(c)).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/);
        if (e.kind === 'handle' || e.kind === 'link' || e.kind === 'payment') expect(n, where(c)).toMatch(/^[a-z]+:\S/);
        if (e.kind === 'identity') expect(n, where(c)).toMatch(/^identity:(name|phone|email|handle|place):./);
      }
    }
  });

  it('expects only phone numbers that libphonenumber-js holds valid, in E.164', () => {
    const phones = cases.flatMap((c) => c.expect.filter((e) => e.kind === 'phone').map((e) => ({ c, n: e.normalized! })));
    expect(phones.length).toBeGreaterThan(400);
    for (const { c, n } of phones) {
      expect(n, where(c)).toMatch(/^\+[1-9]\d{6,14}$/);
      expect(isValidPhoneNumber(n), `${where(c)}: ${n}`).toBe(true);
    }
  });

  it('gives identity cases the terms they are checked against, and only them', () => {
    for (const c of cases) {
      if (c.category !== 'identity') {
        expect(c.terms, where(c)).toBeUndefined();
        continue;
      }
      expect(Array.isArray(c.terms) && c.terms.length > 0, where(c)).toBe(true);
      for (const term of c.terms!) {
        expect(['name', 'phone', 'email', 'handle', 'place'], where(c)).toContain(term.kind);
        expect(term.value.length, where(c)).toBeGreaterThan(0);
      }
      const given = new Set(c.terms!.map((term) => `identity:${term.kind}:${term.value.toLowerCase()}`));
      for (const e of c.expect.filter((x) => x.kind === 'identity')) expect(given.has(e.normalized!), `${where(c)}: ${e.normalized}`).toBe(true);
    }
    // Some identity cases must raise nothing: the terms are absent from the text.
    expect(cases.filter((c) => c.category === 'identity' && !c.expect.some((e) => e.kind === 'identity')).length).toBeGreaterThanOrEqual(5);
  });
});
