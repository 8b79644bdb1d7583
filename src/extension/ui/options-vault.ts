import { browser } from 'wxt/browser';
import type { Identity } from '../../core/identity/schema';
import { t } from '../i18n';
import type { VaultState } from '../messages';
import { send } from '../send';
import { focusHeading, h } from './options-dom';
import { backupSection, importer } from './options-backup';
import { identitiesSection } from './options-identities';
import { listsSection } from './options-lists';
import { reportSection } from './options-report';
import { securitySection, wipe } from './options-security';
import { sitesOverview } from './options-sites';
import { unlockView } from './options-unlock';
import { welcomeView } from './options-welcome';

/**
 * The part of the options page that depends on the vault: the welcome (no vault), the unlock
 * form (locked), or the identities, sites, security and backup sections (unlocked). It follows
 * the vault when it changes elsewhere: a lock from the popup or auto-lock shows the unlock form.
 */
export function startVaultArea(root: HTMLElement, news: HTMLElement): void {
  let drawn: VaultState | undefined;
  let drawing: Promise<void> | undefined;

  async function draw(force: boolean, message?: string): Promise<void> {
    const { state } = await send({ type: 'vault/status' });
    if (!force && state === drawn) return;
    news.textContent = message ?? '';
    if (state === 'unlocked') {
      const reply = await send({ type: 'identities/get' });
      if (!reply.ok) return draw(true);
      drawn = state;
      root.replaceChildren(...unlocked(reply.identities));
      // The person just unlocked or restored: start them at the identities (a check that found a change elsewhere keeps focus where it was).
      if (force && message === undefined && document.activeElement === document.body) {
        const heading = root.querySelector<HTMLElement>('#identities-heading');
        if (heading) focusHeading(heading);
      }
    } else {
      drawn = state;
      root.replaceChildren(...(state === 'new' ? [welcomeView(() => redraw()), restoreSection()] : [unlockView(() => redraw(), () => redraw()), lockedChoices()]));
    }
    root.dataset.state = state;
  }

  function redraw(message?: string): void {
    drawing = draw(true, message);
  }

  function unlocked(identities: Identity[]): HTMLElement[] {
    const map = h('div', {}, sitesOverview(identities));
    const onChange = (next: Identity[]) => map.replaceChildren(sitesOverview(next));
    return [identitiesSection(identities, onChange, () => redraw()), map, listsSection(), reportSection(), securitySection(redraw), backupSection(redraw)];
  }

  /** A new device: the person may bring their identities from a backup instead of starting empty. */
  function restoreSection(): HTMLElement {
    return h('section', { id: 'restore', 'aria-labelledby': 'restore-heading' }, h('h2', { id: 'restore-heading' }, t('welcomeRestoreHeading')), importer(redraw));
  }

  /** Locked, and the passphrase is forgotten or everything must go now: wipe, or restore a backup. */
  function lockedChoices(): HTMLElement {
    return h(
      'section',
      { id: 'locked-choices', 'aria-labelledby': 'locked-choices-heading' },
      h('h2', { id: 'locked-choices-heading' }, t('lockedChoicesHeading')),
      h('p', { class: 'help' }, t('lockedChoicesHelp')),
      wipe(redraw),
      importer(redraw),
    );
  }

  function check(): void {
    if (document.visibilityState !== 'visible') return;
    // One draw at a time; a check while one runs would only see the same state.
    drawing = (drawing ?? Promise.resolve()).then(() => draw(false)).catch(() => undefined);
  }

  drawing = draw(true);
  addEventListener('focus', check);
  document.addEventListener('visibilitychange', check);
  // A lock or unlock anywhere (popup, auto-lock, another tab) changes the key in storage.session.
  browser.storage.onChanged.addListener((changes, area) => {
    if ((area === 'session' && 'vaultKey' in changes) || (area === 'local' && 'vault' in changes)) check();
  });
}
