/**
 * Where, on a built-in site, a client's handle shows: which elements hold messages and
 * profiles (their text is checked), which hold a sender's username, and how the site's own
 * profile addresses name an account. Data only, so a site's layout change is a one-line fix;
 * pure functions, so the background reads the same profile addresses the content script sends.
 *
 * Only layouts known for sure are listed. Other sites fall back to Readability (article-like
 * pages) or the page's visible text; profile links of the big platforms (instagram.com/…,
 * wa.me/…, t.me/…) are read by the text finders' own table wherever they appear.
 */
export interface SiteAdapter {
  /** The site's name in a normal handle: `user:<site>:<name>`. */
  site: string;
  /** Host names (a subdomain matches too); `host:port` for the local demo site. */
  hosts: string[];
  /** CSS selectors of message-like content (conversations, profiles), read as visible text. */
  messages: string[];
  /** CSS selectors of elements whose whole text is a username on this site (a message's sender). */
  names?: string[];
  /** The site's profile address, `{name}` standing for the account: `/users/{name}`. */
  profile?: string;
}

export const SITE_ADAPTERS: readonly SiteAdapter[] = [
  {
    // The bundled demo site (tests/fixtures/demo-site): its inbox writes each sender's name.
    site: 'velvetstreet',
    hosts: ['127.0.0.1'],
    messages: ['article.message'],
    names: ['article.message .from'],
    profile: '/parasol-demo/profile.html?u={name}',
  },
  { site: 'fetlife', hosts: ['fetlife.com'], messages: ['[role="log"]', 'main article'], profile: '/{name}' },
  { site: 'onlyfans', hosts: ['onlyfans.com'], messages: ['[role="log"]', '.b-chat__messages'], profile: '/{name}' },
  { site: 'fansly', hosts: ['fansly.com'], messages: ['[role="log"]', 'app-messages-route'], profile: '/{name}' },
  { site: 'tryst', hosts: ['tryst.link'], messages: ['[role="log"]', 'main article'] },
  { site: 'adultwork', hosts: ['adultwork.com'], messages: ['[role="log"]', 'main article'] },
];

/** Generic message containers: tried on pages with no adapter before the article and whole-page readings. */
export const GENERIC_MESSAGES: readonly string[] = ['[role="log"]', '[role="feed"] [role="article"]'];

/** A username is at most this long on every listed site; anything longer is not a name. */
const MAX_NAME = 64;
const NAME = /^[\p{L}\p{N}._\-]{2,64}$/u;

export function adapterFor(host: string, adapters: readonly SiteAdapter[] = SITE_ADAPTERS): SiteAdapter | undefined {
  const lower = host.toLowerCase();
  return adapters.find((adapter) => adapter.hosts.some((known) => lower === known || lower.endsWith(`.${known}`)));
}

/** The site's profile address for a name read from the page, or undefined when the site has none or it is no name. */
export function profileLink(adapter: SiteAdapter, origin: string, name: string): string | undefined {
  const clean = name.trim().replace(/^@/, '');
  if (!adapter.profile || !NAME.test(clean)) return undefined;
  return new URL(adapter.profile.replace('{name}', encodeURIComponent(clean)), origin).href;
}

/**
 * The account a link to a built-in site's profile names, as `{site, name}`. The path (and query)
 * must be the profile address exactly: `/users/123/pictures` or the site's own pages are not people.
 */
export function profileFromLink(href: string, adapters: readonly SiteAdapter[] = SITE_ADAPTERS): { site: string; name: string } | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const adapter = adapterFor(url.hostname, adapters);
  if (!adapter?.profile) return undefined;
  const [before, after] = adapter.profile.split('{name}') as [string, string];
  const written = url.pathname + url.search;
  if (!written.startsWith(before) || !written.endsWith(after) || written.length - after.length <= before.length) return undefined;
  let name: string;
  try {
    name = decodeURIComponent(written.slice(before.length, written.length - after.length));
  } catch {
    return undefined;
  }
  if (name.length > MAX_NAME || !NAME.test(name) || SITE_PAGES.has(name.toLowerCase())) return undefined;
  return { site: adapter.site, name };
}

/** First path segments that are a site's own pages, not accounts, on sites whose profiles are `/{name}`. */
const SITE_PAGES = new Set([
  'home', 'login', 'signup', 'register', 'settings', 'messages', 'inbox', 'notifications', 'search', 'explore',
  'help', 'about', 'terms', 'privacy', 'legal', 'my', 'users', 'groups', 'places', 'events', 'posts', 'p',
  'conversations', 'chats', 'feed', 'account', 'profile', 'profile.html', 'index.html', 'inbox.html',
]);
