import { AD_AND_DATING_SITES, DEMO_SITE, siteLabel } from '../sites';
import { hintSiteOf, loadSettings, setHintSite } from '../storage/settings';
import type { TabView } from './tab-view';

/** The sites people see by name: the built-in list; any other page goes by its host. */
export const LISTED_SITES: readonly string[] = [...AD_AND_DATING_SITES, DEMO_SITE].map(siteLabel);

/**
 * "Show hints on this page's site": a switch for the site of the tab on show, in the popup
 * and the side panel. Hidden where Parasol is not watching the page (nothing would be marked).
 * Elements by id: `hints-here` (the row), `hints-toggle` (its checkbox).
 */
export function startHintsSwitch(doc: Document, view: TabView): void {
  const row = doc.getElementById('hints-here')!;
  const toggle = doc.getElementById('hints-toggle') as HTMLInputElement;
  let site: string | undefined;

  view.onState(async (state) => {
    const settings = await loadSettings();
    site =
      state.watching && state.pageOrigin
        ? hintSiteOf(state.pageOrigin, [...LISTED_SITES, ...settings.hintSites])
        : undefined;
    row.hidden = site === undefined;
    toggle.checked = site !== undefined && settings.hintSites.includes(site);
  });

  toggle.addEventListener('change', async () => {
    if (site === undefined) return;
    const settings = await setHintSite(site, toggle.checked);
    toggle.checked = settings.hintSites.includes(site);
  });
}
