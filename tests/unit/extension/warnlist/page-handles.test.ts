import { describe, expect, it } from 'vitest';
import { lookupVariants, MAX_PAGE_HANDLES, pageHandles } from '../../../../src/extension/background/warnlist/page-handles';

// The demo inbox's messages, as its content script reads them.
const INBOX = [
  'mike_nyc88Fri 9:14 pm\nHey, saw your ad. Are you free tonight? Text me on 212 555 0147.',
  'gentleman_jSat 10:02 am\nHello Rosa, I would like to book 2 hours on Tuesday. My number is (646) 555-0199, or email jay.b@example.com.',
  'mike_nyc88Sun 1:12 am\nstill up? call 2I2 five5five 0147',
];

describe('pageHandles', () => {
  it('finds numbers (plain and disguised), emails and usernames, each once, in page order', () => {
    const found = pageHandles([...INBOX, 'my IG: @Mike_NYC88'], [], { country: 'US' });
    expect(found.map((h) => h.handle)).toEqual(['tel:+12125550147', 'tel:+16465550199', 'email:jay.b@example.com', 'user:instagram:mike_nyc88']);
    expect(found[0]!.written).toBe('212 555 0147');
  });

  it('reads a disguised number alone as the same handle', () => {
    expect(pageHandles(['call 2I2 five5five 0147'], [], { country: 'US' })).toEqual([{ written: '2I2 five5five 0147', handle: 'tel:+12125550147' }]);
  });

  it('reads numbers, addresses and accounts from links', () => {
    const found = pageHandles(
      [],
      [
        'tel:+1-212-555-0147;ext=2',
        'sms://+16465550199?body=hi',
        'mailto:Jay.B@Example.com,other@example.org?subject=booking',
        'https://wa.me/442071838750',
        'https://t.me/mike_nyc88',
        'https://www.instagram.com/mike_nyc88/',
        'http://127.0.0.1:8123/parasol-demo/profile.html?u=mike_nyc88',
        'https://example.com/not-a-person',
      ],
      { country: 'US' },
    );
    expect(found.map((h) => h.handle)).toEqual([
      'tel:+12125550147',
      'tel:+16465550199',
      'email:jay.b@example.com',
      'email:other@example.org',
      'tel:+442071838750',
      'user:telegram:mike_nyc88',
      'user:instagram:mike_nyc88',
      'user:velvetstreet:mike_nyc88',
    ]);
  });

  it('reads a number without its code as from the person’s country', () => {
    expect(pageHandles(['ring 020 7183 8750'], [], { country: 'GB' }).map((h) => h.handle)).toEqual(['tel:+442071838750']);
  });

  it('stops at the cap', () => {
    const many = Array.from({ length: 300 }, (_, i) => `write to client${i}@example.com`);
    const found = pageHandles(many, [], {});
    expect(found).toHaveLength(MAX_PAGE_HANDLES);
    expect(found[0]!.handle).toBe('email:client0@example.com');
  });

  it('finds nothing in text without handles', () => {
    expect(pageHandles(['Hello, see you on Tuesday at 9 for 2 hours, 300 roses.'], ['https://example.com/'], { country: 'US' })).toEqual([]);
  });

  it('looks up a username seen on a site also as reported without one', () => {
    expect(lookupVariants('user:velvetstreet:mike_nyc88')).toEqual(['user:velvetstreet:mike_nyc88', 'user:any:mike_nyc88']);
    expect(lookupVariants('user:any:mike_nyc88')).toEqual(['user:any:mike_nyc88']);
    expect(lookupVariants('tel:+12125550147')).toEqual(['tel:+12125550147']);
  });
});
