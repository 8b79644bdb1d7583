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
});
