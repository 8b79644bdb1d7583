import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { IdentitiesSchema } from '../../../src/core/identity/schema';
import { containerFor, planContainers, ReopenGuard, type Container } from '../../../src/extension/background/containers-plan';
import { lola, personal, rosa } from '../core/identity/fixtures';

// Through the schema, as the vault hands them over ("www.Other-Ads.example." is kept as "other-ads.example").
const identities = v.parse(IdentitiesSchema, [lola, personal, rosa]);

const container = (cookieStoreId: string, name: string, color = 'blue', icon = 'circle'): Container => ({ cookieStoreId, name, color, icon });

describe('planContainers', () => {
  it('makes one container per work persona, none for the personal identity', () => {
    const plan = planContainers(identities, [container('firefox-container-1', 'Personal')], {});
    expect(plan.create).toEqual([
      { identityId: 'lola', look: { name: 'Lola', color: 'pink', icon: 'briefcase' } },
      { identityId: 'rosa', look: { name: 'Rosa', color: 'green', icon: 'gift' } },
    ]);
    expect(plan.update).toEqual([]);
    expect(plan.links).toEqual({});
  });

  it('keeps a linked container and follows a renamed or recoloured persona', () => {
    const existing = [container('firefox-container-7', 'Lola old', 'blue', 'briefcase'), container('firefox-container-8', 'Rosa', 'green', 'gift')];
    const plan = planContainers(identities, existing, { lola: 'firefox-container-7', rosa: 'firefox-container-8' });
    expect(plan.create).toEqual([]);
    expect(plan.update).toEqual([{ cookieStoreId: 'firefox-container-7', look: { name: 'Lola', color: 'pink', icon: 'briefcase' } }]);
    expect(plan.links).toEqual({ lola: 'firefox-container-7', rosa: 'firefox-container-8' });
  });

  it('takes a container of the persona\'s name when the link is gone, and makes a new one when the person removed it', () => {
    const plan = planContainers(identities, [container('firefox-container-3', 'Rosa', 'green', 'gift')], { lola: 'firefox-container-9', gone: 'firefox-container-3' });
    expect(plan.links).toEqual({ rosa: 'firefox-container-3' });
    expect(plan.create.map((c) => c.identityId)).toEqual(['lola']);
    expect(plan.update).toEqual([]);
  });

  it('takes Firefox 153\'s new names for turquoise and toolbar as the same colours', () => {
    const teal = v.parse(IdentitiesSchema, [{ ...lola, colour: 'turquoise' }, { ...rosa, colour: 'toolbar' }]);
    const existing = [container('c1', 'Lola', 'cyan', 'briefcase'), container('c2', 'Rosa', 'gray', 'gift')];
    expect(planContainers(teal, existing, { lola: 'c1', rosa: 'c2' }).update).toEqual([]);
    expect(planContainers(teal, [container('c1', 'Lola', 'blue', 'briefcase')], { lola: 'c1' }).update).toEqual([
      { cookieStoreId: 'c1', look: { name: 'Lola', color: 'turquoise', icon: 'briefcase' } },
    ]);
  });

  it('never gives one container to two personas', () => {
    const twins = v.parse(IdentitiesSchema, [lola, { ...rosa, label: 'Lola' }]);
    const plan = planContainers(twins, [container('firefox-container-1', 'Lola', 'pink', 'briefcase')], { rosa: 'firefox-container-1' });
    expect(plan.links).toEqual({ rosa: 'firefox-container-1' });
    expect(plan.create.map((c) => c.identityId)).toEqual(['lola']);
    expect(plan.update).toEqual([{ cookieStoreId: 'firefox-container-1', look: { name: 'Lola', color: 'green', icon: 'gift' } }]);
  });
});

describe('containerFor', () => {
  const links = { lola: 'firefox-container-1', rosa: 'firefox-container-2' };
  const normal = { cookieStoreId: 'firefox-default', incognito: false };

  it('sends a persona\'s site, and its subdomains, to its container', () => {
    expect(containerFor('https://adsite.example/post', normal, identities, links)).toBe('firefox-container-1');
    expect(containerFor('http://www.other-ads.example/', normal, identities, links)).toBe('firefox-container-1');
    expect(containerFor('https://rosa.example/', { cookieStoreId: 'firefox-container-1', incognito: false }, identities, links)).toBe('firefox-container-2');
  });

  it('leaves a tab already in its container, private windows, the personal identity\'s sites, other sites and other schemes', () => {
    expect(containerFor('https://adsite.example/', { cookieStoreId: 'firefox-container-1', incognito: false }, identities, links)).toBeUndefined();
    expect(containerFor('https://adsite.example/', { cookieStoreId: 'firefox-private', incognito: true }, identities, links)).toBeUndefined();
    expect(containerFor('https://facebook.com/', normal, identities, links)).toBeUndefined();
    expect(containerFor('https://example.org/', normal, identities, links)).toBeUndefined();
    expect(containerFor('about:blank', normal, identities, links)).toBeUndefined();
    expect(containerFor('not a url', normal, identities, links)).toBeUndefined();
    expect(containerFor('ftp://adsite.example/', normal, identities, links)).toBeUndefined();
  });

  it('does nothing for a persona whose container is not made yet', () => {
    expect(containerFor('https://rosa.example/', normal, identities, { lola: 'firefox-container-1' })).toBeUndefined();
  });
});

describe('ReopenGuard', () => {
  it('reopens an address once, leaves the tab it opened alone, and allows both again after the quiet time', () => {
    const guard = new ReopenGuard(5000);
    expect(guard.allow(1, 'https://adsite.example/', 'c1', 0)).toBe(true);
    guard.opened(2, 10);
    // Firefox opened the new tab outside the container after all: not again.
    expect(guard.allow(2, 'https://adsite.example/', 'c1', 20)).toBe(false);
    expect(guard.allow(3, 'https://adsite.example/', 'c1', 30)).toBe(false);
    expect(guard.allow(3, 'https://adsite.example/other', 'c1', 40)).toBe(true);
    expect(guard.allow(2, 'https://adsite.example/', 'c1', 6000)).toBe(true);
  });
});
