import { browser } from 'wxt/browser';
import type { Finding } from '../../core/findings';
import type { ContentMessage, Origin } from '../messages';
import { hintsOn, type Settings } from '../storage/settings';

type HintsMessage = Extract<ContentMessage, { type: 'hints/show' }>;

/**
 * In-page hints: where the person turned them on for the site, the frame a field is in is told
 * what to mark beside it. Only kinds, severities and spans go there: the content script already
 * holds the field's text, so the page's frame learns nothing new from them.
 */

/** The hints message for one field, or null when hints are off for the page at `url`. */
export function hintsMessage(
  settings: Settings,
  url: string | undefined,
  fieldId: string,
  findings: readonly Finding[],
): HintsMessage | null {
  if (!hintsOn(settings, url)) return null;
  const hints = findings.flatMap(({ kind, severity, start, end }) =>
    start === undefined || end === undefined ? [] : [{ kind, severity, start, end }],
  );
  return { type: 'hints/show', fieldId, hints: hints.slice(0, 500) };
}

/**
 * Fields that were sent hints, by tab, frame and field, so that turning hints off clears their
 * marks. In memory only: after the background restarts, a mark stays until the page reloads.
 */
const marked = new Set<string>();

/** After a field's findings changed: sends its hints, or clears marks left from before hints were turned off. */
export async function sendHints(
  settings: Settings,
  origin: Origin,
  fieldId: string,
  findings: readonly Finding[],
): Promise<void> {
  const { tabId, frameId = 0 } = origin;
  if (tabId === undefined) return;
  const key = `${tabId}:${frameId}:${fieldId}`;
  let message = hintsMessage(settings, origin.url, fieldId, findings);
  if (message) marked.add(key);
  else if (marked.delete(key)) message = { type: 'hints/show', fieldId, hints: [] };
  if (!message) return;
  try {
    await browser.tabs.sendMessage(tabId, message, { frameId });
  } catch {
    // The frame went away, or its content script is an older copy that no longer answers.
  }
}
