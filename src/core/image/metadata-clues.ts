/**
 * What the metadata readers hand to `metadata-findings.ts`: one clue per tag that could identify
 * someone, named after the block and tag it came from (as ExifTool names them, e.g.
 * "Olympus:SerialNumber"), so a test can hold it against ExifTool's ground truth.
 */

export interface TextClue {
  kind: 'serial' | 'owner' | 'datetime';
  source: string;
  value: string;
}

export interface PreviewClue {
  kind: 'thumbnail';
  source: string;
  /** The preview's bytes as stored (usually a JPEG), or its declared length when they lie outside the file. */
  data?: Uint8Array;
  length: number;
}

export interface LocationClue {
  kind: 'location';
  source: string;
  lat: number;
  lon: number;
}

export type Clue = TextClue | PreviewClue | LocationClue;

/** A text clue, or nothing when the value is empty. */
export function textClue(kind: TextClue['kind'], source: string, value: unknown): TextClue[] {
  const text = plainText(value);
  return text ? [{ kind, source, value: text }] : [];
}

/** Strings, numbers and arrays of them (XMP lists, IPTC repeats) as one trimmed line. */
export function plainText(value: unknown): string {
  if (value == null) return '';
  if (Array.isArray(value)) return value.map(plainText).filter(Boolean).join(', ');
  if (typeof value === 'object') {
    // XMP language alternatives come as { lang, value }.
    const inner = (value as { value?: unknown }).value;
    return inner === undefined ? '' : plainText(inner);
  }
  // Control characters (NUL padding, stray bytes) are never part of a name or a number.
  // eslint-disable-next-line no-control-regex
  return String(value).replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Seconds since 1970 as "YYYY:MM:DD HH:MM:SS" (cameras store local time this way, so no zone is applied). */
export function unixTimeText(seconds: number): string | undefined {
  if (!Number.isFinite(seconds) || seconds <= 0) return undefined;
  return new Date(seconds * 1000).toISOString().slice(0, 19).replace(/-/g, ':').replace('T', ' ');
}
