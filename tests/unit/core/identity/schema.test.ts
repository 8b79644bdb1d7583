import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { IdentitiesSchema, IdentitySchema, MAX_TERMS_PER_LIST } from '../../../../src/core/identity/schema';
import { IDENTITIES_VERSION, IDENTITY_MIGRATIONS, readIdentities, storedIdentities } from '../../../../src/core/identity/stored';
import { identities, identity, lola, personal } from './fixtures';

const valid = (input: unknown) => v.safeParse(IdentitySchema, input).success;

describe('identity schema', () => {
  it('accepts a full identity', () => {
    expect(valid(personal)).toBe(true);
    expect(v.safeParse(IdentitiesSchema, identities).success).toBe(true);
  });

  it('refuses oversize lists and terms', () => {
    expect(valid({ ...lola, names: Array.from({ length: MAX_TERMS_PER_LIST }, (_, n) => `Name ${n}`) })).toBe(true);
    expect(valid({ ...lola, names: Array.from({ length: MAX_TERMS_PER_LIST + 1 }, (_, n) => `Name ${n}`) })).toBe(false);
    expect(valid({ ...lola, phones: ['7'.repeat(201)] })).toBe(false);
    expect(valid({ ...lola, label: 'x'.repeat(81) })).toBe(false);
    expect(valid({ ...lola, photos: [{ hash: 'f'.repeat(64), preview: `data:image/png;base64,${'A'.repeat(20_000)}` }] })).toBe(false);
  });

  it('refuses invalid fields', () => {
    expect(valid({ ...lola, kind: 'family' })).toBe(false);
    expect(valid({ ...lola, colour: '#ff0000' })).toBe(false);
    expect(valid({ ...lola, names: [''] })).toBe(false);
    expect(valid({ ...lola, names: [42] })).toBe(false);
    expect(valid({ ...lola, sites: ['https://adsite.example/path'] })).toBe(false);
    expect(valid({ ...lola, sites: ['ad site.example'] })).toBe(false);
    expect(valid({ ...lola, photos: [{ hash: 'not-a-hash' }] })).toBe(false);
    expect(valid({ ...lola, photos: [{ hash: 'f'.repeat(64), preview: 'javascript:alert(1)' }] })).toBe(false);
    expect(valid({ ...lola, id: '../x' })).toBe(false);
    expect(valid(null)).toBe(false);
  });

  it('refuses two personal identities or two identities with one id', () => {
    const second = identity({ id: 'me2', kind: 'personal', label: 'Me too' });
    expect(v.safeParse(IdentitiesSchema, [personal, second]).success).toBe(false);
    expect(v.safeParse(IdentitiesSchema, [lola, { ...lola, label: 'Copy' }]).success).toBe(false);
  });
});

describe('stored identities', () => {
  it('runs the migrations in order: a bare list from before versions becomes the current version', () => {
    expect(IDENTITY_MIGRATIONS.map((m) => m.from)).toEqual(IDENTITY_MIGRATIONS.map((_, n) => n));
    const read = readIdentities(identities);
    expect(read).toMatchObject({ ok: true, migrated: true, value: { version: IDENTITIES_VERSION } });
    expect(read.ok && read.value.identities.map((i) => i.id)).toEqual(['lola', 'me', 'rosa']);
  });

  it('reads back what it stores, unchanged', () => {
    const stored = storedIdentities(identities);
    const read = readIdentities(JSON.parse(JSON.stringify(stored)));
    expect(read).toEqual({ ok: true, migrated: false, value: stored });
  });

  it('refuses data from a newer version, and broken data, with a clear answer', () => {
    expect(readIdentities({ version: IDENTITIES_VERSION + 1, identities: [] })).toEqual({ ok: false, problem: 'too-new' });
    expect(readIdentities('garbage')).toMatchObject({ ok: false, problem: 'invalid' });
    expect(readIdentities({ identities: [] })).toMatchObject({ ok: false, problem: 'invalid' });
    expect(readIdentities({ version: 1, identities: [{ ...lola, phones: 'oops' }] })).toMatchObject({ ok: false, problem: 'invalid' });
    expect(() => storedIdentities([{ ...lola, names: ['x'.repeat(201)] }])).toThrow();
  });
});

describe('readIdentities: a refused list names the field', () => {
  const read = (list: unknown[]) => readIdentities({ version: IDENTITIES_VERSION, identities: list });

  it('says which identity field was refused, so the page can name it in the person’s language', () => {
    expect(read([personal, { ...lola, sites: ['not a site!'] }])).toMatchObject({ ok: false, problem: 'invalid', field: 'sites' });
    expect(read([{ ...lola, label: 'x'.repeat(81) }])).toMatchObject({ ok: false, field: 'label' });
    expect(read([{ ...lola, phones: ['7'.repeat(201)] }])).toMatchObject({ ok: false, field: 'phones' });
  });

  it('names no field when the list as a whole is refused (two personal identities)', () => {
    const refused = read([personal, { ...personal, id: 'another' }]);
    expect(refused.ok).toBe(false);
    expect(refused).not.toHaveProperty('field');
  });
});
