import { browser } from 'wxt/browser';
import { t } from '../i18n';

/** Dark red: readable with white text, and the colour of the sex-worker rights umbrella. */
const BADGE_COLOUR = '#B3261E';

/** The toolbar shows how many things on this tab could identify the person; nothing when none. */
export async function showCount(tabId: number, count: number): Promise<void> {
  try {
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' }),
      browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOUR }),
      browser.action.setTitle({
        tabId,
        title: count > 0 ? t('badgeTitleFound', String(count)) : t('extName'),
      }),
    ]);
  } catch {
    // The tab closed while we were counting: nothing left to show.
  }
}
