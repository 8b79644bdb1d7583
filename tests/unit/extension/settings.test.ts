import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  DEFAULT_SETTINGS,
  hintSiteOf,
  hintsOn,
  loadSettings,
  saveSettings,
  setHintSite,
  settingsItem,
} from '../../../src/extension/storage/settings';

async function raw() {
  return (await fakeBrowser.storage.local.get('settings')).settings;
}

describe('settings', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('defaults to no country and hints on no site', () => {
    expect(DEFAULT_SETTINGS).toEqual({ country: null, hintSites: [], autoLockMinutes: 15, language: 'auto', containers: false });
  });

  it('loads the defaults when nothing is stored', async () => {
    await expect(loadSettings()).resolves.toEqual({ ...DEFAULT_SETTINGS, country: null });
  });

  it.each([
    ['a string', 'junk'],
    ['a number', 42],
    ['an array', ['GB']],
    ['an empty object', {}],
    ['an unknown country', { country: 'XX' }],
    ['a lower-case country', { country: 'gb' }],
    ['a numeric country', { country: 44 }],
    ['a country object', { country: { code: 'GB' } }],
  ])('loads the defaults when storage holds %s', async (_name, junk) => {
    await fakeBrowser.storage.local.set({ settings: junk });
    await expect(loadSettings()).resolves.toEqual({ ...DEFAULT_SETTINGS, country: null });
  });

  it('loads a stored country', async () => {
    await fakeBrowser.storage.local.set({ settings: { country: 'RU' } });
    await expect(loadSettings()).resolves.toEqual({ ...DEFAULT_SETTINGS, country: 'RU' });
  });

  it('saves a country and loads it back', async () => {
    await expect(saveSettings({ country: 'GB' })).resolves.toEqual({ ...DEFAULT_SETTINGS, country: 'GB' });
    await expect(loadSettings()).resolves.toEqual({ ...DEFAULT_SETTINGS, country: 'GB' });
    expect(await raw()).toEqual({ ...DEFAULT_SETTINGS, country: 'GB' });
  });

  it('saves going back to automatic', async () => {
    await saveSettings({ country: 'GB' });
    await expect(saveSettings({ country: null })).resolves.toEqual({ ...DEFAULT_SETTINGS, country: null });
    await expect(loadSettings()).resolves.toEqual({ ...DEFAULT_SETTINGS, country: null });
  });

  it('saving nothing keeps what is stored', async () => {
    await saveSettings({ country: 'MX' });
    await expect(saveSettings({})).resolves.toEqual({ ...DEFAULT_SETTINGS, country: 'MX' });
    expect(await raw()).toEqual({ ...DEFAULT_SETTINGS, country: 'MX' });
  });

  it('saving over junk replaces it', async () => {
    await fakeBrowser.storage.local.set({ settings: 'junk' });
    await expect(saveSettings({ country: 'CN' })).resolves.toEqual({ ...DEFAULT_SETTINGS, country: 'CN' });
    expect(await raw()).toEqual({ ...DEFAULT_SETTINGS, country: 'CN' });
  });

  it.each(['XX', 'gb', 'GBR', ''])('refuses the country %j and keeps the stored value', async (country) => {
    await saveSettings({ country: 'GB' });
    // @ts-expect-error: not a CountryCode
    await expect(saveSettings({ country })).rejects.toThrow();
    expect(await raw()).toEqual({ ...DEFAULT_SETTINGS, country: 'GB' });
    await expect(loadSettings()).resolves.toEqual({ ...DEFAULT_SETTINGS, country: 'GB' });
  });

  it.each([
    ['a hint site with a scheme', ['https://tryst.link']],
    ['an upper-case hint site', ['Tryst.link']],
    ['a hint site with a path', ['tryst.link/ads']],
    ['hint sites that are not a list', 'tryst.link'],
  ])('loads the defaults when storage holds %s', async (_name, hintSites) => {
    await fakeBrowser.storage.local.set({ settings: { country: 'GB', hintSites } });
    await expect(loadSettings()).resolves.toEqual(DEFAULT_SETTINGS);
  });
});

