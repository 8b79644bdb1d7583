import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findHandles } from '../../../../src/core/text/handles';
import { expectExactSpans, expectOrderedAndApart, normalizedOf } from './shared-expect';

// Examples are made up unless marked "corpus" (tests/corpus/text/contacts.json).
describe('findHandles: profile links', () => {
  it('reports a link with kind link, its exact span and a platform:username value', () => {
    const text = 'more pics on instagram.com/sienna.rose_ ok'; // corpus
    expect(findHandles(text)).toEqual([
      {
        kind: 'link',
        severity: 'high',
        value: 'instagram.com/sienna.rose_',
        normalized: 'instagram:sienna.rose_',
        start: 13,
        end: 39,
        reason: 'reasonLink',
        fix: { action: 'remove' },
      },
    ]);
  });

  it.each([
    ['https://www.instagram.com/lola.vibes/', 'instagram:lola.vibes', 'https://www.instagram.com/lola.vibes'], // corpus
    ['t.me/velvet_nika', 'telegram:velvet_nika', 't.me/velvet_nika'],
    ['WhatsApp me wa.me/18325550104', 'whatsapp:+18325550104', 'wa.me/18325550104'], // corpus
    ['api.whatsapp.com/send?phone=34694915680', 'whatsapp:+34694915680', 'api.whatsapp.com/send?phone=34694915680'], // corpus
    ['onlyfans.com/honeybunxo', 'onlyfans:honeybunxo', 'onlyfans.com/honeybunxo'],
    ['x.com/CandyCaneCo', 'x:candycaneco', 'x.com/CandyCaneCo'],
    ['twitter.com/jane/status/123', 'x:jane', 'twitter.com/jane'],
    ['tiktok.com/@jane', 'tiktok:jane', 'tiktok.com/@jane'],
    ['https://facebook.com/profile.php?id=100012345', 'facebook:100012345', 'https://facebook.com/profile.php?id=100012345'],
    ['snapchat.com/add/jane', 'snapchat:jane', 'snapchat.com/add/jane'],
    ['linktr.ee/jane', 'linktree:jane', 'linktr.ee/jane'],
    ['fansly.com/jane!', 'fansly:jane', 'fansly.com/jane'],
    ['reddit.com/user/jane_x', 'reddit:jane_x', 'reddit.com/user/jane_x'],
  ])('reads %j', (text, normalized, value) => {
    const found = findHandles(text);
    expect(normalizedOf(text, found)).toEqual([normalized]);
    expect(found[0]).toMatchObject({ kind: 'link', value });
  });

  it.each(['instagram.com/p/Cx123', 'x.com/home', 'notinstagram.com/jane', 'jane@instagram.com', 'facebook.com/groups/abc'])(
    'ignores %j, which names no account',
    (text) => expect(findHandles(text)).toEqual([]),
  );
});

describe('findHandles: handles named with their app', () => {
  it.each([
    ['IG: @jane', 'instagram:jane'],
    ['insta jane_x', 'instagram:jane_x'],
    ['sc: jane', 'snapchat:jane'],
    ['snap ~ jane', 'snapchat:jane'],
    ['telegram @jane', 'telegram:jane'],
    ['tg jane99', 'telegram:jane99'],
    ['kik me: bunnyb0o', 'kik:bunnyb0o'], // corpus
    ['Signal only: luna.01', 'signal:luna.01'], // corpus
    ['wechat/微信 jane88', 'wechat:jane88'],
    ['微信：xiaomei_8866', 'wechat:xiaomei_8866'], // corpus
    ['加微信 lili520sz 详聊', 'wechat:lili520sz'], // corpus
    ['@jane on twitter', 'x:jane'],
    ['Twitter/X: @CandyCaneCo', 'x:candycaneco'], // corpus
    ['OF: janexo', 'onlyfans:janexo'],
    ['my insta is jane.doe', 'instagram:jane.doe'],
    ['Follow me on Twitter @ DiamondSky.', 'x:diamondsky'], // corpus
    ['isabellav22 - snapchat me', 'snapchat:isabellav22'], // corpus
    ['👻 lily.luvs', 'snapchat:lily.luvs'], // corpus
    ['Sígueme en Insta 📸 @marisol.mx', 'instagram:marisol.mx'], // corpus
    ['Мой телеграм @nastya_spb, пиши', 'telegram:nastya_spb'], // corpus
    ['Reddit u/velvet_vixen for verification', 'reddit:velvet_vixen'], // corpus
    ['Line ID: mintyz', 'line:mintyz'], // corpus
  ])('reads %j', (text, normalized) => {
    const found = findHandles(text);
    expect(normalizedOf(text, found)).toEqual([normalized]);
    expect(found[0]).toMatchObject({ kind: 'handle', severity: 'high', reason: 'reasonHandle' });
  });

  it('gives one finding per app when several share a name, on the same span', () => {
    const text = 'IG/SC: @jane';
    const found = findHandles(text);
    expect(normalizedOf(text, found)).toEqual(['instagram:jane', 'snapchat:jane']);
    expect(found.map((f) => f.value)).toEqual(['IG/SC: @jane', 'IG/SC: @jane']);
  });

  it('reads the number after a phone app, with its country code', () => {
    expect(normalizedOf('whatsapp +1 555 123 4567', findHandles('whatsapp +1 555 123 4567'))).toEqual(['whatsapp:+15551234567']);
    expect(normalizedOf('WA: +44 7700 900123', findHandles('WA: +44 7700 900123'))).toEqual(['whatsapp:+447700900123']);
    const text = 'whatsapp: 555-123-4567 24/7';
    const found = findHandles(text);
    expect(normalizedOf(text, found)).toEqual(['whatsapp:+15551234567']);
    expect(found[0]!.value).toBe('whatsapp: 555-123-4567');
  });

  it('uses the country hint for a number without a country code', () => {
    expect(normalizedOf('viber 8 912 345 67 89', findHandles('viber 8 912 345 67 89', { country: 'RU' }))).toEqual([
      'viber:+79123456789',
    ]);
  });

  it.each([
    'insta only',
    'snap me',
    'find me on insta',
    'follow me @jane',
    'of: jane',
    'a lot of @jane',
    'line: 1 hour minimum',
    'oh snap',
    'IG is down today',
    'tg channel soon',
    '5 x 7 photo',
  ])('stays quiet on %j', (text) => {
    expect(findHandles(text)).toEqual([]);
  });

  it('keeps spans exact, in order and apart on any input', () => {
    const unit = fc.constantFrom('IG', 'snap', ': ', '@', 'jane', '_', '.', ' ', '/', 'instagram.com/', 'wa.me/', '1', 'on', 'twitter', '微信');
    fc.assert(
      fc.property(fc.string({ unit }), (text) => {
        const found = findHandles(text);
        expectExactSpans(text, found);
        expectOrderedAndApart(found);
      }),
    );
  });
});
