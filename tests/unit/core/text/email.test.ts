import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findEmails } from '../../../../src/core/text/email';
import { expectExactSpans, expectOrderedAndApart, normalizedOf } from './shared-expect';

// Examples are made up unless marked "corpus" (tests/corpus/text/contacts.json).
describe('findEmails', () => {
  it('reports a plain email as a high-severity finding with its exact span', () => {
    const text = 'write to Jane.Doe@Mail.com tonight';
    expect(findEmails(text)).toEqual([
      {
        kind: 'email',
        severity: 'high',
        value: 'Jane.Doe@Mail.com',
        normalized: 'jane.doe@mail.com',
        start: 9,
        end: 26,
        reason: 'reasonEmail',
        fix: { action: 'remove' },
      },
    ]);
  });

  it.each([
    ['name at domain dot com? no: jane at domain dot com', 'jane@domain.com', 'jane at domain dot com'],
    ['jane [at] gmail [dot] com', 'jane@gmail.com', 'jane [at] gmail [dot] com'],
    ['jane(at)gmail(dot)com', 'jane@gmail.com', 'jane(at)gmail(dot)com'],
    ['scarlett -at- protonmail -dot- com', 'scarlett@protonmail.com', 'scarlett -at- protonmail -dot- com'], // corpus
    ['stella .dot. moon at gmail .dot. com', 'stella.moon@gmail.com', 'stella .dot. moon at gmail .dot. com'], // corpus
    ['mail: j a n e @ g m a i l . c o m', 'jane@gmail.com', 'j a n e @ g m a i l . c o m'],
    ['jane @ gmail . com', 'jane@gmail.com', 'jane @ gmail . com'],
    ['email me at jane dot doe at gmail dot com. Call', 'jane.doe@gmail.com', 'jane dot doe at gmail dot com'],
    ['janedoe at gmail', 'janedoe@gmail.com', 'janedoe at gmail'],
    ['janedoe@gmail', 'janedoe@gmail.com', 'janedoe@gmail'],
    ['my gmail is honeybee.nyc', 'honeybee.nyc@gmail.com', 'gmail is honeybee.nyc'], // corpus
    ['escríbeme: lola arroba correo punto es', 'lola@correo.es', 'lola arroba correo punto es'],
    ['почта: nata собака mail точка ru', 'nata@mail.ru', 'nata собака mail точка ru'],
    ['我的邮箱abc123＠qq。com', 'abc123@qq.com', 'abc123＠qq。com'],
    ['x jane.doe@mail.co.uk.', 'jane.doe@mail.co.uk', 'jane.doe@mail.co.uk'],
  ])('reads %j', (text, normalized, value) => {
    const found = findEmails(text);
    expect(normalizedOf(text, found)).toEqual([normalized]);
    expect(found[0]!.value).toBe(value);
  });

  it('decodes HTML entities for matching and keeps the span on what was typed', () => {
    for (const text of ['jane&#64;gmail&#x2E;com', 'jane&commat;gmail&period;com', 'jane&#x40;gmail&#46;com']) {
      const found = findEmails(`hi ${text} bye`);
      expect(normalizedOf(`hi ${text} bye`, found)).toEqual(['jane@gmail.com']);
      expect(found[0]!.value).toBe(text);
    }
  });

  it.each([
    'meet at the hotel dot',
    'look at this dot com bubble',
    'follow @handles alone',
    'me at gmail',
    'icon@2x.png',
    'I arrive at 5 dot 30',
    'see you at home dot',
    'my gmail is full',
    '$200 at the door, 36DD-24-36',
  ])('stays quiet on %j', (text) => {
    expect(findEmails(text)).toEqual([]);
  });

  it('finds each of several emails once, in reading order', () => {
    const text = 'a@b.com or c at d dot org, then e@f.net';
    const found = findEmails(text);
    expect(normalizedOf(text, found)).toEqual(['a@b.com', 'c@d.org', 'e@f.net']);
    expectOrderedAndApart(found);
  });

  it('raises nothing in random text without "@", "at" or entities', () => {
    const noAt = fc.string({ unit: fc.constantFrom(...'bcdefghijklmnopqrsuvwxyz .-_0123456789[]()'.split('')) });
    fc.assert(fc.property(noAt, (text) => findEmails(text).length === 0));
  });

  it('finds an email inserted anywhere in random words', () => {
    const word = fc.stringMatching(/^[a-z]{1,8}$/);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 20 }), fc.nat(), (words, cut) => {
        const at = words.length ? cut % (words.length + 1) : 0;
        const text = [...words.slice(0, at), 'lola.x9@mail.example.com', ...words.slice(at)].join(' ');
        return findEmails(text).some((f) => f.normalized === 'lola.x9@mail.example.com' && text.slice(f.start, f.end) === f.value);
      }),
    );
  });

  it('keeps spans inside the text and apart on any input', () => {
    const unit = fc.constantFrom(...'ab@. at dot[]()&#;x1'.split(''), ' at ', ' dot ', '&#64;', 'gmail', 'com');
    fc.assert(
      fc.property(fc.string({ unit }), (text) => {
        const found = findEmails(text);
        expectExactSpans(text, found);
        expectOrderedAndApart(found);
      }),
    );
  });
});