describe('settings migration', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('takes version 1 (a country only) to the current version with hints off everywhere', async () => {
    // As version 1 left it: the value, and no version mark (WXT reads that as version 1).
    await fakeBrowser.storage.local.set({ settings: { country: 'RU' } });
    await settingsItem.migrate();
    expect(await raw()).toEqual({ ...DEFAULT_SETTINGS, country: 'RU' });
    expect((await fakeBrowser.storage.local.get('settings$'))['settings$']).toEqual({ v: 3 });
    await expect(loadSettings()).resolves.toEqual({ ...DEFAULT_SETTINGS, country: 'RU' });
  });

  it('leaves junk from version 1 as it is, to be read as the defaults', async () => {
    await fakeBrowser.storage.local.set({ settings: 'junk' });
    await settingsItem.migrate();
    expect(await raw()).toBe('junk');
    await expect(loadSettings()).resolves.toEqual(DEFAULT_SETTINGS);
  });

  it('takes version 2 to version 3, keeping its country and hint sites', async () => {
    await fakeBrowser.storage.local.set({ settings: { country: 'GB', hintSites: ['tryst.link'] }, settings$: { v: 2 } });
    await settingsItem.migrate();
    expect(await raw()).toEqual({ ...DEFAULT_SETTINGS, country: 'GB', hintSites: ['tryst.link'] });
    expect((await fakeBrowser.storage.local.get('settings$'))['settings$']).toEqual({ v: 3 });
  });

  it('does nothing when nothing was stored', async () => {
    await settingsItem.migrate();
    expect(await raw()).toBeUndefined();
  });
});

describe('in-page hints per site', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('are off everywhere by default', () => {
    expect(hintsOn(DEFAULT_SETTINGS, 'https://tryst.link/profile')).toBe(false);
    expect(hintsOn(DEFAULT_SETTINGS, 'http://127.0.0.1:5174/parasol-demo/profile.html')).toBe(false);
  });

  it('turn on for one site and its subdomains only', async () => {
    const settings = await setHintSite('tryst.link', true);
    expect(settings.hintSites).toEqual(['tryst.link']);
    expect(hintsOn(settings, 'https://tryst.link/edit')).toBe(true);
    expect(hintsOn(settings, 'https://www.tryst.link/edit')).toBe(true);
    expect(hintsOn(settings, 'https://eros.com/edit')).toBe(false);
    expect(hintsOn(settings, 'https://nottryst.link/edit')).toBe(false);
    expect(hintsOn(settings, 'https://tryst.link.example.com/')).toBe(false);
    expect(hintsOn(settings, undefined)).toBe(false);
    expect(hintsOn(settings, 'not an address')).toBe(false);
  });

  it('turn off again, keeping the other sites', async () => {
    await setHintSite('tryst.link', true);
    await setHintSite('127.0.0.1', true);
    const settings = await setHintSite('tryst.link', false);
    expect(settings.hintSites).toEqual(['127.0.0.1']);
    expect(await raw()).toEqual({ ...DEFAULT_SETTINGS, hintSites: ['127.0.0.1'] });
    expect(hintsOn(settings, 'http://127.0.0.1:5174/parasol-demo/profile.html')).toBe(true);
  });

  it('name a page by the listed site it belongs to, else by its host', () => {
    const listed = ['tryst.link', '127.0.0.1'];
    expect(hintSiteOf('https://www.tryst.link/a', listed)).toBe('tryst.link');
    expect(hintSiteOf('http://127.0.0.1:5174/parasol-demo/', listed)).toBe('127.0.0.1');
    expect(hintSiteOf('https://Example.COM/x', listed)).toBe('example.com');
    expect(hintSiteOf('chrome://extensions', listed)).toBeUndefined();
    expect(hintSiteOf('file:///home/ad.html', listed)).toBeUndefined();
  });
});
