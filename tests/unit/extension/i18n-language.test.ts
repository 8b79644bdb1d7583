import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { chosenLocale, ownLocaleFile, t, useChosenLanguage } from '../../../src/extension/i18n';

// fetch is the browser's: here it serves the very file the extension ships, and records who asked.
const packaged = (url: string) => readFileSync(new URL(`../../../public${new URL(url).pathname}`, import.meta.url), 'utf8');

describe('useChosenLanguage reads only the extension\'s own file, and only for a chosen language', () => {
  let asked: string[];

  beforeEach(() => {
    fakeBrowser.reset();
    asked = [];
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
      asked.push(String(input));
      return new Response(packaged(String(input)), { status: 200 });
    });
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('follows the browser without reading anything when the settings say "auto" or nothing', async () => {
    await useChosenLanguage();
    await fakeBrowser.storage.local.set({ settings: { language: 'auto' } });
    await useChosenLanguage();
    expect(asked).toEqual([]);
    expect(chosenLocale()).toBeUndefined();
  });

  it('reads one packaged messages.json, inside the extension, for the language the person chose', async () => {
    await fakeBrowser.storage.local.set({ settings: { language: 'es' } });
    await useChosenLanguage();
    expect(asked).toEqual([ownLocaleFile('es')]);
    expect(asked[0]!.startsWith(fakeBrowser.runtime.getURL('/'))).toBe(true);
    expect(chosenLocale()).toBe('es');
    expect(t('listRemove')).toBe('Quitar');
  });

  it('never reads a file for a language that is not one of Parasol\'s', async () => {
    await fakeBrowser.storage.local.set({ settings: { language: '../../evil' } });
    await useChosenLanguage();
    expect(asked).toEqual([]);
  });
});
