import { readProfile } from '../../core/text/shared-social-links';
import { profileFromLink, type SiteAdapter, SITE_ADAPTERS } from './handles-sites';

/** Longer addresses are not a person's link; the message refuses them anyway. */
const MAX_LINK = 2048;

/**
 * Whether a link's target could name a client: `tel:`, `sms:`, `mailto:`, a profile on a big
 * platform (instagram.com/…, wa.me/…, t.me/…: the text finders' table), or a built-in site's
 * own profile address. Everything else (navigation, posts, ads) is left out, so the few links
 * that matter fit the message's cap on busy pages.
 */
export function isHandleLink(href: string, adapters: readonly SiteAdapter[] = SITE_ADAPTERS): boolean {
  if (href.length > MAX_LINK) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase();
  if (scheme === 'tel' || scheme === 'sms' || scheme === 'mailto') return href.length > scheme.length + 1;
  if (scheme !== 'http' && scheme !== 'https') return false;
  if (profileFromLink(href, adapters)) return true;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  const host = url.hostname.toLowerCase().replace(/^(?:www|m|mobile|web)\./, '');
  return readProfile(host, (url.pathname + url.search).replace(/^\//, '')) !== null;
}

/** The links worth sending, each once, in page order, at most `max`. */
export function handleLinks(hrefs: Iterable<string>, max: number, adapters: readonly SiteAdapter[] = SITE_ADAPTERS): string[] {
  const kept = new Set<string>();
  for (const href of hrefs) {
    if (kept.size >= max) break;
    if (isHandleLink(href, adapters)) kept.add(href);
  }
  return [...kept];
}
