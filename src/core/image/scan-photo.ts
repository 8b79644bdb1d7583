/**
 * The one entry for a photo's metadata, used by the extension's background and `parasol scan`:
 * what the file says of where, when, with what and by whom it was taken, and its embedded
 * previews. It never throws: a file it cannot read in full gets `problems` and whatever could
 * be read. Pixels are never decoded here (only a small preview, to look for black bars).
 */
import type { Finding } from '../findings';
import { placeOf } from './gazetteer';
import { metadataFindings } from './metadata-findings';
import { MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS, type PhotoProblem, type PhotoReport } from './photo-report';
import { readPhotoMetadata } from './read-metadata';
import { sniffFormat } from './sniff-format';

export async function scanPhoto(bytes: Uint8Array): Promise<PhotoReport> {
  if (bytes.length > MAX_PHOTO_BYTES) return { format: sniffFormat(bytes.subarray(0, 64)), findings: [], problems: ['too-large'] };
  const format = sniffFormat(bytes);
  if (format === 'unknown') return { format, findings: [], problems: ['not-an-image'] };
  try {
    const metadata = await readPhotoMetadata(bytes);
    const { width, height, truncated } = metadata.header;
    const problems: PhotoProblem[] = [];
    if (truncated) problems.push('truncated');
    if (width && height && width * height > MAX_PHOTO_PIXELS) problems.push('too-many-pixels');
    // exifr's complaint matters only when nothing else was read; a cut file already says so.
    if (metadata.exifrError && !truncated && metadata.clues.length === 0 && !width) problems.push('unreadable');
    const findings = metadataFindings(metadata.clues, { width, height }, metadata.camera);
    await addPlace(findings);
    return { format, width, height, findings, problems };
  } catch {
    // A reader bug on a malformed file must not take the scan down with it.
    return { format, findings: [], problems: ['unreadable'] };
  }
}

/** Country and nearest city for a location finding, from the offline gazetteer (loaded only now). */
async function addPlace(findings: Finding[]): Promise<void> {
  const location = findings.find((finding) => finding.kind === 'location');
  if (!location || location.lat === undefined || location.lon === undefined) return;
  const { country, city } = await placeOf(location.lat, location.lon);
  if (country) location.country = country;
  if (city) location.city = city;
  const place = [city, country].filter(Boolean).join(', ');
  if (place) location.value = `${location.value} (${place})`;
}
