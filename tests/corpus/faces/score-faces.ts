import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { boxCenter, boxCoverage, boxIou, containsPoint, type FaceBox } from '../../../src/core/image/faces/face-box';

export interface LabelledPhoto {
  /** An absolute path where a Debian package installs it, or a path relative to the repository. */
  file: string;
  source: string;
  faces: FaceBox[];
  /** Where a found face is neither needed nor wrong (a back of a head, a face in an edge map). */
  ignore?: FaceBox[];
  what: string;
  drawnOn?: boolean;
}

export interface FaceLabels {
  minFaceWidth: number;
  photos: LabelledPhoto[];
}

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export function readFaceLabels(): FaceLabels {
  return JSON.parse(readFileSync(new URL('./labels.json', import.meta.url), 'utf8')) as FaceLabels;
}

export function labelledPath(photo: LabelledPhoto): string {
  return photo.file.startsWith('/') ? photo.file : `${ROOT}${photo.file}`;
}

/**
 * A found box is a labelled face when they overlap well, or when each holds the other's middle:
 * Human's boxes are squares 1.4 times the face, the labels are rough face outlines.
 */
export function sameFace(found: FaceBox, label: FaceBox): boolean {
  return boxIou(found, label) >= 0.3 || (containsPoint(found, boxCenter(label)) && containsPoint(label, boxCenter(found)));
}

export interface PhotoScore {
  file: string;
  /** Labelled faces at least minFaceWidth wide, and how many of them were found. */
  bigFaces: number;
  bigFound: number;
  /** Found boxes that match no labelled face and no ignored part. */
  strays: FaceBox[];
  missed: FaceBox[];
}

export function scorePhoto(photo: LabelledPhoto, found: FaceBox[], minFaceWidth: number): PhotoScore {
  const unused = [...found];
  const missed: FaceBox[] = [];
  let bigFaces = 0;
  let bigFound = 0;
  for (const label of photo.faces) {
    const at = unused.findIndex((box) => sameFace(box, label));
    const big = label.width >= minFaceWidth;
    if (big) bigFaces += 1;
    if (at >= 0) {
      unused.splice(at, 1);
      if (big) bigFound += 1;
    } else if (big) {
      missed.push(label);
    }
  }
  // A second box on a found face, or one on a small labelled face, is no false alarm either.
  const strays = unused.filter(
    (box) =>
      !photo.faces.some((label) => sameFace(box, label) || boxCoverage(label, box) > 0.5) &&
      !(photo.ignore ?? []).some((part) => boxCoverage(box, part) > 0.5 || containsPoint(part, boxCenter(box))),
  );
  return { file: photo.file, bigFaces, bigFound, strays, missed };
}

export interface SetScore {
  recall: number;
  bigFaces: number;
  bigFound: number;
  /** Photos without faces in which something was called a face. */
  falseAlarmPhotos: string[];
  falseAlarmRate: number;
  noFacePhotos: number;
  photos: PhotoScore[];
}

export function scoreSet(labels: FaceLabels, found: Map<string, FaceBox[]>): SetScore {
  const photos = labels.photos.map((photo) => scorePhoto(photo, found.get(photo.file) ?? [], labels.minFaceWidth));
  const bigFaces = photos.reduce((sum, photo) => sum + photo.bigFaces, 0);
  const bigFound = photos.reduce((sum, photo) => sum + photo.bigFound, 0);
  const noFace = labels.photos.filter((photo) => photo.faces.length === 0);
  const falseAlarmPhotos = noFace.filter((photo) => (found.get(photo.file) ?? []).length > 0).map((photo) => photo.file);
  return {
    recall: bigFaces ? bigFound / bigFaces : 1,
    bigFaces,
    bigFound,
    falseAlarmPhotos,
    falseAlarmRate: noFace.length ? falseAlarmPhotos.length / noFace.length : 0,
    noFacePhotos: noFace.length,
    photos,
  };
}

/** What the face finder answered for one photo (a FaceResult, as the tests see it). */
export type FinderAnswer = { faces: { box?: FaceBox; kind: string; severity: string; reason: string }[]; backend: string } | { error: string };

/**
 * Runs `ask` on every labelled photo and scores the answers. Throws on a finder error; prints
 * the score; returns it with the backends that ran.
 */
export async function runLabelledSet(ask: (base64: string) => Promise<FinderAnswer>): Promise<SetScore & { backends: string[]; kinds: string[] }> {
  const labels = readFaceLabels();
  const found = new Map<string, FaceBox[]>();
  const backends = new Set<string>();
  const kinds = new Set<string>();
  for (const photo of labels.photos) {
    const answer = await ask(readFileSync(labelledPath(photo)).toString('base64'));
    if ('error' in answer) throw new Error(`${photo.file}: ${answer.error}`);
    backends.add(answer.backend);
    for (const face of answer.faces) kinds.add(`${face.kind}/${face.severity}/${face.reason}`);
    found.set(photo.file, answer.faces.map((face) => face.box!));
  }
  const score = scoreSet(labels, found);
  const missed = score.photos.filter((photo) => photo.missed.length).map((photo) => `${photo.file} (${photo.missed.length})`);
  console.log(
    `faces found: ${score.bigFound}/${score.bigFaces} (${score.recall.toFixed(3)}); missed in ${missed.join(', ') || 'none'}\n` +
      `false alarms: ${score.falseAlarmPhotos.length}/${score.noFacePhotos} ${score.falseAlarmPhotos.join(', ')}`,
  );
  return { ...score, backends: [...backends], kinds: [...kinds] };
}

/** Fails when a labelled photo's package is not installed, with the command that installs it. */
export function requireLabelledPhotos(): void {
  for (const photo of readFaceLabels().photos) {
    try {
      readFileSync(labelledPath(photo));
    } catch {
      throw new Error(`${photo.file} is missing: apt-get install opencv-doc facedetect python3-skimage`);
    }
  }
}
