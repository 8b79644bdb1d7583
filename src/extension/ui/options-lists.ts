import { browser } from 'wxt/browser';
import { decodeListBytes } from '../../core/warnlist/file';
import type { WarnListError, WarnListSummary } from '../../core/warnlist/types';
import { t } from '../i18n';
import { MAX_LIST_CHARS, type ListImportProgress, type ListImportReply } from '../messages';
import { send } from '../send';
import { h, statusLine, textField, uid } from './options-dom';

/** Every reason a list is refused, in plain words. */
const REFUSED: Record<WarnListError | 'locked', string> = {
  'too-large': 'listErrorTooLarge',
  'not-a-list': 'listErrorNotAList',
  'unknown-format': 'listErrorUnknownFormat',
  damaged: 'listErrorDamaged',
  'wrong-secret': 'listErrorWrongSecret',
  'bad-signature': 'listErrorBadSignature',
  'publisher-changed': 'listErrorPublisherChanged',
  'older-version': 'listErrorOlderVersion',
  expired: 'listErrorExpired',
  'weak-tags': 'listErrorWeakTags',
  locked: 'identitiesLocked',
};

const STAGES: Record<ListImportProgress['stage'], string> = {
  reading: 'listProgressReading',
  opening: 'listProgressOpening',
  indexing: 'listProgressIndexing',
  saving: 'listProgressSaving',
  done: 'listProgressDone',
};

/**
 * Warning lists: the ones held (name, publisher's fingerprint words to compare, size, dates),
 * and importing one from a file or from a text block pasted out of a messenger, with the code
 * or passphrase that opens it. A refused list changes nothing held.
 */
export function listsSection(): HTMLElement {
  const heading = h('h2', { id: 'lists-heading' }, t('listsHeading'));
  const held = h('div', { class: 'lists-held' });
  const section = h('section', { id: 'lists', 'aria-labelledby': 'lists-heading' }, heading, h('p', { class: 'help' }, t('listsHelp')), held, importForm(() => void draw()));

  async function draw(): Promise<void> {
    const reply = await send({ type: 'lists/get' });
    if (!reply.ok) return;
    held.replaceChildren(reply.lists.length === 0 ? h('p', { class: 'empty' }, t('listsEmpty')) : h('ul', { class: 'held-lists' }, ...reply.lists.map((list) => listItem(list, draw))));
  }
  void draw();
  return section;
}

function listItem(list: WarnListSummary, redraw: () => Promise<void>): HTMLLIElement {
  const remove = h('button', { type: 'button', class: 'secondary remove-list', 'aria-label': t('listRemoveNamed', list.name) }, t('listRemove'));
  remove.addEventListener('click', async () => {
    remove.disabled = true;
    await send({ type: 'lists/remove', id: list.id });
    await redraw();
  });
  return h(
    'li',
    { class: 'held-list', 'data-list': list.id },
    h('strong', {}, list.own ? t('listOwnName') : list.name),
    h('p', {}, t('listCounts', [String(list.entries), String(list.alerts)])),
    h('p', {}, t('listDates', [list.issued, list.expires]), list.expired ? h('strong', { class: 'old' }, ` ${t('listExpired')}`) : null),
    list.own ? null : h('p', { class: 'fingerprint' }, t('listFingerprint'), ' ', h('span', { class: 'words' }, list.fingerprint.join(' '))),
    remove,
  );
}

function importForm(imported: () => void): HTMLFormElement {
  const headingId = uid('list-import-heading');
  const fileId = uid('list-file');
  const file = h('input', { id: fileId, type: 'file', accept: '.parasol,.txt,application/octet-stream,text/plain', name: 'list-file' });
  const pastedId = uid('list-text');
  const pasted = h('textarea', { id: pastedId, name: 'list-text', rows: '4', spellcheck: 'false', 'aria-describedby': `${pastedId}-help` });
  const secret = textField(t('listSecret'), { name: 'list-secret', help: t('listSecretHelp'), autocomplete: 'off', maxlength: 1000 });
  const progress = h('progress', { max: '1', value: '0', hidden: true, 'aria-label': t('listProgressLabel') });
  const status = statusLine();
  const problem = statusLine('alert');
  const submit = h('button', { type: 'submit', id: 'list-import' }, t('listImport'));
  const form = h(
    'form',
    { id: 'list-import-form', class: 'block', 'aria-labelledby': headingId, novalidate: true },
    h('h3', { id: headingId }, t('listImportHeading')),
    h('label', { for: fileId }, t('listFile')),
    file,
    h('label', { for: pastedId }, t('listPasted')),
    h('p', { id: `${pastedId}-help`, class: 'help' }, t('listPastedHelp')),
    pasted,
    secret.wrap,
    progress,
    status,
    problem,
    submit,
  );

  const showProgress = (value: ListImportProgress | undefined) => {
    if (!value || value.stage === 'done') return;
    progress.hidden = false;
    progress.max = Math.max(1, value.total);
    progress.value = value.done;
    status.textContent = t(STAGES[value.stage]);
  };
  const onProgress = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'session' && 'listImportProgress' in changes) showProgress(changes.listImportProgress!.newValue as ListImportProgress | undefined);
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    problem.textContent = '';
    status.textContent = '';
    const picked = file.files?.[0];
    if (!picked && !pasted.value.trim()) {
      problem.textContent = t('listNothing');
      return;
    }
    // Refused by size before a byte is read: a list that large cannot be one Parasol made.
    if ((picked?.size ?? pasted.value.length) > MAX_LIST_CHARS) {
      problem.textContent = t(REFUSED['too-large']);
      return;
    }
    if (!secret.input.value.trim()) {
      problem.textContent = t('listNoSecret');
      secret.input.focus();
      return;
    }
    submit.disabled = true;
    browser.storage.onChanged.addListener(onProgress);
    try {
      // A file is read as the core reads list bytes: UTF-8 only, a byte-order mark dropped.
      const read = picked ? decodeListBytes(new Uint8Array(await picked.arrayBuffer())) : { ok: true as const, fileText: pasted.value };
      const reply: ListImportReply = read.ok ? await send({ type: 'lists/import', text: read.fileText, secret: secret.input.value }) : read;
      if (!reply.ok) {
        problem.textContent = `${t(REFUSED[reply.error])} ${t('listNothingChanged')}`;
        return;
      }
      status.textContent = [t('listImported', reply.summary.name), reply.warnings.includes('expired') ? t('listExpiredWarning') : ''].filter(Boolean).join(' ');
      file.value = '';
      pasted.value = '';
      secret.input.value = '';
      imported();
    } finally {
      browser.storage.onChanged.removeListener(onProgress);
      progress.hidden = true;
      submit.disabled = false;
    }
  });
  return form;
}

