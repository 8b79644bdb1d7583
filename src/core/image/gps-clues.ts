/**
 * Where a photo says it was taken: EXIF GPS (degrees, minutes, seconds and a N/S, E/W
 * reference), and XMP's `exif:GPSLatitude`, which the XMP spec writes as a string such as
 * "48,51.5N" or "48,51,30N". exifr turns the first into numbers but hands the XMP string back as
 * it stands, so both are read here. 0/0 is a placeholder cameras write without a fix, never a place.
 */
import type { ExifrBlocks } from './exifr-read';
import type { LocationClue } from './metadata-clues';

export function gpsClues(blocks: ExifrBlocks): LocationClue[] {
  const clues: LocationClue[] = [];
  const exif = blocks.gps;
  if (exif) {
    const lat = coordinate(exif.GPSLatitude, exif.GPSLatitudeRef);
    const lon = coordinate(exif.GPSLongitude, exif.GPSLongitudeRef);
    if (lat !== undefined && lon !== undefined && isPlace(lat, lon)) clues.push({ kind: 'location', source: 'GPS', lat, lon });
  }
  const xmp = blocks.exif;
  if (typeof xmp?.GPSLatitude === 'string' || typeof xmp?.GPSLongitude === 'string') {
    const lat = coordinate(xmp.GPSLatitude, xmp.GPSLatitudeRef);
    const lon = coordinate(xmp.GPSLongitude, xmp.GPSLongitudeRef);
    if (lat !== undefined && lon !== undefined && isPlace(lat, lon)) clues.push({ kind: 'location', source: 'XMP-exif', lat, lon });
  }
  return clues;
}

function isPlace(lat: number, lon: number): boolean {
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 && !(lat === 0 && lon === 0);
}

/** Degrees from [d, m, s] numbers, a single number, or an XMP string; south and west are negative. */
export function coordinate(value: unknown, ref?: unknown): number | undefined {
  let degrees: number | undefined;
  let hemisphere = typeof ref === 'string' ? ref.trim().toUpperCase()[0] : undefined;
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const [d = NaN, m = 0, s = 0] = Array.from(value as ArrayLike<number>, Number);
    degrees = d + m / 60 + s / 3600;
  } else if (typeof value === 'number') {
    degrees = value;
  } else if (typeof value === 'string') {
    const match = /^\s*(-?[\d.]+)(?:[,\s]+([\d.]+))?(?:[,\s]+([\d.]+))?\s*([NSEW])?\s*$/i.exec(value);
    if (!match) return undefined;
    degrees = Number(match[1]) + Number(match[2] ?? 0) / 60 + Number(match[3] ?? 0) / 3600;
    if (match[1]!.startsWith('-')) degrees = -(Math.abs(Number(match[1])) + Number(match[2] ?? 0) / 60 + Number(match[3] ?? 0) / 3600);
    hemisphere = match[4]?.toUpperCase() ?? hemisphere;
  }
  if (degrees === undefined || !Number.isFinite(degrees)) return undefined;
  return hemisphere === 'S' || hemisphere === 'W' ? -Math.abs(degrees) : degrees;
}
