import { browser } from 'wxt/browser';
import { t } from '../i18n';
import type { SiteIdentityReply } from '../messages';
import { send } from '../send';
import { COLOUR_HEX, ICON_GLYPH } from './options-look';
import type { TabView } from './tab-view';

/**
 * Which of the person's identities the shown tab's site belongs to, as Firefox's containers
 * show it: its colour, its icon and its name in words. While the vault is locked it says that
 * identities are not being checked, with a way to unlock. Element by id: `site-identity`.
 */
export function startSiteIdentity(doc: Document, view: TabView): void {
  const strip = doc.getElementById('site-identity')!;
  let asked = 0;

  const update = async () => {
    const tabId = view.tabId;
    const ticket = ++asked;
    const reply: SiteIdentityReply = tabId === undefined ? { state: 'new' } : await send({ type: 'site/identity', tabId }).catch(() => ({ state: 'new' as const }));
    if (ticket === asked) draw(doc, strip, reply);
  };

  // The list is drawn again at every change of the tab's findings; the identity only changes with
  // the tab's page or the vault, so it is asked for then, not at each keystroke.
  let shown: string | undefined;
  view.onState((state, tabId) => {
    const page = `${tabId} ${state.pageOrigin ?? ''}`;
    if (page === shown) return;
    shown = page;
    void update();
  });
  // Locking or unlocking anywhere (options page, auto-lock), or identities saved, change what the popup can say.
  browser.storage.onChanged.addListener((changes, area) => {
    if ((area === 'session' && 'vaultKey' in changes) || (area === 'local' && 'vault' in changes)) void update();
  });
}

const SITE_OF = { personal: 'popupSitePersonal', work: 'popupSiteWork' } as const;

function draw(doc: Document, strip: HTMLElement, { state, identity }: SiteIdentityReply): void {
  strip.hidden = state === 'new';
  strip.className = `site-identity site-identity-${state}`;
  if (state === 'locked') {
    const text = doc.createElement('p');
    text.textContent = t('popupUnlockToCheck');
    const button = doc.createElement('button');
    button.type = 'button';
    button.textContent = t('popupUnlock');
    button.addEventListener('click', () => void browser.runtime.openOptionsPage());
    strip.replaceChildren(text, button);
    return;
  }
  if (!identity) {
    const text = doc.createElement('p');
    text.textContent = t('popupSiteNoIdentity');
    strip.replaceChildren(text);
    return;
  }
  const badge = doc.createElement('span');
  badge.className = 'identity-badge';
  badge.setAttribute('aria-hidden', 'true');
  badge.style.setProperty('--identity-colour', COLOUR_HEX[identity.colour]);
  badge.textContent = ICON_GLYPH[identity.icon];
  const text = doc.createElement('p');
  text.textContent = t(SITE_OF[identity.kind], identity.label);
  strip.replaceChildren(badge, text);
}
