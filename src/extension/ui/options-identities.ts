import { MAX_IDENTITIES, type Identity } from '../../core/identity/schema';
import { t } from '../i18n';
import { send } from '../send';
import { focusHeading, h, statusLine } from './options-dom';
import { blankIdentity, identityForm } from './options-identity-form';
import { identityBadge, kindName } from './options-look';

/** A refused field, by the label the form shows it under. */
const FIELD_NAMES: Partial<Record<keyof Identity, string>> = {
  label: 'identityLabel',
  kind: 'identityKind',
  colour: 'identityColour',
  icon: 'identityIcon',
  names: 'identityNames',
  aliases: 'identityAliases',
  phones: 'identityPhones',
  emails: 'identityEmails',
  handles: 'identityHandles',
  places: 'identityPlaces',
  photos: 'identityPhotos',
  sites: 'identitySites',
};

/**
 * The identities section: the list, and the form to add or edit one. Every save sends the
 * whole list (the background checks it in full); `changed` redraws what depends on it.
 */
export function identitiesSection(initial: Identity[], changed: (identities: Identity[]) => void, locked: () => void): HTMLElement {
  let identities = initial;
  const heading = h('h2', { id: 'identities-heading' }, t('identitiesHeading'));
  const body = h('div', { class: 'identities-body' });
  const status = statusLine();
  const section = h(
    'section',
    { id: 'identities', 'aria-labelledby': 'identities-heading' },
    heading,
    h('p', { class: 'help' }, t('identitiesHelp')),
    body,
    status,
  );

  async function store(next: Identity[]): Promise<string | undefined> {
    const reply = await send({ type: 'identities/save', identities: next });
    if (reply.ok) {
      identities = reply.identities;
      changed(identities);
      return undefined;
    }
    if (reply.error === 'locked') {
      locked();
      return t('identitiesLocked');
    }
    const field = reply.field && FIELD_NAMES[reply.field];
    return field ? t('identityInvalidField', t(field)) : t('identityInvalid');
  }

  function showList(focusId?: string, focusAdd = false): void {
    const personalTaken = identities.some((identity) => identity.kind === 'personal');
    const list = h('ul', { class: 'identity-list' });
    for (const identity of identities) list.append(identityItem(identity));
    const add = h('button', { type: 'button', id: 'add-identity', disabled: identities.length >= MAX_IDENTITIES }, t('identitiesAdd'));
    add.addEventListener('click', () => showForm(blankIdentity(personalTaken ? 'work' : 'personal'), true));
    body.replaceChildren(identities.length ? list : h('p', { class: 'empty' }, t('identitiesEmpty')), add);
    if (focusId) body.querySelector<HTMLElement>(`[data-id="${CSS.escape(focusId)}"] .edit`)?.focus();
    else if (focusAdd) add.focus();
  }

  function identityItem(identity: Identity): HTMLLIElement {
    const terms = identity.names.length + identity.aliases.length + identity.phones.length + identity.emails.length + identity.handles.length + identity.places.length;
    const summary = t('identitySummary', [String(terms), String(identity.sites.length), String(identity.photos.length)]);
    const edit = h('button', { type: 'button', class: 'secondary edit', 'aria-label': t('identityEditNamed', identity.label) }, t('identityEdit'));
    const remove = h('button', { type: 'button', class: 'secondary delete', 'aria-label': t('identityDeleteNamed', identity.label) }, t('identityDelete'));
    const actions = h('div', { class: 'actions' }, edit, remove);
    const item = h(
      'li',
      { class: 'identity', 'data-id': identity.id },
      h('div', { class: 'who' }, identityBadge(identity), h('strong', { class: 'label' }, identity.label), h('span', { class: 'kind' }, kindName(identity.kind))),
      h('p', { class: 'summary' }, summary),
      actions,
    );
    edit.addEventListener('click', () => showForm(identity, false));
    remove.addEventListener('click', () => {
      // A second, explicit step that names what goes.
      const confirm = h('button', { type: 'button', class: 'danger confirm-delete' }, t('identityDeleteConfirm'));
      const keep = h('button', { type: 'button', class: 'secondary keep' }, t('identityDeleteKeep'));
      const question = h('div', { class: 'confirm', role: 'group', 'aria-label': t('identityDeleteQuestion', identity.label) }, h('p', {}, t('identityDeleteQuestion', identity.label)), confirm, keep);
      actions.replaceWith(question);
      keep.addEventListener('click', () => {
        question.replaceWith(actions);
        remove.focus();
      });
      confirm.addEventListener('click', async () => {
        confirm.disabled = true;
        const problem = await store(identities.filter((other) => other.id !== identity.id));
        if (problem) {
          status.textContent = problem;
          confirm.disabled = false;
          return;
        }
        showList();
        status.textContent = t('identityDeleted', identity.label);
        focusHeading(heading);
      });
      confirm.focus();
    });
    return item;
  }

  function showForm(identity: Identity, isNew: boolean): void {
    status.textContent = '';
    const form = identityForm({
      identity,
      isNew,
      personalTaken: identities.some((other) => other.kind === 'personal' && other.id !== identity.id),
      save: async (edited) => {
        const next = isNew ? [...identities, edited] : identities.map((other) => (other.id === edited.id ? edited : other));
        const problem = await store(next);
        if (!problem) {
          showList(edited.id);
          status.textContent = t('identitySaved', edited.label);
        }
        return problem;
      },
      close: () => showList(isNew ? undefined : identity.id, isNew),
    });
    body.replaceChildren(form);
  }

  showList();
  return section;
}
