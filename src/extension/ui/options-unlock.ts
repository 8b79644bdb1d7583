import { t } from '../i18n';
import { send } from '../send';
import { focusHeading, h, statusLine, textField } from './options-dom';

/** The vault is locked: one passphrase field; a wrong one says so and keeps the form. */
export function unlockView(onUnlocked: () => void, onGone: () => void): HTMLElement {
  const heading = h('h2', { id: 'unlock-heading' }, t('unlockHeading'));
  const field = textField(t('unlockLabel'), { type: 'password', autocomplete: 'current-password', name: 'unlock', required: true, maxlength: 1024 });
  const message = statusLine('alert');
  const submit = h('button', { type: 'submit' }, t('unlockButton'));
  const form = h('form', { id: 'unlock-form', 'aria-labelledby': 'unlock-heading', novalidate: true }, field.wrap, message, submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!field.input.value) {
      message.textContent = t('unlockEmpty');
      field.input.focus();
      return;
    }
    submit.disabled = true;
    message.textContent = '';
    try {
      const reply = await send({ type: 'vault/unlock', passphrase: field.input.value });
      if (reply.ok) return onUnlocked();
      if (reply.error === 'no-vault') return onGone();
      message.textContent = t(reply.error === 'wrong-passphrase' ? 'unlockWrong' : 'unlockBroken');
      field.input.select();
      field.input.focus();
    } finally {
      submit.disabled = false;
    }
  });
  queueMicrotask(() => focusHeading(heading));
  return h('section', { id: 'unlock', 'aria-labelledby': 'unlock-heading' }, heading, h('p', {}, t('unlockHelp')), form);
}
