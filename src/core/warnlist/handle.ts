// Any way a client's handle is written → its one normal form (types.ts: NormalHandle), so that a
// list's tags and a page's handle meet. Phones go through libphonenumber-js and, for obfuscated
// forms ("2I2 five five five 0147"), through the text finder that reads them in ads.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { findPhones } from '../text/phone';
import { PROFILE_LINK, readProfile } from '../text/shared-social-links';
import { platformWord } from '../text/shared-social-words';
import type { NormalHandle } from './types';

export interface HandleNormalOptions {
  /** Where the person lives: how a number written without its country code is read. */
  country?: CountryCode;
  /** The site a bare username or "@name" was seen on (lower case, e.g. "instagram"). */
  site?: string;
}

/** Longer than any phone, email or username anyone types; stops a pasted page from being parsed as one. */
const MAX_RAW = 320;
const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,62}[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,62}[\p{L}\p{N}])?)+$/u;
const USER_NAME = /^[\p{L}\p{N}_](?:[\p{L}\p{N}._-]{0,63})$/u;
const SITE_NAME = /^[a-z0-9][a-z0-9.-]{0,31}$/;
/** Apps whose accounts are phone numbers: "whatsapp:+1…" is the number. */
const PHONE_APPS = new Set(['whatsapp', 'signal', 'viber']);

export function normalHandle(raw: string, options: HandleNormalOptions = {}): NormalHandle | undefined {
  if (typeof raw !== 'string' || raw.length > MAX_RAW) return undefined;
  const text = raw.normalize('NFC').trim();
  if (!text) return undefined;
  const lower = text.toLowerCase();

  if (lower.startsWith('tel:')) return phone(decodeSafe(text.slice(4)), options.country);
  if (lower.startsWith('mailto:')) return email(decodeSafe(text.slice(7).split('?')[0]!));
  if (lower.startsWith('email:')) return email(text.slice(6));
  if (lower.startsWith('user:')) {
    const [site, ...rest] = text.slice(5).split(':');
    return rest.length === 1 ? user(rest[0]!, site!.toLowerCase()) : undefined;
  }

  const link = profileLink(text);
  if (link !== null) return link;

  // "instagram:name", "IG: name", "whatsapp: +1 212…"
  const labelled = /^([\p{L}\p{N} ']{1,20}?)\s*:\s*(.+)$/u.exec(text);
  if (labelled) {
    const site = platformWord(labelled[1]!.trim())?.platform;
    if (site) {
      if (PHONE_APPS.has(site)) return phone(labelled[2]!, options.country);
      return user(labelled[2]!, site);
    }
  }

  if (text.includes('@') && !text.startsWith('@')) return email(text);
  if (text.startsWith('@')) return user(text.slice(1), options.site);
  if (/\d/.test(text) && (text.replace(/\D/g, '').length >= 7 || /[a-z]/i.test(text))) {
    const number = phone(text, options.country);
    if (number) return number;
  }
  return user(text, options.site);
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function email(text: string): NormalHandle | undefined {
  const address = text.trim().toLowerCase();
  return EMAIL.test(address) ? `email:${address}` : undefined;
}

function user(name: string, site: string | undefined): NormalHandle | undefined {
  const clean = name.trim().replace(/^@\s*/, '').toLowerCase();
  const where = (site ?? 'any').toLowerCase();
  if (!USER_NAME.test(clean) || !SITE_NAME.test(where)) return undefined;
  return `user:${where}:${clean}`;
}

function phone(text: string, country: CountryCode | undefined): NormalHandle | undefined {
  const plain = text.trim();
  if (/^\+?[\d\s().\-]{7,24}$/.test(plain)) {
    const parsed = parsePhoneNumberFromString(plain, country ?? 'US');
    if (parsed?.isValid()) return `tel:${parsed.number}`;
  }
  // Obfuscated forms: the ad finder's reading, taken only when it read (nearly) all of the text.
  const found = findPhones(plain, country ? { country } : {});
  const only = found.length === 1 ? found[0] : undefined;
  if (only?.normalized?.startsWith('+') && only.value.replace(/\s/g, '').length >= plain.replace(/\s/g, '').length * 0.8) {
    return `tel:${only.normalized}`;
  }
  return undefined;
}

/** wa.me/1212…, t.me/name, instagram.com/name and the other profile addresses the text finders know. */
function profileLink(text: string): NormalHandle | undefined | null {
  PROFILE_LINK.lastIndex = 0;
  const match = PROFILE_LINK.exec(text);
  if (!match || match.index !== 0) return null;
  const read = readProfile(match[1]!, match[2]!);
  if (!read) return undefined;
  const { platform, user: name } = read.account;
  if (name.startsWith('+')) return phone(name, undefined);
  if (PHONE_APPS.has(platform) && /^\d{7,15}$/.test(name)) return phone(`+${name}`, undefined);
  return user(name, platform);
}
