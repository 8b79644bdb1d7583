import { imageSize } from 'image-size';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { Finding } from '../core/findings';
import { faceFindings } from '../core/image/faces/face-findings';
import { findFaces } from '../core/image/faces/find-faces';
import { humanFaceModel } from '../core/image/faces/human-face-model';
import { orientRgba, rgbaPicture, type RgbaImage } from '../core/image/faces/rgba-picture';
import { MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS } from '../core/image/photo-report';
import { sniffFormat } from '../core/image/sniff-format';
import { loadNodeHuman } from './human-node';

/**
 * Faces in a photo, for `parasol scan`, with the extension's face finder. Node has no image
 * decoder: JPEG (jpeg-js) and PNG (pngjs) are read; other formats, files too large or with too
 * many pixels, and files that do not decode give no face findings (the metadata report says why).
 */
export async function facesInPhoto(bytes: Uint8Array): Promise<Finding[]> {
  const image = decode(bytes);
  if (!image) return [];
  const human = await loadNodeHuman();
  const model = humanFaceModel<import('@vladmandic/human').Tensor>(human);
  const picture = rgbaPicture(image);
  const faces = await findFaces(
    {
      width: picture.width,
      height: picture.height,
      square: async (crop, side) => human.tf.tensor4d(await picture.square(crop, side), [1, side, side, 3], 'float32'),
    },
    {
      async detect(input, verify) {
        try {
          return await model.detect(input, verify);
        } finally {
          human.tf.dispose(input);
        }
      },
    },
    // Node's squares are box-averaged, not drawn by a browser's canvas: BlazeFace scores them a
    // little lower. On the labelled set 0.8 gives 78 of 82 faces and 1 of 32 false alarms here.
    { sureScore: 0.8 },
  );
  return faceFindings(faces);
}

function decode(bytes: Uint8Array): RgbaImage | undefined {
  if (bytes.length > MAX_PHOTO_BYTES) return undefined;
  const format = sniffFormat(bytes);
  if (format !== 'jpeg' && format !== 'png') return undefined;
  try {
    const size = imageSize(bytes);
    if (!size.width || !size.height || size.width * size.height > MAX_PHOTO_PIXELS) return undefined;
    if (format === 'png') return PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const image = jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: true,
      maxResolutionInMP: MAX_PHOTO_PIXELS / 1_000_000,
      maxMemoryUsageInMB: 2048,
    });
    return orientRgba(image, size.orientation);
  } catch {
    return undefined;
  }
}
