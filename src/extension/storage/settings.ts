import * as v from 'valibot';
import { getCountries, type CountryCode } from 'libphonenumber-js';
import { storage } from 'wxt/utils/storage';

const COUNTRIES = new Set<string>(getCountries());

export const AUTO_LOCK_CHOICES = [1, 5, 15, 30, 60, 240, 0] as const;
export type AutoLockMinutes = (typeof AUTO_LOCK_CHOICES)[number];
const DEFAULT_AUTO_LOCK: AutoLockMinutes = 15;
/** The languages of public/_locales. */
export const LANGUAGE_CHOICES = ['auto', 'en', 'es', 'ru', 'zh_CN'] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

/** A site as the person picks it: a host name, lower-case ("tryst.link", "127.0.0.1"); it covers its subdomains. */
const Site = v.pipe(v.string(), v.maxLength(253), v.regex(/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/));

const SettingsSchema = v.object({
  /** Where the person lives, for numbers written without a country code; null: from the browser's language. */
  country: v.nullable(v.custom<CountryCode>((x) => typeof x === 'string' && COUNTRIES.has(x))),
  /**
   * Sites where Parasol marks findings beside the field, in the page itself. Off everywhere by
   * default: a page can notice a mark, and some sites ban people they suspect of sex work.
   * Optional when read, so a value the migration has not reached yet keeps its country.
   */
  hintSites: v.optional(v.pipe(v.array(Site), v.maxLength(500)), []),
  /** Minutes without using the computer after which the vault locks itself; 0: only when the browser closes. */
  autoLockMinutes: v.optional(v.picklist(AUTO_LOCK_CHOICES), DEFAULT_AUTO_LOCK),
  /** The language of Parasol's pages; 'auto' follows the browser's. */
  language: v.optional(v.picklist(LANGUAGE_CHOICES), 'auto'),
  /** Firefox: open each work persona's sites in a container of its own. */
  containers: v.optional(v.boolean(), false),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { country: null, hintSites: [], autoLockMinutes: DEFAULT_AUTO_LOCK, language: 'auto', containers: false };

/**
 * Versioned: when the shape changes, raise `version` and add a step to `migrations`
 * (WXT runs every step from the stored version up, in order).
 */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 3,
  migrations: {
    // Version 2 added in-page hints, off on every site.
    2: (old: unknown) => (isRecord(old) ? { ...old, hintSites: [] } : old),
    // Version 3 added the vault's auto-lock, the pages' language and Firefox containers.
    3: (old: unknown) => (isRecord(old) ? { autoLockMinutes: DEFAULT_AUTO_LOCK, language: 'auto', containers: false, ...old } : old),
  },
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Settings as stored, or the defaults where storage holds something unexpected. */
export async function loadSettings(): Promise<Settings> {
  const parsed = v.safeParse(SettingsSchema, await settingsItem.getValue());
  return parsed.success ? parsed.output : DEFAULT_SETTINGS;
}

export async function saveSettings(changes: Partial<Settings>): Promise<Settings> {
  const next = v.parse(SettingsSchema, { ...(await loadSettings()), ...changes });
  await settingsItem.setValue(next);
  return next;
}

/** The site a page at `url` belongs to, for hints: a listed site it is part of, or its own host. */
export function hintSiteOf(url: string, listed: readonly string[]): string | undefined {
  let host: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    host = parsed.hostname.toLowerCase();
  } catch {
    return undefined;
  }
  return listed.find((site) => covers(site, host)) ?? host;
}

/** Whether in-page hints are on for a page at `url`. */
export function hintsOn(settings: Settings, url: string | undefined): boolean {
  if (url === undefined) return false;
  const site = hintSiteOf(url, settings.hintSites);
  return site !== undefined && settings.hintSites.includes(site);
}

/** Turns hints on or off for one site. */
export async function setHintSite(site: string, on: boolean): Promise<Settings> {
  const current = (await loadSettings()).hintSites.filter((s) => s !== site);
  return saveSettings({ hintSites: on ? [...current, site].sort() : current });
}

function covers(site: string, host: string): boolean {
  return host === site || host.endsWith(`.${site}`);
}
