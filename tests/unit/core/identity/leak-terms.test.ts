import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { explainLeaks, leakTerms, termKey } from '../../../../src/core/identity/leak-terms';
import { scanDraftForSite } from '../../../../src/core/identity/scan-for-site';
import { IdentitiesSchema } from '../../../../src/core/identity/schema';
import { identityForSite } from '../../../../src/core/identity/site';
import { findIdentityTerms } from '../../../../src/core/text/identity-terms';
import { scanDraft } from '../../../../src/core/text/scan-draft';
import { identities } from './fixtures';

const list = v.parse(IdentitiesSchema, identities);
const [lola, me, rosa] = list as [(typeof list)[0], (typeof list)[0], (typeof list)[0]];
const values = (terms: ReturnType<typeof leakTerms>) => terms.map((t) => `${t.identityId}:${t.kind}:${t.value}`);

/** scanDraft with the leak terms of a site, as the background will run it. */
function scanOn(hostname: string, text: string) {
  const terms = leakTerms(list, identityForSite(list, hostname));
  return explainLeaks(scanDraft(text, { country: 'US', identityTerms: terms }), terms);
}

describe('leakTerms: the rule per site kind', () => {
  it('on a work persona’s site: the personal identity and every other persona, personal first', () => {
    const terms = leakTerms(list, lola);
    expect(values(terms)).toEqual([
      'me:name:Maria Lopez',
      'me:phone:+1 702 555 0147',
      'me:email:maria.lopez@example.net',
      'me:place:Sunset Road',
      // Henderson is Lola's city too: writing it on Lola's site is no leak.
      'rosa:name:Rosa Velvet',
      'rosa:email:rosa.velvet@mail.example',
    ]);
    expect(terms.filter((t) => t.identityId === 'me').every((t) => t.owner === 'personal' && t.identityLabel === 'Me')).toBe(true);
    expect(terms.filter((t) => t.identityId === 'rosa').every((t) => t.owner === 'other' && t.identityLabel === 'Rosa')).toBe(true);
  });

  it('on a site of no identity: the personal identity only', () => {
    expect(values(leakTerms(list, undefined))).toEqual([
      'me:name:Maria Lopez',
      'me:phone:+1 702 555 0147',
      'me:email:maria.lopez@example.net',
      'me:place:Sunset Road',
      'me:place:Henderson',
    ]);
  });

  it('on the personal identity’s own site: every work persona', () => {
    expect(values(leakTerms(list, me))).toEqual([
      'lola:name:Lola',
      'lola:phone:+1 725 555 0199',
      'lola:handle:instagram:lola.nights',
      'rosa:name:Rosa Velvet',
      'rosa:email:rosa.velvet@mail.example',
    ]);
  });

  it('with no personal identity and no site identity: nothing', () => {
    expect(leakTerms([lola, rosa], undefined)).toEqual([]);
  });

  it('gives findIdentityTerms’ own keys, so each finding traces back to its term', () => {
    const terms = leakTerms(list, lola);
    const found = findIdentityTerms('Maria Lopez, rosa.velvet@mail.example', terms, { country: 'US' });
    expect(found.map((f) => f.normalized)).toEqual([termKey(terms[0]!), termKey(terms[5]!)]);
  });
});

describe('identity leaks in a draft', () => {
  it.each([
    ['spaced', 'New girl in town, text me 7 0 2 - 5 5 5 - 0 1 4 7 anytime'],
    ['in words', 'New girl in town, text me seven oh two five five five oh one four seven anytime'],
    ['with dots', 'Text me: 702.555.0147'],
  ])('finds the personal number written %s on a work site, and says it is personal', (_, text) => {
    const leaks = scanOn('post.adsite.example', text).filter((f) => f.kind === 'identity');
    expect(leaks).toHaveLength(1);
    expect(leaks[0]).toMatchObject({ severity: 'high', reason: 'identityPersonalPhone', identityId: 'me', identityLabel: 'Me' });
    expect(text.slice(leaks[0]!.start, leaks[0]!.end)).toMatch(/^(7|seven).*(7|seven)$/);
  });

  it('names the other persona whose things show up', () => {
    const leaks = scanOn('adsite.example', 'Lola here! Also find me as Rosa Velvet.').filter((f) => f.kind === 'identity');
    expect(leaks).toEqual([
      expect.objectContaining({ value: 'Rosa Velvet', reason: 'identityOtherName', identityLabel: 'Rosa', severity: 'high' }),
    ]);
  });

  it('does not report a persona’s own things on its own site', () => {
    const text = 'Lola here, in Henderson, text 725 555 0199 or instagram.com/lola.nights';
    const findings = scanOn('adsite.example', text);
    expect(findings.filter((f) => f.kind === 'identity')).toEqual([]);
    // The generic finders still see a phone number, as on any site.
    expect(findings.some((f) => f.kind === 'phone')).toBe(true);
  });

  it('on a site of no identity, reports the personal number but not a persona’s', () => {
    const findings = scanDraftForSite('Call 702 555 0147 or Lola on 725 555 0199', list, 'forum.example', { country: 'US' });
    expect(findings.filter((f) => f.kind === 'identity').map((f) => [f.value, f.reason])).toEqual([['702 555 0147', 'identityPersonalPhone']]);
    expect(findings.find((f) => f.value === '725 555 0199')?.kind).toBe('phone');
  });

  it('on the personal site, reports a persona’s handle', () => {
    const findings = scanDraftForSite('Follow instagram.com/lola.nights!', list, 'www.facebook.com');
    expect(findings.filter((f) => f.kind === 'identity')).toEqual([
      expect.objectContaining({ reason: 'identityOtherHandle', identityLabel: 'Lola' }),
    ]);
  });
});
