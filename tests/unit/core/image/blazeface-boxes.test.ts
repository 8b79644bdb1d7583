import { readFileSync } from 'node:fs';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { loadNodeHuman } from '../../../../src/cli/human-node';
import { blazeFaceBoxes } from '../../../../src/core/image/faces/blazeface-boxes';
import { searchCrops } from '../../../../src/core/image/faces/find-faces';
import { rgbaPicture } from '../../../../src/core/image/faces/rgba-picture';

// Real photos from the labelled face set (Debian packages; see tests/corpus/faces/README.md).
const PHOTOS = [
  '/usr/share/doc/opencv-doc/opencv4/html/227943776_1.jpg',
  '/usr/share/doc/opencv-doc/opencv4/html/2.jpg',
  '/usr/share/doc/facedetect/examples/grace_hopper_512x512.jpg',
  '/usr/share/doc/opencv-doc/opencv4/html/Morphology_1_Tutorial_Original_Image.jpg',
];
/** findFaces ignores what the detector scores lower (CANDIDATE_SCORE). */
const CANDIDATE_SCORE = 0.45;

describe('blazeFaceBoxes', () => {
  it('finds the boxes and scores human.detect finds, on every square findFaces looks at', { timeout: 60_000 }, async () => {
    const human = await loadNodeHuman();
    let faces = 0;
    for (const path of PHOTOS) {
      const picture = rgbaPicture(jpeg.decode(readFileSync(path), { useTArray: true, formatAsRGBA: true }));
      for (const crop of searchCrops(picture.width, picture.height)) {
        const input = human.tf.tensor4d(await picture.square(crop, 256), [1, 256, 256, 3], 'float32');
        const ours = blazeFaceBoxes(human, input, { maxDetected: 20, iouThreshold: 0.3, minConfidence: 0.3 });
        const result = await human.detect(input, { face: { mesh: { enabled: false } } } as Parameters<typeof human.detect>[1]);
        human.tf.dispose(input);
        const theirs = result.face.map((face) => ({
          box: { x: face.boxRaw[0], y: face.boxRaw[1], width: face.boxRaw[2], height: face.boxRaw[3] },
          score: face.boxScore,
          faceScore: 0,
        }));
        // Scores at the 0.3 floor may fall either side of it (float rounding): below findFaces' interest.
        const kept = (list: typeof theirs) => list.filter((face) => face.score >= CANDIDATE_SCORE);
        expect(kept(ours), `${path} ${JSON.stringify(crop)}`).toEqual(kept(theirs));
        faces += kept(ours).length;
      }
    }
    expect(faces).toBeGreaterThan(4);
  });
});
