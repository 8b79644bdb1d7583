import type { Finding } from '../../core/findings';
import type { ImageFormat, PhotoReport } from '../../core/image/photo-report';
import { fieldKeyOf, type PhotoFindings } from '../messages';
import { listedPhoto } from './photos-handlers';
import type { PhotoJobs } from './photos-port';
import { canDecode } from './photos-preview';
import { photoOf, savePhoto } from './photos-save';
import type { TabFindingsStore } from './tab-findings';
import type { IdentityPhotoCheck } from './vault/photo-identity';

/** The photo engines (metadata, faces, cleaning), passed in so that tests can run the same code on real ones. */
export interface PhotoEngines {
  scanPhoto(bytes: Uint8Array): Promise<PhotoReport>;
  detectFaces(bytes: Uint8Array): Promise<{ faces: Finding[] } | { error: string }>;
  makePreview(bytes: Uint8Array, report: PhotoReport): Promise<string | undefined>;
  /** Cleaned bytes: lossless where the format allows (`reencoded: false`), else saved again through a canvas. Null when it cannot be done. */
  clean(bytes: Uint8Array): Promise<{ bytes: Uint8Array; format: ImageFormat; reencoded: boolean } | null>;
  /** The photo with each face's box covered for good. */
  coverFaces(bytes: Uint8Array, faces: Finding[]): Promise<Uint8Array>;
}

/**
 * The background's work on a photo's bytes: checks a photo a page was about to get (metadata,
 * then faces), listed next to the tab's text findings (the badge counts both), and cleans it
 * once the person chose to.
 */
export function createPhotoJobs(store: TabFindingsStore, engines: PhotoEngines, identityCheck?: IdentityPhotoCheck): PhotoJobs {
  return {
    async check(origin, file, bytes) {
      const tabId = origin.tabId!;
      const key = fieldKeyOf(origin.frameId ?? 0, file.id);
      let photo: PhotoFindings = { ...listedPhoto(file), state: 'checking' };
      if (!bytes) {
        await savePhoto(store, tabId, key, { ...photo, problems: ['too-large'], state: 'waiting' });
        return true;
      }
      // Listed at once: the popup says a photo is being checked while the site waits for it.
      await savePhoto(store, tabId, key, photo);
      const report = await engines.scanPhoto(bytes);
      const decodable = canDecode(report);
      const preview = decodable ? await engines.makePreview(bytes, report) : undefined;
      const { format, width, height, problems } = report;
      const leaks = decodable && identityCheck ? await identityCheck(tabId, bytes).catch(() => []) : [];
      const findings = [...leaks, ...report.findings];
      photo = { ...photo, format, width, height, findings, problems, preview, faces: decodable ? 'looking' : 'skipped' };
      await savePhoto(store, tabId, key, photo);
      if (decodable) {
        const faces = await engines.detectFaces(bytes).catch((error: unknown) => ({ error: String(error) }));
        photo = 'error' in faces
          ? { ...photo, faces: 'error' }
          : { ...photo, faces: 'done', findings: [...photo.findings, ...faces.faces] };
      }
      // A face finder that could not run is no all-clear: the person decides.
      const hold = photo.findings.length > 0 || photo.problems.length > 0 || photo.faces === 'error';
      await savePhoto(store, tabId, key, hold ? { ...photo, state: 'waiting' } : { ...photo, state: 'given', given: 'nothing-found' });
      return hold;
    },

    async clean(origin, file, choice, bytes) {
      const tabId = origin.tabId!;
      const key = fieldKeyOf(origin.frameId ?? 0, file.id);
      // Only a photo the person chose to clean, a moment ago, in the popup ('photo/choose').
      const photo = await photoOf(store, tabId, key);
      if (photo?.state !== 'working') return null;
      const faces = photo.findings.filter((finding) => finding.kind === 'face' && finding.box);
      const covered = choice === 'hide-faces' ? await engines.coverFaces(bytes, faces) : bytes;
      const cleaned = await engines.clean(covered);
      if (!cleaned) return null;
      await store.changePhotos(tabId, (photos) => {
        const current = photos[key];
        if (!current) return undefined;
        photos[key] = { ...current, reencoded: cleaned.reencoded };
        return photos;
      });
      return { bytes: cleaned.bytes, format: cleaned.format };
    },
  };
}
