import { t } from '../i18n';
import { send } from '../send';
import { AUTO_LOCK_CHOICES, loadSettings, saveSettings, type AutoLockMinutes } from '../storage/settings';
import { h, statusLine, textField, uid } from './options-dom';
import { MIN_PASSPHRASE_CHARS, passphrasePair } from './options-passphrase';

/** Auto-lock, lock now, change passphrase and quick wipe. `redraw` shows the vault's new state. */
export function securitySection(redraw: (news?: string) => void): HTMLElement {
  const heading = h('h2', { id: 'security-heading' }, t('securityHeading'));
  return h(
    'section',
    { id: 'security', 'aria-labelledby': 'security-heading' },
    heading,
    autoLock(),
    lockNow(redraw),
    changePassphrase(redraw),
    wipe(redraw),
  );
}

function autoLockLabel(minutes: AutoLockMinutes): string {
  if (minutes === 0) return t('securityAutoLockNever');
  if (minutes < 60) return t('securityAutoLockMinutes', String(minutes));
  return t('securityAutoLockHours', String(minutes / 60));
}

function autoLock(): HTMLElement {
  const id = uid('auto-lock');
  const select = h('select', { id, 'aria-describedby': `${id}-help` }, ...AUTO_LOCK_CHOICES.map((minutes) => new Option(autoLockLabel(minutes), String(minutes))));
  const status = statusLine();
  void loadSettings().then((settings) => (select.value = String(settings.autoLockMinutes)));
  select.addEventListener('change', async () => {
    await saveSettings({ autoLockMinutes: Number(select.value) as AutoLockMinutes });
    status.textContent = t('optionsSaved');
  });
  return h('div', { class: 'block' }, h('label', { for: id }, t('securityAutoLock')), h('p', { id: `${id}-help`, class: 'help' }, t('securityAutoLockHelp')), select, status);
}

function lockNow(redraw: (news?: string) => void): HTMLElement {
  const button = h('button', { type: 'button', id: 'lock-now' }, t('securityLockNow'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    await send({ type: 'vault/lock' });
    redraw(t('securityLocked'));
  });
  return h('div', { class: 'block' }, h('h3', {}, t('securityLockHeading')), h('p', { class: 'help' }, t('securityLockHelp')), button);
}

function changePassphrase(redraw: (news?: string) => void): HTMLElement {
  const headingId = uid('change-heading');
  const old = textField(t('securityOldPassphrase'), { type: 'password', autocomplete: 'current-password', name: 'old-passphrase', maxlength: 1024 });
  const pair = passphrasePair(t('securityNewPassphrase'), t('securityNewPassphraseAgain'), 'change');
  const message = statusLine('alert');
  const done = statusLine();
  const submit = h('button', { type: 'submit' }, t('securityChange'));
  const form = h(
    'form',
    { id: 'change-passphrase', class: 'block', 'aria-labelledby': headingId, novalidate: true },
    h('h3', { id: headingId }, t('securityChangeHeading')),
    h('p', { class: 'help' }, t('welcomePassphraseRule', String(MIN_PASSPHRASE_CHARS))),
    old.wrap,
    pair.wrap,
    message,
    done,
    submit,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.textContent = '';
    done.textContent = '';
    if (!old.input.value) {
      message.textContent = t('unlockEmpty');
      old.input.focus();
      return;
    }
    const problem = pair.problem();
    if (problem) {
      message.textContent = problem;
      return;
    }
    submit.disabled = true;
    try {
      const reply = await send({ type: 'vault/change-passphrase', old: old.input.value, next: pair.value() });
      if (reply.ok) {
        old.input.value = '';
        pair.clear();
        done.textContent = t('securityChanged');
        return;
      }
      if (reply.error === 'no-vault') return redraw();
      message.textContent =
        reply.error === 'wrong-passphrase'
          ? t('securityOldWrong')
          : reply.error === 'too-short'
            ? t('passphraseTooShort', String(MIN_PASSPHRASE_CHARS))
            : t('unlockBroken');
      if (reply.error === 'wrong-passphrase') old.input.focus();
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

/** Quick wipe; also offered while locked, for a forgotten passphrase or when everything must go now. */
export function wipe(redraw: (news?: string) => void): HTMLElement {
  const headingId = uid('wipe-heading');
  const start = h('button', { type: 'button', id: 'wipe', class: 'danger' }, t('securityWipe'));
  const area = h('div', {}, start);
  start.addEventListener('click', () => {
    const confirm = h('button', { type: 'button', id: 'wipe-confirm', class: 'danger' }, t('securityWipeConfirm'));
    const keep = h('button', { type: 'button', id: 'wipe-keep', class: 'secondary' }, t('securityWipeKeep'));
    const questionId = uid('wipe-question');
    const question = h(
      'div',
      { class: 'confirm', role: 'group', 'aria-labelledby': questionId },
      h('p', { id: questionId }, h('strong', {}, t('securityWipeQuestion'))),
      h('ul', {}, h('li', {}, t('securityWipeLosesIdentities')), h('li', {}, t('securityWipeLosesPassphrase')), h('li', {}, t('securityWipeLosesSettings'))),
      h('p', {}, t('securityWipeBackupHint')),
      h('div', { class: 'actions' }, confirm, keep),
    );
    area.replaceChildren(question);
    keep.addEventListener('click', () => {
      area.replaceChildren(start);
      start.focus();
    });
    confirm.addEventListener('click', async () => {
      confirm.disabled = true;
      await send({ type: 'vault/wipe', confirm: true });
      redraw(t('securityWiped'));
    });
    keep.focus();
  });
  return h('div', { class: 'block wipe', 'aria-labelledby': headingId, role: 'group' }, h('h3', { id: headingId }, t('securityWipeHeading')), h('p', { class: 'help' }, t('securityWipeHelp')), area);
}
