import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { IdentitiesSchema } from '../../../../src/core/identity/schema';
import { identityForSite } from '../../../../src/core/identity/site';
import { identities, identity, lola } from './fixtures';

const parsed = v.parse(IdentitiesSchema, identities);

describe('identityForSite', () => {
  it('finds the identity of an exact host and of its subdomains', () => {
    expect(identityForSite(parsed, 'adsite.example')?.id).toBe('lola');
    expect(identityForSite(parsed, 'post.adsite.example')?.id).toBe('lola');
    expect(identityForSite(parsed, 'M.FACEBOOK.COM.')?.id).toBe('me');
    expect(identityForSite(parsed, 'rosa.example')?.id).toBe('rosa');
  });

  it('keeps a pasted site in one form: "www.Other-Ads.example." covers other-ads.example', () => {
    expect(parsed[0]!.sites).toEqual(['adsite.example', 'other-ads.example']);
    expect(identityForSite(parsed, 'other-ads.example')?.id).toBe('lola');
    expect(identityForSite(parsed, 'www.other-ads.example')?.id).toBe('lola');
  });

  it('gives no identity to other sites, look-alikes included', () => {
    expect(identityForSite(parsed, 'example.org')).toBeUndefined();
    expect(identityForSite(parsed, 'notadsite.example')).toBeUndefined();
    expect(identityForSite(parsed, 'adsite.example.evil.test')).toBeUndefined();
    expect(identityForSite(parsed, '')).toBeUndefined();
  });

  it('prefers the more specific site when two identities list one', () => {
    const blog = identity({ id: 'blog', kind: 'work', label: 'Blog', sites: ['blog.adsite.example'] });
    const list = v.parse(IdentitiesSchema, [lola, blog]);
    expect(identityForSite(list, 'blog.adsite.example')?.id).toBe('blog');
    expect(identityForSite(list, 'x.blog.adsite.example')?.id).toBe('blog');
    expect(identityForSite(list, 'www.adsite.example')?.id).toBe('lola');
  });
});
