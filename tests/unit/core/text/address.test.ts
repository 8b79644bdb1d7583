import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findAddresses } from '../../../../src/core/text/address';
import { expectExactSpans, expectOrderedAndApart } from './shared-expect';

function values(text: string): string[] {
  const found = findAddresses(text);
  expectExactSpans(text, found);
  return found.map((f) => f.value);
}

// Examples are made up unless marked "corpus" (tests/corpus/text/contacts.json).
describe('findAddresses', () => {
  it('reports a street address as a medium-severity best guess', () => {
    expect(findAddresses("I'm at 123 Main St today")).toEqual([
      {
        kind: 'address',
        severity: 'medium',
        value: '123 Main St',
        normalized: '123 main st',
        start: 7,
        end: 18,
        reason: 'reasonAddress',
        fix: { action: 'remove' },
      },
    ]);
  });

  it.each([
    ['1600 Pennsylvania Avenue NW, Washington, DC 20500', '1600 Pennsylvania Avenue NW, Washington, DC 20500'],
    ['come to 42 elm road apt 3 at nine', '42 elm road apt 3'],
    ['Calle de Alcalá 45', 'Calle de Alcalá 45'],
    ['ул. Ленина, д. 5', 'ул. Ленина, д. 5'],
    ['проспект Мира 10, кв. 3', 'проспект Мира 10, кв. 3'],
    ['Baker Street 221b', 'Baker Street 221b'],
    ['Rue de Rivoli 12', 'Rue de Rivoli 12'],
    ['au 12 rue de Rivoli', '12 rue de Rivoli'],
    ['Hauptstraße 5', 'Hauptstraße 5'],
    ['Berliner Straße 12', 'Berliner Straße 12'],
    ['Via Roma 10', 'Via Roma 10'],
    ['Av. Paulista, 1000', 'Av. Paulista, 1000'],
    ['Flat 3, 12 High Road, London E1 6AN', 'Flat 3, 12 High Road, London E1 6AN'],
    ['Unit 5/22 Smith Street, Fitzroy VIC 3065', 'Unit 5/22 Smith Street, Fitzroy VIC 3065'], // corpus
    ['Carrera 43A #1-50, El Poblado', 'Carrera 43A #1-50'], // corpus
    ['Sukhumvit Soi 11, opposite the 7-Eleven', 'Sukhumvit Soi 11'], // corpus
    ['北京市朝阳区建国路88号', '北京市朝阳区建国路88号'],
  ])('finds the street address in %j', (text, value) => {
    expect(values(text)).toEqual([value]);
  });

  it.each([
    ['I live above the bakery on Elm Street', 'I live above the bakery on Elm Street'],
    ['easy to find, next to the Shell station on Main', 'next to the Shell station on Main'],
    ['my flat is behind the Tesco on High Road', 'my flat is behind the Tesco on High Road'],
    ['near my work at the Hilton', 'my work at the Hilton'],
    ['I work at Starbucks on 5th Avenue', 'I work at Starbucks on 5th Avenue'],
    ['3 doors down from the Chevron on Sahara Ave', '3 doors down from the Chevron on Sahara Ave'], // corpus
    ['across from the Walmart on Route 9, room 112', 'across from the Walmart on Route 9'], // corpus
    ['near the corner of 5th and Pine, the blue building', 'corner of 5th and Pine'], // corpus
    ['My apartment is right above the pharmacy at Maple and 3rd', 'My apartment is right above the pharmacy at Maple and 3rd'], // corpus
    ['vivo encima de la panadería La Espiga', 'vivo encima de la panadería La Espiga'],
    ['я живу над аптекой на углу', 'я живу над аптекой на углу'],
    ['我家在超市楼上', '我家在超市楼上'],
  ])('finds the location hint in %j', (text, value) => {
    expect(values(text)).toEqual([value]);
  });

  it.each([
    'Main Street is nice this time of year',
    'Downtown incall, upscale and discreet',
    'Visiting London this weekend',
    'I live in London',
    'I live near London',
    '2 big rooms close to the beach',
    '5 minutes from main road',
    'via Telegram 555 123 4567',
    'Spring 2024 special',
    '$200 hh Main St',
    'open 24 Hours Main Street',
    'incall near the airport',
    'Main Street 24/7',
  ])('stays quiet on %j', (text) => {
    expect(findAddresses(text)).toEqual([]);
  });

  it('keeps spans exact, in order and apart on any input', () => {
    const unit = fc.constantFrom('123', ' ', 'Main', 'St', 'Street', ',', 'I live', 'above', 'the', 'bakery', 'on', 'Elm', 'ул.', 'Ленина', 'д.', '5', 'Calle', 'de', '路', '号');
    fc.assert(
      fc.property(fc.string({ unit }), (text) => {
        const found = findAddresses(text);
        expectExactSpans(text, found);
        expectOrderedAndApart(found);
      }),
    );
  });
});
