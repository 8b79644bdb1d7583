import fc from 'fast-check';
import { getCountries, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { isValidPhone, parseNorthAmerican } from '../../../../src/core/text/phone-rules';

/** What the library itself answers, in the fields the phone finder reads. */
function library(digits: string, country?: CountryCode) {
  const number = parsePhoneNumberFromString(digits, { defaultCountry: country, extract: false });
  return number && { number: number.number, country: number.country, possible: number.isPossible(), valid: number.isValid() };
}

function ours(digits: string, country?: CountryCode) {
  const number = parseNorthAmerican(digits, country) ?? parsePhoneNumberFromString(digits, { defaultCountry: country, extract: false });
  return number && { number: number.number, country: number.country, possible: number.isPossible(), valid: isValidPhone(number) };
}

const digit = fc.constantFrom(...'0123456789');
const digitString = (min: number, max: number) => fc.array(digit, { minLength: min, maxLength: max }).map((list) => list.join(''));
const countries = getCountries();
// Area codes that exist somewhere in North America, so that many cases are valid, not only random.
const areaCodes = ['201', '212', '268', '242', '246', '264', '340', '345', '416', '441', '473', '604', '649', '664', '670', '671', '684', '721', '758', '767', '784', '787', '809', '829', '849', '868', '869', '876', '900', '939', '800', '555', '311', '702'];
const northAmerican = fc.tuple(fc.constantFrom(...areaCodes), digitString(7, 7)).map(([area, rest]) => area + rest);

describe('libphonenumber-js rules with compiled patterns', () => {
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
    fc.assert(
      fc.property(digitString(6, 13), fc.constantFrom(...countries), fc.boolean(), (digits, country, plus) => {
        expect(ours(plus ? `+${digits}` : digits, country)).toEqual(library(plus ? `+${digits}` : digits, country));
      }),
      { numRuns: 5000 },
    );
  });

  it('leave to the library what they do not read themselves', () => {
    expect(parseNorthAmerican('7025550123', 'GB')).toBeUndefined();
    expect(parseNorthAmerican('+447911123456', 'US')).toBeUndefined();
    expect(parseNorthAmerican('0125550123', 'US')).toBeUndefined();
    expect(parseNorthAmerican('+12685551234', undefined)?.country).toBe('AG');
    expect(parseNorthAmerican('4165550123', 'US')?.country).toBe('CA');
  });
});
