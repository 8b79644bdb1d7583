import { browser } from 'wxt/browser';
import { BUILT_IN_SITES } from '../sites';
import { onWipe } from './vault/wipe';

const SCRIPT_ID = 'parasol-added-sites';

/**
 * Sites the person added in the options page (for an identity) are watched like the built-in
 * ones once they granted the site's optional host permission: the content script is registered
 * for exactly the granted origins, and follows every grant or removal. It needs no identity, so
 * it works the same while the vault is locked.
 */
export function watchAddedSites(): void {
  const sync = () => void syncAddedSites().catch(() => undefined);
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  sync();
  // After a wipe no site the person added stays watched or granted.
  onWipe(async () => {
    const origins = await addedOrigins();
    if (origins.length > 0) await browser.permissions.remove({ origins });
    await syncAddedSites();
  });
}

/** The host part of a match pattern ("*://*.tryst.link/*" → "*.tryst.link"). */
function patternHost(pattern: string): string {
  return pattern.replace(/^[^:]+:\/\//, '').replace(/\/.*$/, '');
}

/**
 * Granted origins beyond the built-in sites. Compared by host: a browser may report a built-in
 * pattern in another form (Chrome drops the demo site's path).
 */
async function addedOrigins(): Promise<string[]> {
  const builtIn = new Set<string>(BUILT_IN_SITES.map(patternHost));
  return ((await browser.permissions.getAll()).origins ?? []).filter((origin) => !builtIn.has(patternHost(origin)));
}

export async function syncAddedSites(): Promise<void> {
  const origins = await addedOrigins();
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (origins.length === 0) return;
  await browser.scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      matches: origins,
      js: ['/content-scripts/content.js'],
      allFrames: true,
      runAt: 'document_idle',
    },
  ]);
}
