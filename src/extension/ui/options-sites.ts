import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { SitePattern, type Identity } from '../../core/identity/schema';
import { t } from '../i18n';
import { BUILT_IN_SITES, siteLabel } from '../sites';
import { h } from './options-dom';
import { identityBadge, kindName } from './options-look';

const BUILT_IN_HOSTS = BUILT_IN_SITES.map(siteLabel);

/** A site as the person typed or pasted it ("https://WWW.Tryst.link/ad/1") in the vault's one form, or undefined. */
export function siteFromInput(input: string): string | undefined {
  let host = input.trim();
  // A pasted address: keep only its host.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(host)) {
    try {
      host = new URL(host).hostname;
    } catch {
      return undefined;
    }
  } else host = host.replace(/[/?#].*$/, '');
  const parsed = v.safeParse(SitePattern, host);
  return parsed.success ? parsed.output : undefined;
}

/** Parasol checks these without being asked (their host permission is in the manifest). */
export function isBuiltInSite(site: string): boolean {
  return BUILT_IN_HOSTS.some((host) => site === host || site.endsWith(`.${host}`));
}

function originsOf(site: string): string[] {
  return [`*://*.${site}/*`, `*://${site}/*`];
}

/**
 * Asks the browser for the site's optional host permission. Call it straight from a click
 * handler, before any await: the browser asks the person only during a user gesture.
 */
export function requestSitePermission(site: string): Promise<boolean> {
  if (isBuiltInSite(site)) return Promise.resolve(true);
  return browser.permissions.request({ origins: originsOf(site) }).catch(() => false);
}

export async function hasSitePermission(site: string): Promise<boolean> {
  if (isBuiltInSite(site)) return true;
  return browser.permissions.contains({ origins: originsOf(site) }).catch(() => false);
}

/** What Parasol does on a site, in words: checked on its own, or only when asked from the toolbar button. */
export function accessNote(allowed: boolean): string {
  return t(allowed ? 'sitesChecked' : 'sitesOnlyWhenAsked');
}

/** The overview: every site of every identity, and the identity it belongs to. */
export function sitesOverview(identities: readonly Identity[]): HTMLElement {
  const heading = h('h2', { id: 'site-map-heading' }, t('sitesMapHeading'));
  const rows = identities.flatMap((identity) => identity.sites.map((site) => ({ site, identity })));
  rows.sort((a, b) => a.site.localeCompare(b.site));
  const section = h('section', { id: 'site-map', 'aria-labelledby': 'site-map-heading' }, heading, h('p', { class: 'help' }, t('sitesMapHelp')));
  if (rows.length === 0) {
    section.append(h('p', { class: 'empty' }, t('sitesMapEmpty')));
    return section;
  }
  const list = h('ul', { class: 'site-map' });
  for (const { site, identity } of rows) {
    const note = h('span', { class: 'note' });
    const item = h(
      'li',
      { 'data-site': site },
      h('span', { class: 'site' }, site),
      h('span', { class: 'owner' }, identityBadge(identity), `${identity.label} (${kindName(identity.kind)})`),
      note,
    );
    void hasSitePermission(site).then((allowed) => {
      note.textContent = accessNote(allowed);
    });
    list.append(item);
  }
  section.append(list);
  return section;
}
