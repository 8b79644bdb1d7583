import { cleanPhoto } from '../../core/image/clean-photo';
import { scanPhoto } from '../../core/image/scan-photo';
import { coverFaces } from '../faces/cover-faces';
// Imported at the background's start, as detect-faces.ts asks (Chrome's worker listens from its first run).
import { detectFaces } from '../faces/detect-faces';
import { reencodePhoto } from '../photos/reencode';
import type { PhotoEngines } from './photos';
import { makePreview } from './photos-preview';

/** Where the lossless cleaner gives up but a browser that still shows the picture can save it again. */
const REENCODE: ReadonlySet<string> = new Set(['needs-reencode', 'truncated', 'unreadable']);

/** The real engines behind the background's photo jobs. */
export const PHOTO_ENGINES: PhotoEngines = {
  scanPhoto,
  detectFaces,
  makePreview,
  async clean(bytes) {
    const lossless = cleanPhoto(bytes);
    if (lossless.ok) return { bytes: lossless.bytes, format: lossless.format, reencoded: false };
    if (!REENCODE.has(lossless.reason)) return null;
    const saved = await reencodePhoto(bytes);
    if (!saved.ok) return null;
    return { bytes: saved.bytes, format: saved.type === 'image/png' ? 'png' : 'jpeg', reencoded: true };
  },
  coverFaces: (bytes, faces) => coverFaces(bytes, faces),
};
