import { MAX_BACKUP_CHARS, type ImportReply } from '../messages';
import { t } from '../i18n';
import { send } from '../send';
import { downloadFile, h, statusLine, textField, uid } from './options-dom';

/** Backup: the vault as a file (still sealed by the passphrase), and back. */
export function backupSection(redraw: (news?: string) => void): HTMLElement {
  const heading = h('h2', { id: 'backup-heading' }, t('backupHeading'));
  return h('section', { id: 'backup', 'aria-labelledby': 'backup-heading' }, heading, h('p', { class: 'help' }, t('backupHelp')), exporter(), importer(redraw));
}

function exporter(): HTMLElement {
  const button = h('button', { type: 'button', id: 'backup-export' }, t('backupExport'));
  const status = statusLine();
  button.addEventListener('click', async () => {
    const reply = await send({ type: 'vault/export' });
    if (!reply.ok) {
      status.textContent = t('backupNothing');
      return;
    }
    downloadFile(reply.fileName, reply.text, 'application/json');
    status.textContent = t('backupExported', reply.fileName);
  });
  return h('div', { class: 'block' }, h('h3', {}, t('backupExportHeading')), h('p', { class: 'help' }, t('backupExportHelp')), button, status);
}

const IMPORT_MESSAGES: Record<Exclude<ImportReply, { ok: true }>['error'], string> = {
  foreign: 'backupForeign',
  corrupt: 'backupCorrupt',
  unsupported: 'backupUnsupported',
  'too-large': 'backupTooLarge',
  'wrong-passphrase': 'backupWrongPassphrase',
};

/** Restore from a backup file; also offered on the welcome (a new device) and while locked. */
export function importer(redraw: (news?: string) => void): HTMLElement {
  const headingId = uid('import-heading');
  const fileId = uid('backup-file');
  const file = h('input', { id: fileId, type: 'file', accept: '.json,.parasol,application/json', 'aria-describedby': `${fileId}-help` });
  const passphrase = textField(t('backupPassphrase'), { type: 'password', autocomplete: 'off', name: 'backup-passphrase', help: t('backupPassphraseHelp'), maxlength: 1024 });
  const message = statusLine('alert');
  const done = statusLine();
  const submit = h('button', { type: 'submit', id: 'backup-import' }, t('backupImport'));
  const form = h(
    'form',
    { id: 'backup-import-form', class: 'block', 'aria-labelledby': headingId, novalidate: true },
    h('h3', { id: headingId }, t('backupImportHeading')),
    h('p', { id: `${fileId}-help`, class: 'help' }, t('backupImportHelp')),
    h('label', { for: fileId }, t('backupFile')),
    file,
    passphrase.wrap,
    message,
    done,
    submit,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.textContent = '';
    done.textContent = '';
    const picked = file.files?.[0];
    if (!picked) {
      message.textContent = t('backupNoFile');
      file.focus();
      return;
    }
    // Each UTF-16 unit is at least one byte: a file larger than this many bytes cannot fit either.
    if (picked.size > MAX_BACKUP_CHARS * 3) {
      message.textContent = t('backupTooLarge');
      return;
    }
    if (!passphrase.input.value) {
      message.textContent = t('backupNoPassphrase');
      passphrase.input.focus();
      return;
    }
    submit.disabled = true;
    try {
      const text = await picked.text();
      const reply: ImportReply =
        text.length > MAX_BACKUP_CHARS ? { ok: false, error: 'too-large' } : await send({ type: 'vault/import', text, passphrase: passphrase.input.value });
      if (!reply.ok) {
        message.textContent = `${t(IMPORT_MESSAGES[reply.error])} ${t('backupNothingLost')}`;
        return;
      }
      passphrase.input.value = '';
      file.value = '';
      redraw(t('backupRestored'));
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}
