import { countFindings, type PhotoFindings, type TabFindings } from '../messages';
import { showCount } from './badge';
import type { TabFindingsStore } from './tab-findings';

/** A tab keeps at most this many photos listed; the oldest already given to the site go first. */
const MAX_LISTED = 30;

/** Sets (or, with null, drops) one photo of a tab, and shows the tab's new count on the badge. */
export async function savePhoto(
  store: TabFindingsStore,
  tabId: number,
  key: string,
  photo: PhotoFindings | null,
): Promise<TabFindings> {
  const state = await store.changePhotos(tabId, (photos) => {
    if (photo) photos[key] = photo;
    else delete photos[key];
    return trimmed(photos);
  });
  await showCount(tabId, countFindings(state));
  return state;
}

export async function photoOf(store: TabFindingsStore, tabId: number, key: string): Promise<PhotoFindings | undefined> {
  return (await store.get(tabId)).photos?.[key];
}

/** At most MAX_LISTED photos: those the site already has leave first, oldest first. */
function trimmed(photos: Record<string, PhotoFindings>): Record<string, PhotoFindings> {
  for (const key of Object.keys(photos)) {
    if (Object.keys(photos).length <= MAX_LISTED) break;
    const state = photos[key]!.state;
    if (state === 'given' || state === 'unchecked') delete photos[key];
  }
  return photos;
}
