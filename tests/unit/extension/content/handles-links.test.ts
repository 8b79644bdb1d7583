import { describe, expect, it } from 'vitest';
import { handleLinks, isHandleLink } from '../../../../src/extension/content/handles-links';
import { adapterFor, profileFromLink, profileLink, SITE_ADAPTERS } from '../../../../src/extension/content/handles-sites';

describe('isHandleLink', () => {
  it.each([
    'tel:+12125550147',
    'tel:212-555-0147',
    'sms:+12125550147?body=hi',
    'mailto:jay.b@example.com',
    'https://wa.me/12125550147',
    'https://t.me/mike_nyc88',
    'https://www.instagram.com/mike_nyc88/',
    'https://api.whatsapp.com/send?phone=12125550147',
    'https://fetlife.com/mike_nyc88',
    'http://127.0.0.1:8123/parasol-demo/profile.html?u=mike_nyc88',
  ])('keeps %s', (href) => expect(isHandleLink(href)).toBe(true));

  it.each([
    'tel:',
    'javascript:alert(1)',
    'https://example.com/about',
    'https://www.instagram.com/p/C1234/',
    'https://t.me/joinchat/abc',
    'https://fetlife.com/users/123/pictures',
    'https://fetlife.com/login',
    'http://127.0.0.1:8123/parasol-demo/inbox.html',
    'data:text/html,hi',
    `https://t.me/${'a'.repeat(3000)}`,
  ])('leaves out %s', (href) => expect(isHandleLink(href)).toBe(false));

  it('keeps each link once, in order, up to the cap', () => {
    const hrefs = ['https://example.com/', 'tel:+12125550147', 'tel:+12125550147', 'mailto:a@example.com', 'https://t.me/someone'];
    expect(handleLinks(hrefs, 500)).toEqual(['tel:+12125550147', 'mailto:a@example.com', 'https://t.me/someone']);
    expect(handleLinks(hrefs, 2)).toEqual(['tel:+12125550147', 'mailto:a@example.com']);
  });
});

describe('site adapters', () => {
  it('finds the adapter by host, subdomains included', () => {
    expect(adapterFor('fetlife.com')?.site).toBe('fetlife');
    expect(adapterFor('www.FetLife.com')?.site).toBe('fetlife');
    expect(adapterFor('notfetlife.com')).toBeUndefined();
    expect(adapterFor('127.0.0.1')?.site).toBe('velvetstreet');
  });

  it('writes a sender name as the site profile link and reads it back', () => {
    const demo = adapterFor('127.0.0.1')!;
    const href = profileLink(demo, 'http://127.0.0.1:8123', ' mike_nyc88 ')!;
    expect(href).toBe('http://127.0.0.1:8123/parasol-demo/profile.html?u=mike_nyc88');
    expect(profileFromLink(href)).toEqual({ site: 'velvetstreet', name: 'mike_nyc88' });
    expect(profileLink(demo, 'http://127.0.0.1:8123', 'two words')).toBeUndefined();
    expect(profileLink(adapterFor('tryst.link')!, 'https://tryst.link', 'mike')).toBeUndefined();
  });

  it('reads only exact profile addresses', () => {
    expect(profileFromLink('https://fetlife.com/Mike_NYC88')).toEqual({ site: 'fetlife', name: 'Mike_NYC88' });
    expect(profileFromLink('https://fetlife.com/mike?x=1')).toBeUndefined();
    expect(profileFromLink('https://fetlife.com/')).toBeUndefined();
    expect(profileFromLink('https://fetlife.com/%E0%A4%A')).toBeUndefined();
    expect(profileFromLink('ftp://fetlife.com/mike')).toBeUndefined();
    expect(profileFromLink('not a url')).toBeUndefined();
  });

  it('has valid selectors, a distinct site name per adapter and a {name} in every profile address', () => {
    const names = SITE_ADAPTERS.map((adapter) => adapter.site);
    expect(new Set(names).size).toBe(names.length);
    for (const adapter of SITE_ADAPTERS) {
      expect(adapter.site).toMatch(/^[a-z0-9]+$/);
      expect(adapter.messages.length).toBeGreaterThan(0);
      for (const selector of [...adapter.messages, ...(adapter.names ?? [])]) expect(selector).toMatch(/^[\w\s.#[\]="\-:>,_]+$/);
      if (adapter.profile) expect(adapter.profile.split('{name}')).toHaveLength(2);
    }
  });
});
