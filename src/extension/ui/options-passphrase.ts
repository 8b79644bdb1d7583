import { t } from '../i18n';
import { MIN_PASSPHRASE } from '../background/vault/passphrase';
import { h, textField } from './options-dom';

/** The background's rule (it answers 'too-short' below it); shown here in words before the person types. */
export const MIN_PASSPHRASE_CHARS = MIN_PASSPHRASE;

/** A new passphrase typed twice, with what is wrong with it in plain words (or undefined). */
export function passphrasePair(
  label: string,
  againLabel: string,
  name: string,
): { wrap: HTMLDivElement; value(): string; problem(): string | undefined; clear(): void } {
  const first = textField(label, { type: 'password', autocomplete: 'new-password', name: `${name}-passphrase`, required: true, maxlength: 1024 });
  const again = textField(againLabel, { type: 'password', autocomplete: 'new-password', name: `${name}-again`, required: true, maxlength: 1024 });
  return {
    wrap: h('div', { class: 'pair' }, first.wrap, again.wrap),
    value: () => first.input.value,
    problem() {
      if ([...first.input.value.normalize('NFC')].length < MIN_PASSPHRASE_CHARS) {
        first.input.focus();
        return t('passphraseTooShort', String(MIN_PASSPHRASE_CHARS));
      }
      if (first.input.value !== again.input.value) {
        again.input.focus();
        return t('passphraseMismatch');
      }
      return undefined;
    },
    clear() {
      first.input.value = '';
      again.input.value = '';
    },
  };
}
