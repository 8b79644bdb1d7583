/**
 * How people name an app in a draft ("IG", "insta", "tg", "微信"). Strong names mean the app and
 * nothing else; weak ones are also ordinary words or letters ("snap", "sc", "OF", "line"), so a
 * name after them counts only with a separator or an "@" ("snap: jane", "sc @jane").
 */
const WORDS: Record<string, { strong: string; weak?: string }> = {
  instagram: { strong: 'instagram, insta, ig, instagramm, инстаграм, инстаграмм, инста, инст, инсту' },
  snapchat: { strong: 'snapchat, snapchats, снэпчат, снапчат, 👻', weak: 'snap, sc' },
  telegram: { strong: 'telegram, telegramm, tg, телеграм, телеграмм, телега, тг, 电报', weak: 'tele, tlg' },
  whatsapp: {
    strong: "whatsapp, whats app, what's app, what’s app, whatsap, watsapp, watsap, whatapp, ватсап, вацап, вотсап, ватсапп, вотсапп",
    weak: 'wa, wapp, wsp, whats',
  },
  wechat: { strong: 'wechat, we chat, weixin, 微信号, 微信, 威信, 薇信, v信', weak: 'vx, wx' },
  x: { strong: 'twitter, твиттер', weak: 'X' },
  facebook: { strong: 'facebook, фейсбук, фэйсбук', weak: 'fb' },
  tiktok: { strong: 'tiktok, tik tok, тикток, 抖音', weak: 'tt' },
  onlyfans: { strong: 'onlyfans, only fans, онлифанс', weak: 'OF' },
  fansly: { strong: 'fansly' },
  kik: { strong: 'kik' },
  signal: { strong: 'сигнал', weak: 'signal' },
  reddit: { strong: 'reddit' },
  viber: { strong: 'viber, вайбер, вибер' },
  skype: { strong: 'skype, скайп' },
  discord: { strong: 'discord, дискорд' },
  threads: { strong: '', weak: 'threads' },
  linktree: { strong: 'linktree' },
  line: { strong: 'line id', weak: 'line' },
  qq: { strong: 'qq号', weak: 'qq' },
  vk: { strong: 'вконтакте, vkontakte', weak: 'vk, вк' },
  youtube: { strong: 'youtube, ютуб' },
  twitch: { strong: 'twitch' },
  bluesky: { strong: 'bluesky, bsky' },
  fanvue: { strong: 'fanvue' },
  patreon: { strong: 'patreon' },
  chaturbate: { strong: 'chaturbate' },
};

/** Names that also read as an ordinary word only in some letter case: only "OF" means OnlyFans. */
export const CASE_SENSITIVE = new Set(['OF', 'X']);

export interface PlatformWord {
  word: string;
  platform: string;
  weak: boolean;
}

export const PLATFORM_WORDS: PlatformWord[] = Object.entries(WORDS).flatMap(([platform, { strong, weak = '' }]) => [
  ...strong
    .split(',')
    .map((word) => word.trim())
    .filter(Boolean)
    .map((word) => ({ word, platform, weak: false })),
  ...weak
    .split(',')
    .map((word) => word.trim())
    .filter(Boolean)
    .map((word) => ({ word, platform, weak: true })),
]);

const key = (word: string) => word.toLowerCase().replace(/\s+/g, '');
const BY_WORD = new Map(PLATFORM_WORDS.map((entry) => [key(entry.word), entry]));

/** The app a written name stands for ("Insta" → instagram), or undefined. */
export function platformWord(written: string): PlatformWord | undefined {
  const entry = BY_WORD.get(key(written));
  if (!entry) return undefined;
  if (CASE_SENSITIVE.has(entry.word) && written !== entry.word) return undefined;
  return entry;
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, String.raw`[ \t]?`);
}

/** All the names as one regex alternation, longest first so "instagram" wins over "insta". */
export const PLATFORM_ALTERNATION = [...PLATFORM_WORDS]
  .sort((a, b) => b.word.length - a.word.length)
  .map((entry) => escape(entry.word))
  .join('|');
