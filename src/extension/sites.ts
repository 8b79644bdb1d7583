/**
 * Sites Parasol checks without being asked: ad sites and dating sites where people write an ad
 * or a profile. Any other page is checked only when the person asks, from the popup.
 * Kept short on purpose: each entry is a host permission the extension holds.
 */
export const AD_AND_DATING_SITES = [
  '*://*.tryst.link/*',
  '*://*.eros.com/*',
  '*://*.slixa.com/*',
  '*://*.adultwork.com/*',
  '*://*.skipthegames.com/*',
  '*://*.megapersonals.eu/*',
  '*://*.privatedelights.ch/*',
  '*://*.kaufmich.com/*',
  '*://*.onlyfans.com/*',
  '*://*.fansly.com/*',
  '*://*.fetlife.com/*',
  '*://*.seeking.com/*',
  '*://*.okcupid.com/*',
  '*://*.tinder.com/*',
  '*://*.bumble.com/*',
  '*://*.pof.com/*',
  '*://*.match.com/*',
] as const;

/** The bundled demo ad site (`npm start`, end-to-end tests): served on this machine only. */
export const DEMO_SITE = 'http://127.0.0.1/parasol-demo/*';

export const BUILT_IN_SITES = [...AD_AND_DATING_SITES, DEMO_SITE] as const;

/** "*://*.tryst.link/*" → "tryst.link", for showing the list to people. */
export function siteLabel(pattern: string): string {
  return pattern.replace(/^[^:]+:\/\//, '').replace(/^\*\./, '').replace(/\/.*$/, '');
}
