import type { PhotoProblem } from '../photo-report';

/**
 * What a cleaner took out, in groups a person can understand. Each has a plain-words message named
 * `cleanRemoved_<name>` in `public/_locales`.
 */
export const REMOVED_PARTS = ['exif', 'xmp', 'iptc', 'comment', 'preview', 'text', 'other'] as const;
export type RemovedPart = (typeof REMOVED_PARTS)[number];

/** What one container cleaner answers: the cleaned bytes, or why it cannot clean without re-encoding. */
export type ContainerResult =
  | { bytes: Uint8Array; removed: Set<RemovedPart> }
  | { reason: 'needs-reencode' | PhotoProblem };
