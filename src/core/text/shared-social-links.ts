/**
 * Profile links: which sites' addresses name a person's account, and where in the address the
 * account name stands. Posts, searches and settings pages name no one and are skipped.
 */

export interface Account {
  platform: string;
  /** The name as written (no sigil), or a phone number in E.164 for WhatsApp-style links. */
  user: string;
}

/** An account and the path segment that named it (-1: the query did). */
type Read = Account & { segment: number };
type Reader = (segments: string[], query: string) => Read | null;

/** The first path segment is the account, unless it is one of the site's own pages. */
function firstSegment(platform: string, reserved = ''): Reader {
  const skip = new Set(reserved.split(' ').filter(Boolean));
  return (segments) => {
    const name = segments[0];
    if (!name || skip.has(name.toLowerCase())) return null;
    return { platform, user: name.replace(/^@/, ''), segment: 0 };
  };
}

/** The segment after a fixed prefix: reddit.com/u/<name>, snapchat.com/add/<name>. */
function afterPrefix(platform: string, prefixes: string): Reader {
  const allowed = new Set(prefixes.split(' '));
  return (segments) => {
    const [prefix, name] = segments;
    if (!prefix || !name || !allowed.has(prefix.toLowerCase())) return null;
    return { platform, user: name.replace(/^@/, ''), segment: 1 };
  };
}

/** A segment written "@name": tiktok.com/@name, youtube.com/@name, threads.net/@name. */
function atSegment(platform: string): Reader {
  return (segments) => {
    const name = segments[0];
    if (!name?.startsWith('@') || name.length < 2) return null;
    return { platform, user: name.slice(1), segment: 0 };
  };
}

function either(...readers: Reader[]): Reader {
  return (segments, query) => {
    for (const read of readers) {
      const account = read(segments, query);
      if (account) return account;
    }
    return null;
  };
}

/** wa.me/<digits>, api.whatsapp.com/send?phone=<digits>: international numbers without the "+". */
function phoneIn(platform: string, where: 'path' | 'query'): Reader {
  return (segments, query) => {
    const raw = where === 'path' ? segments[0] : /(?:^|&)phone=(?:%2B|\+)?(\d{6,15})/i.exec(query)?.[1];
    const digits = raw?.replace(/^\+/, '');
    if (!digits || !/^\d{6,15}$/.test(digits)) return null;
    return { platform, user: `+${digits}`, segment: where === 'path' ? 0 : -1 };
  };
}

const TWITTER_PAGES = 'home i search hashtag intent share explore settings messages notifications login signup tos privacy compose';
const FACEBOOK_PAGES =
  'groups pages events watch marketplace photo photo.php photos sharer sharer.php share story.php permalink.php login help hashtag gaming reel reels home.php search';

