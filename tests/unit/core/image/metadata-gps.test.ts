// Coordinates in the forms cameras and XMP write them.
import { describe, expect, it } from 'vitest';
import { coordinate, gpsClues } from '../../../../src/core/image/gps-clues';

describe('coordinate', () => {
  it.each([
    [[43, 28, 2.81], 'N', 43 + 28 / 60 + 2.81 / 3600],
    [[3, 43, 29.11], 'W', -(3 + 43 / 60 + 29.11 / 3600)],
    [[0, 22.278, 0], 'S', -0.3713],
    ['48,51.5N', undefined, 48 + 51.5 / 60],
    ['2,17,40.5W', undefined, -(2 + 17 / 60 + 40.5 / 3600)],
    ['33,52.128S', undefined, -(33 + 52.128 / 60)],
    ['151.2093', 'E', 151.2093],
    [-0.5, undefined, -0.5],
  ])('%j %s', (value, ref, expected) => {
    expect(coordinate(value, ref)).toBeCloseTo(expected, 7);
  });

  it.each([['north'], [''], ['12,abcN'], [undefined], [[NaN]]])('%j is no coordinate', (value) => {
    expect(coordinate(value)).toBeUndefined();
  });
});

describe('gpsClues', () => {
  it('skips the 0/0 placeholder', () => {
    expect(gpsClues({ gps: { GPSLatitude: [0, 0, 0], GPSLatitudeRef: 'N', GPSLongitude: [0, 0, 0], GPSLongitudeRef: 'E' } })).toEqual([]);
  });

  it('reads XMP string GPS that exifr leaves as text', () => {
    expect(gpsClues({ exif: { GPSLatitude: '48,51.5N', GPSLongitude: '2,17,40.5E' } })).toEqual([
      { kind: 'location', source: 'XMP-exif', lat: 48 + 51.5 / 60, lon: 2 + 17 / 60 + 40.5 / 3600 },
    ]);
  });

  it('skips positions off the globe', () => {
    expect(gpsClues({ gps: { GPSLatitude: [95, 0, 0], GPSLatitudeRef: 'N', GPSLongitude: [10, 0, 0], GPSLongitudeRef: 'E' } })).toEqual([]);
  });
});
