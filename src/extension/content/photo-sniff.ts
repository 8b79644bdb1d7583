import { sniffFormat } from '../../core/image/sniff-format';
import type { ImageFormat } from '../../core/image/photo-report';

/** Enough of a file's start for sniffFormat (an ISO-BMFF `ftyp` box lists its brands in its first bytes). */
const HEAD_BYTES = 64;

/** A file's picture format from its first bytes, never its name or type ('unknown': not a picture). */
export async function sniffFile(file: File): Promise<ImageFormat> {
  try {
    // Copied into the content script's own array: in Firefox, a page's file read through its
    // wrapper gives bytes whose subarrays the sniffer cannot spread.
    return sniffFormat(Uint8Array.from(new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer())));
  } catch {
    // A file that cannot be read (deleted meanwhile) is nothing Parasol can check.
    return 'unknown';
  }
}

const PICTURE_NAME = /\.(jpe?g|jfif|png|webp|hei[cf]|avif|tiff?|gif|dng)$/i;

/** The file says it is a picture, by its type or name, whatever its bytes are. */
export function claimsPicture(file: File): boolean {
  return file.type.startsWith('image/') || PICTURE_NAME.test(file.name);
}

const TYPES: Record<ImageFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heic: 'image/heic',
  avif: 'image/avif',
  tiff: 'image/tiff',
  gif: 'image/gif',
  unknown: 'application/octet-stream',
};

const EXTENSIONS: Record<ImageFormat, string> = {
  jpeg: 'jpg', png: 'png', webp: 'webp', heic: 'heic', avif: 'avif', tiff: 'tif', gif: 'gif', unknown: 'bin',
};

/**
 * The cleaned photo as a file for the site: the same name and type as the original, unless
 * cleaning had to save it in another format (a HEIC saved as JPEG), when both follow the new format.
 */
export function cleanedFile(bytes: BlobPart[], original: File, was: ImageFormat, now: ImageFormat): File {
  if (now === was) return new File(bytes, original.name, { type: original.type || TYPES[now], lastModified: original.lastModified });
  const name = /\.[^./]+$/.test(original.name) ? original.name.replace(/\.[^./]+$/, `.${EXTENSIONS[now]}`) : `${original.name}.${EXTENSIONS[now]}`;
  return new File(bytes, name, { type: TYPES[now], lastModified: original.lastModified });
}
