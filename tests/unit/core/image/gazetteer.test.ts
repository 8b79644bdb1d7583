// The offline gazetteer: country from country-coder's borders, nearest city of 15 000+ people.
import { describe, expect, it } from 'vitest';
import { CITIES } from '../../../../src/core/image/gazetteer-cities';
import { distanceKm, placeOf } from '../../../../src/core/image/gazetteer';

describe('placeOf', () => {
  it.each([
    [43.4674483, 11.8851267, 'IT', 'Arezzo'],
    [-0.3713, 36.0564167, 'KE', 'Nakuru'],
    [39.0513444, -94.2887722, 'US', 'Blue Springs'],
    [55.7558, 37.6173, 'RU', 'Moscow'],
    [-33.8688, 151.2093, 'AU', 'Sydney'],
    [31.2304, 121.4737, 'CN', 'Shanghai'],
  ])('%f, %f is in %s, near %s', async (lat, lon, country, city) => {
    expect(await placeOf(lat, lon)).toEqual({ country, city });
  });

  it('names no city in the open sea, and no country there', async () => {
    expect(await placeOf(-45, -30)).toEqual({ country: undefined, city: undefined });
  });

  it('takes the country from borders, not from the nearest city (Strasbourg is 3 km from Kehl, Germany)', async () => {
    expect((await placeOf(48.5734, 7.7521)).country).toBe('FR');
    expect((await placeOf(48.5667, 7.8167)).country).toBe('DE');
  });
});

describe('the generated city table', () => {
  it('holds the larger cities only, one per line', () => {
    const lines = CITIES.split('\n');
    expect(lines.length).toBeGreaterThan(20_000);
    expect(lines.length).toBeLessThan(30_000);
    for (const line of lines.slice(0, 100)) expect(line).toMatch(/^[^\t]+\t-?\d+\t-?\d+$/);
  });
});

describe('distanceKm', () => {
  it('measures Paris to London as about 344 km', () => {
    expect(distanceKm(48.8566, 2.3522, 51.5074, -0.1278)).toBeCloseTo(344, -1);
  });
});
