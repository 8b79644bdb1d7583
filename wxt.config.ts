import { defineConfig } from 'wxt';
import { BUILT_IN_SITES } from './src/extension/sites';
import { faceAssetFiles } from './src/extension/faces/face-assets';

// Firefox for Android and desktop share one MV3 build; Chrome gets the same manifest.
export default defineConfig({
  // PARASOL_OUTPUT lets several checkouts' builds and test runs share one machine without clobbering.
  outDir: process.env.PARASOL_OUTPUT ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  // The face finder's models and .wasm files, copied from their npm packages (not web-accessible).
  hooks: { 'build:publicAssets': (_wxt, files) => void files.push(...faceAssetFiles()) },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // activeTab + scripting: check any other page only when the person asks, from the popup.
    // offscreen (Chrome): the face finder's page; Firefox runs it in a frame of its background page.
    // alarms + idle: the vault's auto-lock.
    // contextualIdentities (Firefox): a container per work persona, an option; it cannot be optional there.
    // unlimitedStorage: warning lists can pass storage.local's 10 MB (they are stored sealed).
    permissions: ['storage', 'unlimitedStorage', 'activeTab', 'scripting', 'alarms', 'idle', ...(browser === 'firefox' ? ['contextualIdentities'] : ['offscreen'])],
    // The face finder is WebAssembly (TensorFlow.js); nothing else is loosened.
    content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';" },
    host_permissions: [...BUILT_IN_SITES],
    // A site the person adds to an identity is asked for, one site at a time, when it is added.
    optional_host_permissions: ['*://*/*'],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          // cookies: opening a tab in a persona's container; asked for when the option is switched on.
          optional_permissions: ['cookies'],
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
