import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { cleanPhoto } from '../../../src/core/image/clean-photo';
import { scanPhoto } from '../../../src/core/image/scan-photo';
import { createHandlers } from '../../../src/extension/background/handlers';
import { VaultService } from '../../../src/extension/background/vault/vault-service';
import { HeldLists } from '../../../src/extension/background/warnlist/held-lists';
import { createPhotoJobs, type PhotoEngines } from '../../../src/extension/background/photos';
import { TabFindingsStore } from '../../../src/extension/background/tab-findings';
import { countFindings, type Origin } from '../../../src/extension/messages';

/** A Nikon photo with GPS near Arezzo (groundtruth.csv), and the same photo cleaned: nothing left to find. */
const GPS_PHOTO = new Uint8Array(readFileSync(new URL('../../../../shared/corpus/exif/jpg/gps/DSCN0010.jpg', import.meta.url)));
const CLEAN_PHOTO = (() => {
  const cleaned = cleanPhoto(GPS_PHOTO);
  if (!cleaned.ok) throw new Error('the corpus photo should clean');
  return cleaned.bytes;
})();

const TAB: Origin = { tabId: 5, frameId: 2, fromExtensionPage: false };
const PAGE: Origin = { fromExtensionPage: true };
const file = (id: string, size: number) => ({ id, name: 'DSCN0010.jpg', type: 'image/jpeg', size });

/**
 * The real metadata reader and cleaner; the face finder and the preview need a browser's
 * decoder (they are tested end to end), so here they find no face and make no preview.
 */
const engines: PhotoEngines = {
  scanPhoto,
  detectFaces: async () => ({ faces: [] }),
  makePreview: async () => undefined,
  async clean(bytes) {
    const result = cleanPhoto(bytes);
    return result.ok ? { bytes: result.bytes, format: result.format, reencoded: false } : null;
  },
  coverFaces: async (bytes) => bytes,
};

