import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CountryCode } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../src/core/findings';
import { findAddresses } from '../../../../src/core/text/address';
import { findEmails } from '../../../../src/core/text/email';
import { findHandles } from '../../../../src/core/text/handles';
import { findIdentityTerms, type IdentityTerm } from '../../../../src/core/text/identity-terms';
import { findPayments } from '../../../../src/core/text/payment';

// The labelled corpus (tests/corpus/text, written by others) read by these finders: its rules
// are in its README. The bench prints the figures; this holds the finders to a floor.

interface Case {
  id: string;
  category: string;
  text: string;
  expect: Array<{ kind: string; normalized?: string; value?: string }>;
  country?: CountryCode;
  terms?: IdentityTerm[];
}

const DIR = fileURLToPath(new URL('../../../corpus/text/', import.meta.url));
const cases: Case[] = readdirSync(DIR)
  .filter((name) => name.endsWith('.json'))
  .flatMap((name) => JSON.parse(readFileSync(join(DIR, name), 'utf8')) as Case[]);

const FINDERS: Record<string, (c: Case) => Finding[]> = {
  email: (c) => findEmails(c.text),
  handles: (c) => findHandles(c.text, { country: c.country }),
  payments: (c) => findPayments(c.text, { country: c.country }),
  addresses: (c) => findAddresses(c.text),
  identity: (c) => findIdentityTerms(c.text, c.terms ?? [{ kind: 'name', value: 'Maria Lopez' }], { country: c.country }),
};

function all(c: Case): Finding[] {
  return Object.values(FINDERS).flatMap((find) => find(c));
}

function matches(c: Case, f: Finding, e: Case['expect'][number]): boolean {
  return f.kind === e.kind && (e.kind === 'address' ? f.value.includes(e.value ?? '') : f.normalized === e.normalized);
}

const negatives = cases.filter((c) => c.category.startsWith('negative/'));
const OURS = ['email/plain', 'email/obfuscated', 'handle/social', 'link/social', 'payment', 'address', 'identity'];

describe('corpus: hard negatives', () => {
  it('has hard negatives to check', () => expect(negatives.length).toBeGreaterThan(100));

  it.each(Object.keys(FINDERS))('%s raises nothing on at least 97% of them', (name) => {
    const noisy = negatives
      .map((c) => ({ id: c.id, found: FINDERS[name]!(c).map((f) => f.value) }))
      .filter((r) => r.found.length > 0);
    expect(noisy.length / negatives.length, JSON.stringify(noisy)).toBeLessThanOrEqual(0.03);
  });
});

describe('corpus: contact categories', () => {
  it.each(OURS)('%s: recall at least 0.9 and precision at least 0.95', (category) => {
    const group = cases.filter((c) => c.category === category);
    expect(group.length).toBeGreaterThan(10);
    let expected = 0;
    let right = 0;
    let raised = 0;
    const misses: string[] = [];
    for (const c of group) {
      // Only the kinds the category is about count: a phone finding belongs to another finder.
      const kinds = new Set([category.split('/')[0]!, ...c.expect.map((e) => e.kind)]);
      const found = all(c).filter((f) => kinds.has(f.kind));
      const used = new Set<number>();
      for (const e of c.expect.filter((x) => x.kind !== 'phone')) {
        expected++;
        const i = found.findIndex((f, j) => !used.has(j) && matches(c, f, e));
        if (i >= 0) used.add(i);
        else misses.push(`${c.id}: ${e.normalized ?? e.value}`);
      }
      right += used.size;
      raised += found.length;
    }
    expect(right / expected, misses.join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(right / Math.max(raised, 1)).toBeGreaterThanOrEqual(0.95);
  });
});
