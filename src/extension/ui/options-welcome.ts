import { t } from '../i18n';
import { send } from '../send';
import { focusHeading, h, statusLine } from './options-dom';
import { MIN_PASSPHRASE_CHARS, passphrasePair } from './options-passphrase';

/**
 * First run (no vault yet, or after a wipe): what Parasol does, in plain words, and the
 * passphrase that will lock what the person tells it.
 */
export function welcomeView(onCreated: () => void): HTMLElement {
  const heading = h('h2', { id: 'welcome-heading' }, t('welcomeHeading'));
  const points = h(
    'ul',
    { class: 'points' },
    h('li', {}, t('welcomeChecks')),
    h('li', {}, t('welcomeApart')),
    h('li', {}, t('welcomeLocal')),
    h('li', {}, t('welcomeNoNetwork')),
  );
  const pair = passphrasePair(t('welcomePassphraseLabel'), t('welcomePassphraseAgainLabel'), 'welcome');
  const message = statusLine('alert');
  const submit = h('button', { type: 'submit' }, t('welcomeCreate'));
  const form = h(
    'form',
    { id: 'welcome-form', 'aria-labelledby': 'welcome-passphrase-heading', novalidate: true },
    h('h3', { id: 'welcome-passphrase-heading' }, t('welcomePassphraseHeading')),
    h('p', { id: 'welcome-rule', class: 'help' }, t('welcomePassphraseRule', String(MIN_PASSPHRASE_CHARS))),
    h('p', { class: 'help' }, t('welcomePassphraseForget')),
    pair.wrap,
    message,
    submit,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const problem = pair.problem();
    if (problem) {
      message.textContent = problem;
      return;
    }
    submit.disabled = true;
    message.textContent = '';
    const status = statusLine();
    status.textContent = t('welcomeCreating');
    form.append(status);
    try {
      const reply = await send({ type: 'vault/create', passphrase: pair.value() });
      if (reply.ok) return onCreated();
      // 'exists': another tab made the vault meanwhile; drawing again shows the unlock form.
      if (reply.error === 'exists') return onCreated();
      message.textContent = t('passphraseTooShort', String(MIN_PASSPHRASE_CHARS));
    } finally {
      status.remove();
      submit.disabled = false;
    }
  });
  const section = h('section', { id: 'welcome', 'aria-labelledby': 'welcome-heading' }, heading, h('p', {}, t('welcomeIntro')), points, form);
  queueMicrotask(() => focusHeading(heading));
  return section;
}

