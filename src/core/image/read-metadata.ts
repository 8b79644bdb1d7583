/**
 * Everything a photo's metadata says that could identify someone, as clues: exifr for the
 * standard blocks, and Parasol's own readers for what exifr leaves out (WebP, XMP string GPS,
 * maker notes, previews other than the EXIF thumbnail, older cameras' own blocks).
 */
import { exifBlockClues } from './exif-block';
import { readWithExifr, type ExifrBlocks } from './exifr-read';
import { gpsClues } from './gps-clues';
import { readImageHeader, type ImageHeader } from './image-header';
import { jpegLegacyClues } from './jpeg-legacy-blocks';
import { jpegPreviewClues } from './jpeg-previews';
import { appSegments } from './jpeg-segments';
import type { Clue } from './metadata-clues';
import type { ImageFormat } from './photo-report';
import { sniffFormat } from './sniff-format';
import { cameraNames, standardClues } from './standard-clues';
import { tiffAt, type Tiff } from './tiff-ifd';
import { webpExifTiffStart, webpMetadataAsJpeg } from './webp-metadata';
import { xmpPreviewClues } from './xmp-previews';

export interface PhotoMetadata {
  format: ImageFormat;
  header: ImageHeader;
  clues: Clue[];
  /** The camera's make and model, to tell a camera's name from a person's. */
  camera: string[];
  /** exifr gave up on the file (its message), or undefined. */
  exifrError?: string;
}

/** Formats exifr reads (WebP through `webp-metadata.ts`). */
const EXIFR_FORMATS = new Set<ImageFormat>(['jpeg', 'tiff', 'png', 'heic', 'avif', 'webp']);

export async function readPhotoMetadata(bytes: Uint8Array): Promise<PhotoMetadata> {
  const format = sniffFormat(bytes);
  const header = readImageHeader(bytes, format);
  const metadata: PhotoMetadata = { format, header, clues: [], camera: [] };
  if (!EXIFR_FORMATS.has(format)) return metadata;

  let blocks: ExifrBlocks | undefined;
  try {
    const input = format === 'webp' ? header.webp && webpMetadataAsJpeg(header.webp) : bytes;
    blocks = input && (await readWithExifr(input));
  } catch (error) {
    metadata.exifrError = String((error as Error)?.message ?? error);
  }
  if (blocks) {
    metadata.clues.push(...gpsClues(blocks), ...standardClues(blocks), ...xmpPreviewClues(blocks));
    metadata.camera = cameraNames(blocks);
  }

  const tiff = exifTiff(bytes, format, header);
  if (tiff) metadata.clues.push(...exifBlockClues(tiff));
  if (header.jpeg) metadata.clues.push(...jpegPreviewClues(bytes, header.jpeg), ...jpegLegacyClues(bytes, header.jpeg));
  return metadata;
}

/** The EXIF block as a TIFF, where Parasol walks it itself (maker notes, the thumbnail's bytes). */
function exifTiff(bytes: Uint8Array, format: ImageFormat, header: ImageHeader): Tiff | undefined {
  if (format === 'tiff') return tiffAt(bytes, 0);
  if (header.jpeg) {
    const [segment] = appSegments(header.jpeg, bytes, 1, 'Exif\0');
    return segment && tiffAt(bytes.subarray(0, segment.end), segment.start + 6);
  }
  if (header.webp?.exif) return tiffAt(header.webp.exif, webpExifTiffStart(header.webp.exif));
  const exifChunk = header.png?.chunks.find((chunk) => chunk.type === 'eXIf');
  if (exifChunk) return tiffAt(bytes.subarray(0, exifChunk.end), exifChunk.start);
  // HEIC and AVIF: exifr reads the standard tags; their maker notes (Apple's) hold no serial numbers.
  return undefined;
}
