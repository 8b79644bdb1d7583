/**
 * Clues turned into what the person sees: one finding per distinct value, each with its
 * plain-words reason (a locale message name) and the one fix, removing the metadata.
 * A serial or owner field the camera filled in with its own name (Olympus writes "OLYMPUS
 * DIGITAL CAMERA" as its ID; Kodak its model as the owner) identifies no one: it is told apart,
 * at low severity, so the person knows the field is there without being alarmed by it.
 */
import type { Finding } from '../findings';
import type { Clue, LocationClue, PreviewClue, TextClue } from './metadata-clues';
import { previewShape } from './preview-shape';

const REMOVE = { action: 'remove' } as const;

export function metadataFindings(clues: Clue[], main: { width?: number; height?: number }, camera: string[]): Finding[] {
  const findings: Finding[] = [];
  const location = clues.find((clue): clue is LocationClue => clue.kind === 'location');
  if (location) findings.push(locationFinding(location));
  const texts = clues.filter((clue): clue is TextClue => clue.kind !== 'location' && clue.kind !== 'thumbnail');
  const cameraNames = new Set(camera.map(fold));
  for (const value of distinctSerials(texts.filter((c) => c.kind === 'serial').map((c) => c.value))) {
    if (looksLikeSerial(value)) findings.push({ kind: 'serial', severity: 'medium', value, reason: 'photoSerial', fix: REMOVE });
    else if (/\p{L}{3}/u.test(value)) findings.push(cameraField('serial', value));
  }
  for (const value of distinct(texts.filter((c) => c.kind === 'owner').map((c) => c.value))) {
    if (looksLikeName(value, cameraNames)) findings.push({ kind: 'owner', severity: 'high', value, reason: 'photoOwner', fix: REMOVE });
    else if (cameraNames.has(fold(value))) findings.push(cameraField('owner', value));
  }
  const date = texts.filter((c) => c.kind === 'datetime').map((c) => readableDate(c.value)).find(Boolean);
  if (date) findings.push({ kind: 'datetime', severity: 'low', value: date, reason: 'photoDatetime', fix: REMOVE });
  const previews = clues.filter((clue): clue is PreviewClue => clue.kind === 'thumbnail');
  for (const preview of distinctPreviews(previews)) findings.push(previewFinding(preview, main));
  return findings;
}

function cameraField(kind: 'serial' | 'owner', value: string): Finding {
  return { kind, severity: 'low', value, reason: 'photoCameraField', fix: REMOVE };
}

function locationFinding({ lat, lon }: LocationClue): Finding {
  return { kind: 'location', severity: 'high', value: `${lat.toFixed(5)}, ${lon.toFixed(5)}`, lat, lon, reason: 'photoLocation', fix: REMOVE };
}

function previewFinding(preview: PreviewClue, main: { width?: number; height?: number }): Finding {
  const shape = previewShape(preview.data, main);
  const kb = `${Math.max(1, Math.round(preview.length / 1024))} KB`;
  const value = shape.width && shape.height ? `${shape.width} × ${shape.height} px, ${kb}` : kb;
  return shape.differs
    ? { kind: 'thumbnail', severity: 'high', value, reason: 'photoThumbnailDiffers', fix: REMOVE }
    : { kind: 'thumbnail', severity: 'medium', value, reason: 'photoThumbnail', fix: REMOVE };
}

function fold(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

function distinct(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => !seen.has(fold(value)) && Boolean(seen.add(fold(value))));
}

/** One serial written twice, once with a label (Nikon's "NO= -1000f46" and EXIF's "-1000f46"), counts once. */
function distinctSerials(values: string[]): string[] {
  const keyOf = (value: string) => value.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const kept: string[] = [];
  for (const value of [...values].sort((a, b) => a.length - b.length)) {
    const key = keyOf(value);
    if (key && !kept.some((other) => key.endsWith(keyOf(other)))) kept.push(value);
  }
  return distinct(values).filter((value) => kept.includes(value));
}

/** The same bytes found twice (a maker note names its preview by tag and by offset) count once. */
function distinctPreviews(previews: PreviewClue[]): PreviewClue[] {
  const seen = new Set<string>();
  return previews.filter((preview) => {
    const key = preview.data ? `${preview.data.byteOffset}:${preview.data.length}` : preview.source;
    return !seen.has(key) && Boolean(seen.add(key));
  });
}

export function looksLikeSerial(value: string): boolean {
  return /\d/.test(value) && !/^[0\s:.#-]*$/.test(value);
}

/** Not a camera's make or model, and more than a bare "Copyright 2005". */
export function looksLikeName(value: string, cameraNames: Set<string>): boolean {
  if (cameraNames.has(fold(value))) return false;
  const rest = value.replace(/copyright|all rights reserved|\(c\)|©|\b\d{4}\b|[^\p{L}\p{N}]+/giu, '');
  return rest.length >= 2;
}

/** "2005:12:14 14:39:47", ISO 8601 or IPTC's "20051214" as "2005-12-14 14:39"; nothing for an empty date. */
export function readableDate(value: string): string | undefined {
  const match = /^(\d{4})[:-]?(\d{2})[:-]?(\d{2})(?:[T ]+(\d{2}):?(\d{2}))?/.exec(value.trim());
  if (!match || match[1] === '0000' || match[2] === '00') return undefined;
  const [, year, month, day, hour, minute] = match;
  return hour ? `${year}-${month}-${day} ${hour}:${minute}` : `${year}-${month}-${day}`;
}