/** Site host (lower-case, without "www.") to how its addresses name an account. */
const PROFILE_HOSTS: Record<string, Reader> = {
  'instagram.com': firstSegment('instagram', 'p reel reels explore accounts tv direct about developer legal'),
  'instagr.am': firstSegment('instagram', 'p reel reels explore accounts tv'),
  't.me': firstSegment('telegram', 'joinchat addstickers addemoji share s c proxy socks iv'),
  'telegram.me': firstSegment('telegram', 'joinchat addstickers share s c'),
  'telegram.dog': firstSegment('telegram', 'joinchat addstickers share s c'),
  'wa.me': phoneIn('whatsapp', 'path'),
  'api.whatsapp.com': phoneIn('whatsapp', 'query'),
  'whatsapp.com': phoneIn('whatsapp', 'query'),
  'onlyfans.com': firstSegment('onlyfans', 'my action api2 files help legal terms privacy about'),
  'x.com': firstSegment('x', TWITTER_PAGES),
  'twitter.com': firstSegment('x', TWITTER_PAGES),
  'mobile.twitter.com': firstSegment('x', TWITTER_PAGES),
  'tiktok.com': atSegment('tiktok'),
  'facebook.com': either((segments, query) => {
    if (segments[0]?.toLowerCase() !== 'profile.php') return null;
    const id = /(?:^|&)id=(\d{3,20})/.exec(query)?.[1];
    return id ? { platform: 'facebook', user: id, segment: -1 } : null;
  }, firstSegment('facebook', FACEBOOK_PAGES + ' profile.php')),
  'fb.com': firstSegment('facebook', FACEBOOK_PAGES),
  'fb.me': firstSegment('facebook', FACEBOOK_PAGES),
  'm.facebook.com': firstSegment('facebook', FACEBOOK_PAGES + ' profile.php'),
  'snapchat.com': either(afterPrefix('snapchat', 'add'), atSegment('snapchat')),
  'linktr.ee': firstSegment('linktree', 's'),
  'fansly.com': firstSegment('fansly', 'post posts explore settings'),
  'reddit.com': afterPrefix('reddit', 'u user'),
  'old.reddit.com': afterPrefix('reddit', 'u user'),
  'youtube.com': either(atSegment('youtube'), afterPrefix('youtube', 'c user channel')),
  'threads.net': atSegment('threads'),
  'threads.com': atSegment('threads'),
  'kik.me': firstSegment('kik'),
  'vk.com': firstSegment('vk', 'feed im search wall video photo audio music'),
  'ok.ru': afterPrefix('ok', 'profile'),
  'linkedin.com': afterPrefix('linkedin', 'in'),
  'pinterest.com': firstSegment('pinterest', 'pin search ideas'),
  'tumblr.com': firstSegment('tumblr', 'tagged search explore dashboard'),
  'patreon.com': firstSegment('patreon', 'posts login search'),
  'fanvue.com': firstSegment('fanvue', 'signin signup'),
  'loyalfans.com': firstSegment('loyalfans', 'login'),
  'fancentro.com': firstSegment('fancentro', 'login'),
  'justfor.fans': firstSegment('justforfans', 'login'),
  'chaturbate.com': firstSegment('chaturbate', 'tags accounts auth female-cams male-cams couple-cams'),
  'allmylinks.com': firstSegment('allmylinks'),
  'beacons.ai': firstSegment('beacons'),
  'bsky.app': afterPrefix('bluesky', 'profile'),
  'weibo.com': firstSegment('weibo', 'u'),
  'discord.gg': firstSegment('discord'),
  'twitch.tv': firstSegment('twitch', 'directory videos search'),
  'line.me': (segments) => {
    const name = segments[0] === 'ti' && segments[1] === 'p' ? segments[2] : undefined;
    return name ? { platform: 'line', user: name.replace(/^[~@]/, ''), segment: 2 } : null;
  },
};

const HOSTS = Object.keys(PROFILE_HOSTS)
  .sort((a, b) => b.length - a.length)
  .map((host) => host.replace(/\./g, String.raw`\.`))
  .join('|');

/**
 * A profile address (sticky: tried where linkStarts says one may start): optional scheme and "www."/"m.", a known host, then its path and query.
 * Never inside a longer host name ("notinstagram.com") or an email address.
 */
export const PROFILE_LINK = new RegExp(
  String.raw`(?<![\p{L}\p{N}_.@/\-])(?:https?://)?(?:(?:www|m|mobile|web|vm)\.)?(${HOSTS})(?![\p{L}\p{N}\-])/([^\s"'<>()\[\]{}#,]{1,200})`,
  'iuy',
);

/** Account named by a link's host and path, and how many characters of the path it covers. */
export function readProfile(host: string, rest: string): { account: Account; used: number } | null {
  const read = PROFILE_HOSTS[host.toLowerCase()];
  if (!read) return null;
  // An address ends at the first character no account name or query uses ("jane!", "jane…").
  rest = /^[\p{L}\p{N}._\-@~+%=&/?:]*/u.exec(rest)![0];
  const cut = rest.indexOf('?');
  const path = cut < 0 ? rest : rest.slice(0, cut);
  const query = cut < 0 ? '' : rest.slice(cut + 1);
  const segments = path.split('/');
  const found = read(segments, query);
  if (!found) return null;
  const user = found.user.replace(/[.\-]+$/, '');
  if (!/[\p{L}\p{N}]/u.test(user)) return null;
  // The span ends at the account name (or the query that held it), not at a post after it.
  let used = rest.length;
  if (found.segment >= 0) {
    const before = segments.slice(0, found.segment).join('/').length + (found.segment > 0 ? 1 : 0);
    used = before + segments[found.segment]!.replace(/[.\-]+$/, '').length;
  }
  return { account: { platform: found.platform, user }, used };
}
