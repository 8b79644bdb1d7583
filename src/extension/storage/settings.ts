import * as v from 'valibot';
import { getCountries, type CountryCode } from 'libphonenumber-js';
import { storage } from 'wxt/utils/storage';

const COUNTRIES = new Set<string>(getCountries());

const SettingsSchema = v.object({
  /** Where the person lives, for numbers written without a country code; null: from the browser's language. */
  country: v.nullable(v.custom<CountryCode>((x) => typeof x === 'string' && COUNTRIES.has(x))),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { country: null };

/**
 * Versioned: when the shape changes, raise `version` and add a step to `migrations`
 * (WXT runs every step from the stored version up, in order).
 */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
  migrations: {},
});

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
