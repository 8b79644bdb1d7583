import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../src/core/findings';
import { findAddresses } from '../../../../src/core/text/address';
import { findEmails } from '../../../../src/core/text/email';
import { findHandles } from '../../../../src/core/text/handles';
import { findIdentityTerms } from '../../../../src/core/text/identity-terms';
import { findPayments } from '../../../../src/core/text/payment';
import { expectExactSpans } from './shared-expect';

// A guard against catastrophic regex backtracking, not a speed measurement (that is the bench's):
// the bounds are many times what these inputs take, so a slow shared machine does not trip them.

const FINDERS: Record<string, (text: string) => Finding[]> = {
  findEmails,
  findHandles: (text) => findHandles(text),
  findPayments: (text) => findPayments(text),
  findAddresses,
  findIdentityTerms: (text) =>
    findIdentityTerms(text, [
      { kind: 'name', value: 'Maria Lopez' },
      { kind: 'handle', value: '@realjane' },
      { kind: 'email', value: 'jane@mail.com' },
      { kind: 'place', value: 'Springfield' },
    ]),
};

const AD = "IG: @jane_doe, snap ~ janey, jane at gmail dot com, venmo @jane-d, $JaneD, I live above the bakery on Elm Street, 123 Main St, $200 hh, 36DD-24-36, 5'4\". ";

const REPEATS = ['a', '@', '$', '7', 'a ', ' at ', 'a.', '&#64;', 'ig ', 'I live ', 'Main ', '😀', 'ул. ', '路', '-', '_', '\u200b'];
/** Text crowded with the places finders look closer at ("@", "at", app and street names, links). */
const CROWDED = ['a @ ', 'a-at-', 'a at ', 'jane dot ', 'of x on ig ', 'instagram.com/', 'above the ', '12 calle ', 'Hauptstraße 5 ', ' St', '人民路5号'];

describe('finders on hostile input', () => {
  it.each(Object.keys(FINDERS))('%s: 10 000 repeats of each of many patterns finish quickly', (name) => {
    for (const unit of REPEATS) {
      const text = unit.repeat(Math.ceil(10_000 / unit.length));
      const start = performance.now();
      const found = FINDERS[name]!(text);
      // A guard against runaway regexes (they take minutes here), not a speed target:
      // speed is measured by `npm run bench`.
      expect(performance.now() - start, JSON.stringify(unit)).toBeLessThan(3000);
      expectExactSpans(text, found);
    }
  });

  it.each(Object.keys(FINDERS))('%s: 10 000 characters crowded with what finders look closer at finish quickly', (name) => {
    for (const unit of CROWDED) {
      const text = unit.repeat(Math.ceil(10_000 / unit.length));
      const start = performance.now();
      const found = FINDERS[name]!(text);
      expect(performance.now() - start, JSON.stringify(unit)).toBeLessThan(3000);
      expectExactSpans(text, found);
    }
  });

  it.each(Object.keys(FINDERS))('%s: 1 MB of ad text finishes and finds what is there', (name) => {
    const text = AD.repeat(Math.ceil(1_048_576 / AD.length));
    const start = performance.now();
    const found = FINDERS[name]!(text);
    expect(performance.now() - start).toBeLessThan(10_000);
    if (name !== 'findIdentityTerms') expect(found.length).toBeGreaterThan(1000);
  });

  it.each(Object.keys(FINDERS))('%s: right-to-left text and a draft of only emoji raise nothing', (name) => {
    expect(FINDERS[name]!('مرحبا، أنا متاحة الليلة في وسط المدينة. שלום, אני פנויה הערב')).toEqual([]);
    expect(FINDERS[name]!('💋🔥😘👠'.repeat(500))).toEqual([]);
  });
});
