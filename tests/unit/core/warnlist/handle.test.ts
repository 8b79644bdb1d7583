import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalHandle } from '../../../../src/core/warnlist';

describe('normalHandle', () => {
  it.each([
    ['2I2 five five five 0147', 'tel:+12125550147'],
    ['(212) 555-0147', 'tel:+12125550147'],
    ['+1 212 555 0147', 'tel:+12125550147'],
    ['tel:+1-212-555-0147', 'tel:+12125550147'],
    ['https://wa.me/12125550147', 'tel:+12125550147'],
    ['wa.me/447911123456', 'tel:+447911123456'],
    ['whatsapp: +44 7911 123456', 'tel:+447911123456'],
    ['t.me/JayB_99', 'user:telegram:jayb_99'],
    ['instagram:Mike_NYC88', 'user:instagram:mike_nyc88'],
    ['IG: mike_nyc88', 'user:instagram:mike_nyc88'],
    ['https://www.instagram.com/mike_nyc88/', 'user:instagram:mike_nyc88'],
    ['@Mike_NYC88', 'user:any:mike_nyc88'],
    ['Jay.B@Example.COM', 'email:jay.b@example.com'],
    ['mailto:Jay.B@Example.com?subject=hi', 'email:jay.b@example.com'],
    ['user:instagram:mike_nyc88', 'user:instagram:mike_nyc88'],
  ])('%s → %s', (raw, normal) => {
    expect(normalHandle(raw)).toBe(normal);
  });

  it('reads a number without country code as from the person’s country', () => {
    expect(normalHandle('07911 123456', { country: 'GB' })).toBe('tel:+447911123456');
  });

  it('gives "@name" the site it was seen on', () => {
    expect(normalHandle('@Mike', { site: 'onlyfans' })).toBe('user:onlyfans:mike');
  });

  it.each(['', '   ', 'hello world', 'a'.repeat(400), 'user:instagram:', 'not an@ email'])('refuses %j', (raw) => {
    expect(normalHandle(raw)).toBeUndefined();
  });

  it('gives one form for every way of writing the same number', () => {
    const forms = ['2125550147', '212.555.0147', '+1 (212) 555-0147', 'tel:2125550147', 'wa.me/12125550147'];
    expect(new Set(forms.map((form) => normalHandle(form)))).toEqual(new Set(['tel:+12125550147']));
  });
});

describe('normalHandle properties', () => {
  const raw = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.stringMatching(/^[+]?[0-9 ()-]{7,18}$/),
    fc.emailAddress(),
    fc.stringMatching(/^@?[A-Za-z0-9_.]{1,20}$/),
    fc.tuple(fc.constantFrom('instagram:', 'IG: ', 't.me/', 'wa.me/', 'tel:', 'mailto:', 'user:x:'), fc.string({ maxLength: 20 })).map(([a, b]) => a + b),
  );

  it('is idempotent, and every normal form is one buildList accepts', async () => {
    fc.assert(
      fc.property(raw, (text) => {
        const normal = normalHandle(text);
        if (normal === undefined) return;
        expect(normalHandle(normal)).toBe(normal);
        expect(normal).toMatch(/^(?:tel:\+[1-9]\d{6,14}|email:[^\s@]{1,64}@[^\s@]{1,255}|user:[a-z0-9][a-z0-9.-]{0,31}:[^\s:]{1,64})$/u);
      }),
      { numRuns: 2000 },
    );
  });
});
