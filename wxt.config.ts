import { defineConfig } from 'wxt';
import { BUILT_IN_SITES } from './src/extension/sites';

// Firefox for Android and desktop share one MV3 build; Chrome gets the same manifest.
export default defineConfig({
  // PARASOL_OUTPUT lets several checkouts' builds and test runs share one machine without clobbering.
  outDir: process.env.PARASOL_OUTPUT ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // activeTab + scripting: check any other page only when the person asks, from the popup.
    permissions: ['storage', 'activeTab', 'scripting'],
    host_permissions: [...BUILT_IN_SITES],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'parasol@parasol.invalid',
              // 140 (the current ESR) is the first to read data_collection_permissions.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { minimum_chrome_version: '116' }),
  }),
});
