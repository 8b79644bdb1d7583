import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS, loadSettings, saveSettings } from '../../../src/extension/storage/settings';

async function raw() {
  return (await fakeBrowser.storage.local.get('settings')).settings;
}

describe('settings', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('defaults to no country', () => {
    expect(DEFAULT_SETTINGS).toEqual({ country: null });
  });

  it('loads the defaults when nothing is stored', async () => {
    await expect(loadSettings()).resolves.toEqual({ country: null });
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
    await expect(loadSettings()).resolves.toEqual({ country: null });
  });

  it('loads a stored country', async () => {
    await fakeBrowser.storage.local.set({ settings: { country: 'RU' } });
    await expect(loadSettings()).resolves.toEqual({ country: 'RU' });
  });

  it('saves a country and loads it back', async () => {
    await expect(saveSettings({ country: 'GB' })).resolves.toEqual({ country: 'GB' });
    await expect(loadSettings()).resolves.toEqual({ country: 'GB' });
    expect(await raw()).toEqual({ country: 'GB' });
  });

  it('saves going back to automatic', async () => {
    await saveSettings({ country: 'GB' });
    await expect(saveSettings({ country: null })).resolves.toEqual({ country: null });
    await expect(loadSettings()).resolves.toEqual({ country: null });
  });

  it('saving nothing keeps what is stored', async () => {
    await saveSettings({ country: 'MX' });
    await expect(saveSettings({})).resolves.toEqual({ country: 'MX' });
    expect(await raw()).toEqual({ country: 'MX' });
  });

  it('saving over junk replaces it', async () => {
    await fakeBrowser.storage.local.set({ settings: 'junk' });
    await expect(saveSettings({ country: 'CN' })).resolves.toEqual({ country: 'CN' });
    expect(await raw()).toEqual({ country: 'CN' });
  });

  it.each(['XX', 'gb', 'GBR', ''])('refuses the country %j and keeps the stored value', async (country) => {
    await saveSettings({ country: 'GB' });
    // @ts-expect-error: not a CountryCode
    await expect(saveSettings({ country })).rejects.toThrow();
    expect(await raw()).toEqual({ country: 'GB' });
    await expect(loadSettings()).resolves.toEqual({ country: 'GB' });
  });
});
