import fc from 'fast-check';
import { getCountries, getExampleNumber, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { isValidPhone, parseKnownShape } from '../../../../src/core/text/phone-rules';

/** What the library itself answers, in the fields the phone finder reads. */
function library(digits: string, country?: CountryCode) {
  const number = parsePhoneNumberFromString(digits, { defaultCountry: country, extract: false });
  return number && { number: number.number, country: number.country, possible: number.isPossible(), valid: number.isValid() };
}

function ours(digits: string, country?: CountryCode) {
  const number = parseKnownShape(digits, country) ?? parsePhoneNumberFromString(digits, { defaultCountry: country, extract: false });
  return number && { number: number.number, country: number.country, possible: number.isPossible(), valid: isValidPhone(number) };
}

const digit = fc.constantFrom(...'0123456789');
const digitString = (min: number, max: number) => fc.array(digit, { minLength: min, maxLength: max }).map((list) => list.join(''));
const countries = getCountries();
// Area codes that exist somewhere in North America, so that many cases are valid, not only random.
const areaCodes = ['201', '212', '268', '242', '246', '264', '340', '345', '416', '441', '473', '604', '649', '664', '670', '671', '684', '721', '758', '767', '784', '787', '809', '829', '849', '868', '869', '876', '900', '939', '800', '555', '311', '702'];
const northAmerican = fc.tuple(fc.constantFrom(...areaCodes), digitString(7, 7)).map(([area, rest]) => area + rest);

describe('libphonenumber-js rules with compiled patterns', () => {
  it('read the numbers of most countries themselves', () => {
    expect(parseKnownShape('0612345678', 'FR')?.number).toBe('+33612345678');
    expect(parseKnownShape('+33612345678', 'US')?.country).toBe('FR');
    expect(parseKnownShape('89161234567', 'RU')?.number).toBe('+79161234567');
  });

  it('read every North American shape as the library does', () => {
    fc.assert(
      fc.property(
        fc.oneof(northAmerican, digitString(10, 10)),
        fc.constantFrom('', '1', '+1'),
        fc.constantFrom<CountryCode | undefined>(undefined, 'US', 'CA', 'GB', 'JM', 'DO', 'PR'),
        (national, prefix, country) => {
          expect(ours(prefix + national, country)).toEqual(library(prefix + national, country));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('validate numbers of every country as the library does', () => {
    // Trunk prefixes ("0", "8", "06") and calling codes lead often, so every branch is taken.
    const start = fc.constantFrom('', '', '0', '8', '06', '1', '7', '44', '49', '39', '33', '86', '91', '55', '52', '015', '044', '0 11 15'.replace(/ /g, ''), '1831', '18002');
    fc.assert(
      fc.property(start, digitString(5, 12), fc.constantFrom(...countries), fc.boolean(), (head, tail, country, plus) => {
        const digits = (plus ? '+' : '') + head + tail;
        expect(ours(digits, country)).toEqual(library(digits, country));
      }),
      { numRuns: 20000 },
    );
  });

  it("read every country's example number, written every way, as the library does", () => {
    let read = 0;
    for (const country of countries) {
      const example = getExampleNumber(country, examples);
      if (!example) continue;
      const national = example.nationalNumber as string;
      const written = example.formatNational().replace(/\D/g, '');
      const changed = national.slice(0, -1) + ((Number(national.at(-1)) + 1) % 10);
      for (const digits of [example.number as string, written, national, `+${example.countryCallingCode}${changed}`, changed, `0${national}`]) {
        for (const from of [country, 'US', 'DE'] as CountryCode[]) {
          expect(ours(digits, from), `${digits} as from ${from}`).toEqual(library(digits, from));
          if (parseKnownShape(digits, from)) read++;
        }
      }
    }
    // Most of them without the library's parser: the point of the fast path.
    expect(read).toBeGreaterThan(countries.length * 6);
  });

  it('leave to the library what they do not read themselves', () => {
    expect(parseKnownShape('0117025550123', 'US')).toBeUndefined(); // dialled as from abroad
    expect(parseKnownShape('+80012345678', undefined)).toBeUndefined(); // non-geographic
    expect(parseKnownShape('7025550123', 'US')?.number).toBe('+17025550123');
    expect(parseKnownShape('+12685551234', undefined)?.country).toBe('AG');
    expect(parseKnownShape('4165550123', 'US')?.country).toBe('CA');
  });
});
