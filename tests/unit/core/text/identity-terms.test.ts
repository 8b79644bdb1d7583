import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findIdentityTerms, MAX_TERM_LENGTH, MAX_TERMS, type IdentityTerm } from '../../../../src/core/text/identity-terms';
import { findPhones } from '../../../../src/core/text/phone';
import { expectExactSpans, expectOrderedAndApart } from './shared-expect';

function found(text: string, terms: IdentityTerm[], country?: 'US' | 'RU') {
  const findings = findIdentityTerms(text, terms, { country });
  expectExactSpans(text, findings);
  return findings.map((f) => [f.value, f.normalized]);
}

// Examples are made up unless marked "corpus" (tests/corpus/text/identity.json).
describe('findIdentityTerms', () => {
  it('reports a name with a replace fix when the term has a replacement', () => {
    expect(findIdentityTerms('Hi, I am maria lopez!', [{ kind: 'name', value: 'María López', replacement: 'Rosa' }])).toEqual([
      {
        kind: 'identity',
        severity: 'high',
        value: 'maria lopez',
        normalized: 'identity:name:maría lópez',
        start: 9,
        end: 20,
        reason: 'reasonIdentity',
        fix: { action: 'replace', replacement: 'Rosa' },
      },
    ]);
  });

  it('offers removal when the term has no replacement', () => {
    expect(findIdentityTerms('Maria', [{ kind: 'name', value: 'Maria' }])[0]!.fix).toEqual({ action: 'remove' });
  });

  it.each([
    ['MARÍA here', 'MARÍA'],
    ['M a r i a here', 'M a r i a'],
    ['m.a.r.i.a', 'm.a.r.i.a'],
    ['M@r1a', 'M@r1a'],
    ['ask for m4r!a? no: M-a-r-i-a', 'M-a-r-i-a'],
    ['Mаria with a Cyrillic а', 'Mаria'],
  ])('finds a name written as %j', (text, value) => {
    expect(found(text, [{ kind: 'name', value: 'Maria' }])).toEqual([[value, 'identity:name:maria']]);
  });

  it('finds whole words only', () => {
    expect(found('Mariana and Annamaria', [{ kind: 'name', value: 'Maria' }])).toEqual([]);
  });

  it('finds a spelled-out name before punctuation', () => {
    expect(found("L i n d s e y, 5'4, blonde", [{ kind: 'name', value: 'Lindsey' }])).toEqual([
      ['L i n d s e y', 'identity:name:lindsey'],
    ]); // corpus
  });

  it('finds a place written without its dot and apostrophe', () => {
    expect(found('a night nurse at St Marys hospital', [{ kind: 'place', value: "St. Mary's Hospital" }])).toEqual([
      ['St Marys hospital', "identity:place:st. mary's hospital"],
    ]); // corpus
  });

  it('finds a Chinese name inside a sentence with no spaces', () => {
    expect(found('我叫王芳你好', [{ kind: 'name', value: '王芳' }])).toEqual([['王芳', 'identity:name:王芳']]);
  });

  it('finds a phone term however the number is written', () => {
    const terms: IdentityTerm[] = [{ kind: 'phone', value: '(555) 123-4567' }];
    expect(found('call 555.123.4567', terms)).toEqual([['555.123.4567', 'identity:phone:(555) 123-4567']]);
    expect(found('call +1 555 123 4567', terms)).toEqual([['+1 555 123 4567', 'identity:phone:(555) 123-4567']]);
    expect(found('call 555 123 9999', terms)).toEqual([]);
    expect(found('звони 8 912 345-67-89', [{ kind: 'phone', value: '+7 912 345 67 89' }], 'RU')).toEqual([
      ['8 912 345-67-89', 'identity:phone:+7 912 345 67 89'],
    ]);
  });

  it('uses the phone numbers already found in the text instead of looking for them again', () => {
    const text = 'call 555.123.4567, not 555 123 9999';
    const terms: IdentityTerm[] = [{ kind: 'phone', value: '(555) 123-4567' }];
    const phones = findPhones(text, { country: 'US' });
    expect(phones.map((phone) => phone.normalized)).toEqual(['+15551234567', '+15551239999']);
    const given = findIdentityTerms(text, terms, { country: 'US', phones });
    expect(given.map((f) => f.value)).toEqual(['555.123.4567']);
    expect(given).toEqual(findIdentityTerms(text, terms, { country: 'US' }));
    // Told there are no numbers, it finds none: it trusts the list rather than searching again.
    expect(findIdentityTerms(text, terms, { country: 'US', phones: [] })).toEqual([]);
    // Names and other terms are still searched as usual.
    expect(findIdentityTerms('call Maria', [{ kind: 'name', value: 'maria' }], { phones: [] }).map((f) => f.value)).toEqual(['Maria']);
  });

  it('finds an email term spelled out, and its username alone', () => {
    const terms: IdentityTerm[] = [{ kind: 'email', value: 'maria.lopez88@gmail.com' }];
    expect(found('email me: maria.lopez88 at gmail dot com', terms)).toEqual([
      ['maria.lopez88 at gmail dot com', 'identity:email:maria.lopez88@gmail.com'],
    ]); // corpus
    expect(found('I am maria.lopez88 everywhere', terms)).toEqual([['maria.lopez88', 'identity:email:maria.lopez88@gmail.com']]);
  });

  it('finds a handle term as a link, with its app, or as a bare username', () => {
    const terms: IdentityTerm[] = [{ kind: 'handle', value: 'instagram:realjane' }];
    expect(found('instagram.com/realjane', terms)).toEqual([['instagram.com/realjane', 'identity:handle:instagram:realjane']]);
    expect(found('insta: @realjane', terms)).toEqual([['insta: @realjane', 'identity:handle:instagram:realjane']]);
    expect(found('tiktok: @realjane', terms)).toEqual([['@realjane', 'identity:handle:instagram:realjane']]);
    expect(found('just realjane', terms)).toEqual([['realjane', 'identity:handle:instagram:realjane']]);
    expect(found('IG sofia.h for pics', [{ kind: 'handle', value: '@sofia.h' }])).toEqual([['IG sofia.h', 'identity:handle:@sofia.h']]); // corpus
  });

  it('ignores empty, over-long and malformed terms, and terms past the cap', () => {
    const text = 'Maria Lopez from Springfield';
    expect(found(text, [{ kind: 'name', value: '' }, { kind: 'name', value: '   ' }])).toEqual([]);
    expect(found(text, [{ kind: 'name', value: `Maria${' x'.repeat(MAX_TERM_LENGTH)}` }])).toEqual([]);
    expect(found(text, [{ kind: 'nickname', value: 'Maria' } as unknown as IdentityTerm, { kind: 'name', value: 42 } as unknown as IdentityTerm])).toEqual([]);
    const filler: IdentityTerm[] = Array.from({ length: MAX_TERMS }, (_, i) => ({ kind: 'name', value: `nobody${i}` }));
    expect(found(text, [...filler, { kind: 'place', value: 'Springfield' }])).toEqual([]);
    expect(found(text, [...filler.slice(1), { kind: 'place', value: 'Springfield' }])).toEqual([['Springfield', 'identity:place:springfield']]);
  });

  it('finds a name inserted into random text, with spans in order and apart', () => {
    const word = fc.stringMatching(/^[a-z]{1,7}$/).filter((w) => !/^(?:lindsey|lindseys)$/.test(w));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 15 }), fc.nat(), (words, cut) => {
        const at = words.length ? cut % (words.length + 1) : 0;
        const text = [...words.slice(0, at), 'Lindsey', ...words.slice(at)].join(' ');
        const findings = findIdentityTerms(text, [{ kind: 'name', value: 'Lindsey' }]);
        expectExactSpans(text, findings);
        expectOrderedAndApart(findings);
        return findings.some((f) => f.value === 'Lindsey');
      }),
    );
  });
});
