import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPayments } from '../../../../src/core/text/payment';
import { expectExactSpans, expectOrderedAndApart, normalizedOf } from './shared-expect';

// Examples are made up unless marked "corpus" (tests/corpus/text/contacts.json).
describe('findPayments', () => {
  it('reports a Cash App $cashtag with its exact span', () => {
    expect(findPayments('deposit to $JaneDoe first')).toEqual([
      {
        kind: 'payment',
        severity: 'high',
        value: '$JaneDoe',
        normalized: 'cashapp:janedoe',
        start: 11,
        end: 19,
        reason: 'reasonPayment',
        fix: { action: 'remove' },
      },
    ]);
  });

  it.each([
    ['cash.app/$JaneDoe', 'cashapp:janedoe'],
    ['cashapp: janedoe', 'cashapp:janedoe'],
    ['CA $jane', 'cashapp:jane'],
    ['Cash App $ jasminexo', 'cashapp:jasminexo'], // corpus
    ['venmo @jane-doe', 'venmo:jane-doe'],
    ['venmo.com/u/jane-doe', 'venmo:jane-doe'],
    ['venmo.com/janedoe', 'venmo:janedoe'],
    ['Send deposit to my Venmo, username Amanda-Price-7', 'venmo:amanda-price-7'], // corpus
    ['paypal.me/janedoe', 'paypal:janedoe'],
    ['paypal: jane@mail.com', 'paypal:jane@mail.com'],
    ['revolut.me/jane', 'revolut:jane'],
    ['revtag @jane', 'revolut:jane'],
    ['zelle jane@mail.com', 'zelle:jane@mail.com'],
    ['zelle me at (555) 123-4567', 'zelle:+15551234567'],
    ['chime $JaneSign', 'chime:janesign'],
    ['apple cash +1 555 123 4567', 'applecash:+15551234567'],
    ['wise: @jane', 'wise:jane'],
    ['monzo.me/janedoe', 'monzo:janedoe'],
  ])('reads %j', (text, normalized) => {
    expect(normalizedOf(text, findPayments(text))).toEqual([normalized]);
  });

  it('gives an "@" tag to the "@" service and a "$" tag to Cash App', () => {
    const text = 'Venmo/CashApp: @keke_b / $kekeb'; // corpus
    expect(normalizedOf(text, findPayments(text))).toEqual(['venmo:keke_b', 'cashapp:kekeb']);
  });

  it('covers the service name and the handle for a Zelle number', () => {
    const found = findPayments('zelle: 555-123-4567 thanks');
    expect(found.map((f) => f.value)).toEqual(['zelle: 555-123-4567']);
  });

  it.each([
    '$200',
    '$150hh',
    '$1,250',
    '$ 300',
    'venmo $200',
    'cashapp only',
    'venmo accepted',
    'zelle or cashapp',
    'be wise: call me',
    '$USD200',
    'price 200$hh',
    'pay with cash app or venmo',
    'cash app $ 300',
    '$$$ for fun',
  ])('stays quiet on the price or prose %j', (text) => {
    expect(findPayments(text)).toEqual([]);
  });

  it('never takes a "$" and digits for a cashtag', () => {
    fc.assert(fc.property(fc.nat(100000), fc.constantFrom('', 'hh', '/h', ' hr', 'k', ',000'), (n, unit) => findPayments(`only $${n}${unit} tonight`).length === 0));
  });

  it('keeps spans exact, in order and apart on any input', () => {
    const unit = fc.constantFrom('$', 'jane', '1', ' ', 'venmo', '@', ':', 'cash app', '/', 'paypal.me/', 'zelle', '555', '-');
    fc.assert(
      fc.property(fc.string({ unit }), (text) => {
        const found = findPayments(text);
        expectExactSpans(text, found);
        expectOrderedAndApart(found);
      }),
    );
  });
});
