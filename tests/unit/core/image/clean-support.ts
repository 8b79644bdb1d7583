// Shared by the cleaner's tests: the corpus, ExifTool, and what ExifTool may still find.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS = fileURLToPath(new URL('../../../../../shared/corpus/exif/', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('../../../fixtures/clean/', import.meta.url));

/** Every image of the corpus, as paths relative to it; `jpg/invalid/` only when asked. */
export function corpusFiles({ invalid = false } = {}): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
  return walk(CORPUS)
    .map((path) => relative(CORPUS, path))
    .filter((path) => !path.endsWith('.csv') && invalid === path.startsWith('jpg/invalid/'))
    .sort();
}

/** `exiftool -a -G1 -j` over files: one record per file, keyed by its path. Needs libimage-exiftool-perl. */
export function exiftool(paths: string[], extra: string[] = []): Map<string, Record<string, unknown>> {
  const out = execFileSync('exiftool', ['-a', '-G1', '-j', '-q', ...extra, ...paths], { maxBuffer: 256 << 20 }).toString();
  return new Map((JSON.parse(out) as Record<string, unknown>[]).map((record) => [String(record.SourceFile), record]));
}

/**
 * ExifTool groups that may stay after cleaning: they describe the file, the picture's size and
 * coding, and its colour profile.
 * - System, File, ExifTool, Composite: the file on disk and ExifTool itself (file dates are the
 *   file system's, not the photo's).
 * - JFIF, Adobe (APP14), PNG, RIFF, QuickTime, Meta: the container's own structure (size, colour
 *   type, codec settings, item ids).
 * - ICC_Profile and ICC-*: the colour profile. Its copyright, creator, date and device fields
 *   are the profile maker's (Apple, HP, the IEC), not the photographer's.
 * - IFD0: only Orientation in JPEG, PNG and WebP; in TIFF, the tags that lay out the pixels.
 */
export const HARMLESS_GROUPS = /^(System|File|ExifTool|Composite|JFIF|Adobe|PNG|RIFF|QuickTime|Meta|ICC_Profile|ICC-\w+|IFD0)$/;

/** TIFF tags that only lay out the pixels (ExifTool's names). */
const TIFF_STRUCTURE = new Set([
  'SubfileType', 'OldSubfileType', 'ImageWidth', 'ImageHeight', 'BitsPerSample', 'Compression', 'PhotometricInterpretation',
  'FillOrder', 'StripOffsets', 'Orientation', 'SamplesPerPixel', 'RowsPerStrip', 'StripByteCounts', 'XResolution',
  'YResolution', 'PlanarConfiguration', 'ResolutionUnit', 'Predictor', 'ExtraSamples', 'SampleFormat', 'TileWidth',
  'TileLength', 'TileOffsets', 'TileByteCounts', 'ColorMap', 'YCbCrSubSampling', 'YCbCrPositioning', 'ReferenceBlackWhite',
  'WhitePoint', 'PrimaryChromaticities', 'TransferFunction', 'YCbCrCoefficients',
]);

/** What identifies a person or a moment, by tag name, in any group that is not the file system's. */
const IDENTIFYING = /gps|serial|owner|artist|creator|author|copyright|rights|thumbnail|preview|date|time|make|model|camera|lens|comment|description|keyword|city|country|location|by-?line|credit|software|uniqueid/i;
/** The colour profile's own fields, which name its maker and its making, never the photo's. */
const ICC_FIELDS = new Set(['ProfileCreator', 'ProfileDateTime', 'ProfileCopyright', 'DeviceManufacturer', 'DeviceModel', 'DeviceMfgDesc', 'DeviceModelDesc', 'MakeAndModel', 'ProfileDescription', 'ViewingCondDesc']);

/** The tags ExifTool found that should not be in a cleaned file; empty when clean. */
export function leftovers(record: Record<string, unknown>, format: 'tiff' | 'other'): string[] {
  return Object.keys(record).filter((key) => {
    if (key === 'SourceFile') return false;
    const [group = '', name = ''] = key.split(':');
    if (!HARMLESS_GROUPS.test(group)) return true;
    if (group === 'System' || group === 'ExifTool') return false;
    if (group === 'File') return /comment|thumbnail|preview/i.test(name);
    if (group === 'IFD0') return format === 'tiff' ? !TIFF_STRUCTURE.has(name) : name !== 'Orientation';
    // The `hdlr` box's name: the writing library (e.g. "libavif"), a box HEIF needs.
    if (group === 'QuickTime' && name === 'HandlerDescription') return false;
    if (group.startsWith('ICC')) return !ICC_FIELDS.has(name) && !name.startsWith('ProfileDescriptionML') && IDENTIFYING.test(name);
    return IDENTIFYING.test(name);
  });
}
