import { describe, expect, it } from 'vitest';
import type { CountryCode } from 'libphonenumber-js';
import { FALLBACK_COUNTRY, findPhones } from '../../../src/core/text/phone';
import { CALL_ME, CALL_ME_PHONE } from '../thin-slice';

function only(text: string, country?: CountryCode) {
  const found = findPhones(text, { country });
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('findPhones', () => {
  it('finds a spaced US number', () => {
    const phone = only(CALL_ME);
    expect(phone).toMatchObject({ ...CALL_ME_PHONE, reason: 'reasonPhone', fix: { action: 'remove' } });
    expect(CALL_ME.slice(phone.start, phone.end)).toBe(phone.value);
  });

  it.each([
    ['call me 555.123.4567', '555.123.4567'],
    ['call me 555-123-4567', '555-123-4567'],
    ['call me (555) 123-4567', '(555) 123-4567'],
    ['call me +1 (555) 123-4567 tonight', '+1 (555) 123-4567'],
  ])('finds %j', (text, value) => {
    const phone = only(text);
    expect(phone.value).toBe(value);
    expect(phone.normalized).toBe('+15551234567');
    expect(text.slice(phone.start, phone.end)).toBe(value);
  });

  it.each([
    ['ring +44 20 7946 0958 now', '+44 20 7946 0958', '+442079460958', undefined],
    ['звони +7 912 345-67-89', '+7 912 345-67-89', '+79123456789', undefined],
    ['звони 8 912 345-67-89', '8 912 345-67-89', '+79123456789', 'RU'],
    ['звони 8 (912) 345-67-89', '8 (912) 345-67-89', '+79123456789', 'RU'],
    ['llama al +52 55 1234 5678', '+52 55 1234 5678', '+525512345678', undefined],
    ['打 +86 138 0013 8000', '+86 138 0013 8000', '+8613800138000', undefined],
    ['打 138 0013 8000', '138 0013 8000', '+8613800138000', 'CN'],
  ] as const)('finds international %j', (text, value, normalized, country) => {
    const phone = only(text, country);
    expect(phone.value).toBe(value);
    expect(phone.normalized).toBe(normalized);
    expect(text.slice(phone.start, phone.end)).toBe(value);
  });

  it('reads national numbers by the country hint', () => {
    const text = 'call 020 7946 0958';
    const phone = only(text, 'GB');
    expect(phone.value).toBe('020 7946 0958');
    expect(phone.normalized).toBe('+442079460958');
  });

  it('tries the US first without a hint, and other countries for numbers the US cannot have', () => {
    expect(FALLBACK_COUNTRY).toBe('US');
    expect(findPhones('555 123 4567')).toEqual(findPhones('555 123 4567', { country: 'US' }));
    expect(only('звони 8 912 345-67-89').normalized).toBe('+79123456789');
    expect(only('call 020 7946 0958').normalized).toBe('+442079460958');
  });

  it('finds several numbers in reading order', () => {
    const text = 'call 555 123 4567 or +44 20 7946 0958 and 555-987-6543';
    const found = findPhones(text);
    expect(found.map((f) => f.normalized)).toEqual(['+15551234567', '+442079460958', '+15559876543']);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.value);
    expect(found.map((f) => f.start)).toEqual([5, 21, 42]);
  });

  it.each(['', 'no numbers here, just 42 roses and 2024', 'rates: 200/hr, 2 hours 350', 'hi 😊 x'])(
    'finds nothing in %j',
    (text) => {
      expect(findPhones(text)).toEqual([]);
    },
  );

  it('counts spans in UTF-16 code units', () => {
    const text = '😊😊 555 123 4567';
    const phone = only(text);
    expect(phone.start).toBe(5);
    expect(text.slice(phone.start, phone.end)).toBe('555 123 4567');
  });

  // Made up (fictional 555-01xx numbers): one example of each disguise the issue names.
  it.each([
    ['symbols', 'txt 7*0*2 ~5$5!5~ [0]1(4)7 now', '7*0*2 ~5$5!5~ [0]1(4)7'],
    ['letters for digits', 'call 7O2-SSS-Ol47', '7O2-SSS-Ol47'],
    ['English words', 'seven oh two five five five zero one four seven', 'seven oh two five five five zero one four seven'],
    ['words and digits mixed', 'seven0two 5five5 0one47', 'seven0two 5five5 0one47'],
    ['glued words', 'text fivefivefive... no: sevenOHtwo fivefivefive zeroonefourseven', 'sevenOHtwo fivefivefive zeroonefourseven'],
    ['keycap emoji', '7️⃣0️⃣2️⃣5️⃣5️⃣5️⃣0️⃣1️⃣4️⃣7️⃣ 💋', '7️⃣0️⃣2️⃣5️⃣5️⃣5️⃣0️⃣1️⃣4️⃣7️⃣'],
    ['full-width digits', '電話 ７０２５５５０１４７', '７０２５５５０１４７'],
    ['circled digits', '⑦⓪② ⑤⑤⑤ ⓪①④⑦', '⑦⓪② ⑤⑤⑤ ⓪①④⑦'],
    ['mathematical digits', '𝟕𝟎𝟐𝟓𝟓𝟓𝟎𝟏𝟒𝟕', '𝟕𝟎𝟐𝟓𝟓𝟓𝟎𝟏𝟒𝟕'],
    ['zero-width characters', 'call 7\u200b0\u200c2\u2060555\u00ad0147', '7\u200b0\u200c2\u2060555\u00ad0147'],
    ['digits glued to words', 'callme7025550147now', '7025550147'],
    ['a number over lines', 'text\n702\n555\n0147\nxo', '702\n555\n0147'],
    ['a price just before', '2hrs 500. 7 0 2 5 5 5 0 1 4 7', '7 0 2 5 5 5 0 1 4 7'],
  ])('reads %s', (_form, text, value) => {
    const phone = only(text, 'US');
    expect(phone.normalized).toBe('+17025550147');
    expect(phone.value).toBe(value);
  });

  it.each([
    ['Spanish words', 'llámame seis uno dos tres cuatro cinco seis siete ocho', 'ES', '+34612345678'],
    ['Spanish tens', 'al ochenta y uno, cuarenta y siete, cincuenta y cinco, cincuenta y seis, setenta y uno', 'MX', '+528147555671'],
    ['Russian words', 'звони 8 девятьсот шестнадцать 123 45 67', undefined, '+79161234567'],
    ['Chinese 幺', '电话幺三八零零幺三八零零零', undefined, '+8613800138000'],
    ['Chinese 壹贰叁', '壹叁捌 零零壹叁 捌零零零', undefined, '+8613800138000'],
    ['Chinese 两', '一三两 两两两两 两两两两', undefined, '+8613222222222'],
    ['Russian 8-prefix', 'звони 8 (912) 345-67-89', undefined, '+79123456789'],
    ['00 prefix', 'call 0044 20 7946 0958', undefined, '+442079460958'],
    ['a city named in the ad', 'Dublin city centre, text 087 001 5969', undefined, '+353870015969'],
  ] as const)('reads %s', (_form, text, country, normalized) => {
    expect(only(text, country).normalized).toBe(normalized);
  });

  // Made up: hard negatives of the shapes the finder must leave alone.
  it.each([
    '36DD-24-36, 5\'6", 120 lbs, 150hh 300/h',
    'Rates 150/250/400/1000 (30m/1h/2h/overnight)',
    'back on 03/04/2026 at 18:30, Mon-Fri 9:00-17:00',
    'Posted: Friday, June 24, 2016 12:12 PM',
    'order #8819203344, IBAN GB82 WEST 1234 5698 7654 32',
    'card 4111 1111 1111 1111, IMEI 490154203237518',
    'sample SSN 078-05-1120',
    'Hauptstraße 12, 10115 Berlin',
  ])('stays quiet on %j', (text) => {
    expect(findPhones(text)).toEqual([]);
  });
});