describe('photo jobs and choices in the background', () => {
  let store: TabFindingsStore;
  let jobs: ReturnType<typeof createPhotoJobs>;
  let handlers: ReturnType<typeof createHandlers>;
  const photos = async () => (await store.get(5)).photos ?? {};

  beforeEach(() => {
    fakeBrowser.reset();
    store = new TabFindingsStore();
    jobs = createPhotoJobs(store, engines);
    handlers = createHandlers(store, new VaultService(), new HeldLists(new VaultService()));
  });

  afterEach(() => vi.restoreAllMocks());

  it('holds a photo with GPS, lists its place, and counts it on the badge', async () => {
    await expect(jobs.check(TAB, file('p1', GPS_PHOTO.length), GPS_PHOTO)).resolves.toBe(true);
    const photo = (await photos())['2:p1']!;
    expect(photo).toMatchObject({ name: 'DSCN0010.jpg', format: 'jpeg', state: 'waiting', faces: 'done', problems: [] });
    const location = photo.findings.find((finding) => finding.kind === 'location')!;
    expect(location.lat).toBeCloseTo(43.4674483, 4);
    expect(location.lon).toBeCloseTo(11.8851267, 4);
    expect(location.city).toBe('Arezzo');
    const count = countFindings(await store.get(5));
    expect(count).toBe(photo.findings.length);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe(String(count));
  });

  it('lets a photo with nothing to find through at once, and says so', async () => {
    await expect(jobs.check(TAB, file('p2', CLEAN_PHOTO.length), CLEAN_PHOTO)).resolves.toBe(false);
    expect((await photos())['2:p2']).toMatchObject({ state: 'given', given: 'nothing-found', findings: [] });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('');
  });

  it('holds a file too large to read, with a clear problem, without reading it', async () => {
    await expect(jobs.check(TAB, file('p3', 100 * 1024 * 1024), null)).resolves.toBe(true);
    expect((await photos())['2:p3']).toMatchObject({ state: 'waiting', problems: ['too-large'] });
    // A held photo with no finding still counts, so the person sees the site is waiting on them.
    expect(countFindings(await store.get(5))).toBe(1);
  });

  it('holds a photo whose faces could not be looked for', async () => {
    const blind = createPhotoJobs(store, { ...engines, detectFaces: async () => ({ error: 'no WASM' }) });
    // A cleaned photo has nothing else: only the missing face check holds it.
    await expect(blind.check(TAB, file('p4', CLEAN_PHOTO.length), CLEAN_PHOTO)).resolves.toBe(true);
    expect((await photos())['2:p4']).toMatchObject({ state: 'waiting', faces: 'error' });
  });

  it('cleans only a photo the person chose to clean', async () => {
    await jobs.check(TAB, file('p1', GPS_PHOTO.length), GPS_PHOTO);
    // Not chosen yet: the port cannot be used to clean it.
    await expect(jobs.clean(TAB, file('p1', GPS_PHOTO.length), 'clean', GPS_PHOTO)).resolves.toBeNull();

    let cleaned: Uint8Array | undefined;
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number, message: unknown, options?: { frameId?: number }) => {
      expect([tabId, message, options]).toEqual([5, { type: 'photo/use', photoId: 'p1', choice: 'clean' }, { frameId: 2 }]);
      // What the content script does on that message: send the bytes back over the photo port.
      cleaned = (await jobs.clean(TAB, file('p1', GPS_PHOTO.length), 'clean', GPS_PHOTO))?.bytes;
      return { ok: true };
    }) as never);
    await expect(handlers['photo/choose']({ type: 'photo/choose', tabId: 5, photoKey: '2:p1', choice: 'clean' }, PAGE)).resolves.toEqual({ ok: true });
    expect(cleaned).toBeDefined();
    const report = await scanPhoto(cleaned!);
    expect(report.findings.filter((finding) => finding.kind === 'location')).toEqual([]);
    expect((await photos())['2:p1']).toMatchObject({ state: 'given', given: 'clean', reencoded: false });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('');
  });

  it('"Use as is" keeps counting what the site now has', async () => {
    await jobs.check(TAB, file('p1', GPS_PHOTO.length), GPS_PHOTO);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true } as never);
    await handlers['photo/choose']({ type: 'photo/choose', tabId: 5, photoKey: '2:p1', choice: 'as-is' }, PAGE);
    const photo = (await photos())['2:p1']!;
    expect(photo).toMatchObject({ state: 'given', given: 'as-is' });
    expect(countFindings(await store.get(5))).toBe(photo.findings.length);
  });

  it('"Leave it out" drops the photo from the list', async () => {
    await jobs.check(TAB, file('p1', GPS_PHOTO.length), GPS_PHOTO);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true } as never);
    await handlers['photo/choose']({ type: 'photo/choose', tabId: 5, photoKey: '2:p1', choice: 'skip' }, PAGE);
    expect(await photos()).toEqual({});
  });

  it('says when the page is gone, and keeps the photo waiting', async () => {
    await jobs.check(TAB, file('p1', GPS_PHOTO.length), GPS_PHOTO);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection'));
    await expect(handlers['photo/choose']({ type: 'photo/choose', tabId: 5, photoKey: '2:p1', choice: 'clean' }, PAGE)).resolves.toEqual({
      ok: false,
      error: 'gone',
    });
    expect((await photos())['2:p1']).toMatchObject({ state: 'waiting', error: 'gone' });
  });

  it('refuses a choice for a photo that is not waiting', async () => {
    await jobs.check(TAB, file('p2', CLEAN_PHOTO.length), CLEAN_PHOTO);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage');
    await expect(handlers['photo/choose']({ type: 'photo/choose', tabId: 5, photoKey: '2:p2', choice: 'as-is' }, PAGE)).resolves.toEqual({
      ok: false,
      error: 'gone',
    });
    expect(send).not.toHaveBeenCalled();
  });

  it('lists a file named like a photo that is not one, and forgets a photo the person replaced', async () => {
    await handlers['photo/not-image']({ type: 'photo/not-image', photo: file('p9', 20) }, TAB);
    expect((await photos())['2:p9']).toMatchObject({ state: 'unchecked', problems: ['not-an-image'] });
    await jobs.check(TAB, file('p1', GPS_PHOTO.length), GPS_PHOTO);
    await expect(handlers['photo/forget']({ type: 'photo/forget', photoId: 'p1' }, TAB)).resolves.toEqual({ count: 0 });
    expect(Object.keys(await photos())).toEqual(['2:p9']);
  });

  it('a new page drops the photos of the old one', async () => {
    await jobs.check(TAB, file('p1', GPS_PHOTO.length), GPS_PHOTO);
    await handlers['page/opened']({ type: 'page/opened' }, { ...TAB, frameId: 0 });
    expect((await store.get(5)).photos).toBeUndefined();
  });
});
