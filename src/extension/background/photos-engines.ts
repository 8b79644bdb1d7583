import { cleanPhoto } from '../../core/image/clean-photo';
import { scanPhoto } from '../../core/image/scan-photo';
import type { PhotoEngines } from './photos';
import { makePreview } from './photos-preview';

/** The real engines behind the background's photo jobs. */
export const PHOTO_ENGINES: PhotoEngines = {
  scanPhoto,
  // Until the face finder lands, no photo is called free of faces: the person is asked.
  detectFaces: async () => ({ error: 'no face finder in this build' }),
  makePreview,
  async clean(bytes) {
    const result = cleanPhoto(bytes);
    if (result.ok) return { bytes: result.bytes, format: result.format, reencoded: false };
    return null;
  },
  coverFaces: async () => {
    throw new Error('no face finder in this build');
  },
};
