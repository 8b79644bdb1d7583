import { IDENTITY_COLOURS, IDENTITY_ICONS, MAX_PHOTOS, MAX_SITES, type Identity, type IdentityPhoto, type IdentityPlace } from '../../core/identity/schema';
import { MAX_PHOTO_BYTES } from '../../core/image/photo-report';
import { t } from '../i18n';
import { identityPhotoOf } from '../photos/photo-fingerprint';
import { h, linesField, linesOf, statusLine, textField, uid } from './options-dom';
import { colourName, iconName, ICON_GLYPH, kindName, swatch } from './options-look';
import { accessNote, hasSitePermission, isBuiltInSite, requestSitePermission, siteFromInput } from './options-sites';

/** A new identity's id: random, in the schema's alphabet. */
export function newIdentityId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
  return [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => alphabet[byte & 63]).join('');
}

export function blankIdentity(kind: Identity['kind']): Identity {
  return {
    id: newIdentityId(),
    kind,
    label: '',
    colour: kind === 'personal' ? 'blue' : 'orange',
    icon: kind === 'personal' ? 'fingerprint' : 'briefcase',
    names: [],
    aliases: [],
    phones: [],
    emails: [],
    handles: [],
    places: [],
    photos: [],
    sites: [],
  };
}

export interface IdentityFormOptions {
  identity: Identity;
  isNew: boolean;
  /** Another identity is already the personal one: this one can only be a work persona. */
  personalTaken: boolean;
  /** Saves the identity; resolves to a message for the person when it could not. */
  save(identity: Identity): Promise<string | undefined>;
  close(): void;
}

function radioGroup<T extends string>(
  legend: string,
  name: string,
  values: readonly T[],
  checked: T,
  label: (value: T) => (Node | string)[],
  disabled: (value: T) => boolean = () => false,
): { fieldset: HTMLFieldSetElement; value(): T } {
  const group = uid(name);
  const fieldset = h(
    'fieldset',
    { class: `choices ${name}` },
    h('legend', {}, legend),
    ...values.map((value) => {
      const input = h('input', { type: 'radio', name: group, value, checked: value === checked, disabled: disabled(value) });
      return h('label', { class: 'choice' }, input, ...label(value));
    }),
  );
  return {
    fieldset,
    value: () => (fieldset.querySelector<HTMLInputElement>('input:checked')?.value ?? checked) as T,
  };
}

/** The form to add or edit one identity. Nothing is stored until Save. */
export function identityForm(options: IdentityFormOptions): HTMLFormElement {
  const start = options.identity;
  const headingId = uid('identity-form-heading');
  const label = textField(t('identityLabel'), { name: 'label', help: t('identityLabelHelp'), required: true, value: start.label, maxlength: 80 });
  const kind = radioGroup(t('identityKind'), 'kind', ['personal', 'work'] as const, start.kind, (value) => [kindName(value)], (value) => value === 'personal' && options.personalTaken && start.kind !== 'personal');
  const colour = radioGroup(t('identityColour'), 'colour', IDENTITY_COLOURS, start.colour, (value) => [swatch(value), colourName(value)]);
  const icon = radioGroup(t('identityIcon'), 'icon', IDENTITY_ICONS, start.icon, (value) => [
    h('span', { class: 'glyph', 'aria-hidden': 'true' }, ICON_GLYPH[value]),
    iconName(value),
  ]);
  const lists = {
    names: linesField(t('identityNames'), t('identityNamesHelp'), start.names, 'names'),
    aliases: linesField(t('identityAliases'), t('identityAliasesHelp'), start.aliases, 'aliases'),
    phones: linesField(t('identityPhones'), t('identityPhonesHelp'), start.phones, 'phones'),
    emails: linesField(t('identityEmails'), t('identityEmailsHelp'), start.emails, 'emails'),
    handles: linesField(t('identityHandles'), t('identityHandlesHelp'), start.handles, 'handles'),
  };
  const placeOf = (kindName: IdentityPlace['kind']) => start.places.filter((place) => place.kind === kindName).map((place) => place.value);
  const places = {
    city: linesField(t('identityCities'), t('identityOnePerLine'), placeOf('city'), 'cities'),
    area: linesField(t('identityAreas'), t('identityOnePerLine'), placeOf('area'), 'areas'),
    street: linesField(t('identityStreets'), t('identityOnePerLine'), placeOf('street'), 'streets'),
  };

  const sites = sitesEditor(start.sites);
  const photos = photosEditor(start.photos);
  const message = statusLine('alert');
  const saved = statusLine();
  const save = h('button', { type: 'submit', class: 'save' }, t('identitySave'));
  const cancel = h('button', { type: 'button', class: 'secondary cancel' }, t('identityCancel'));
  cancel.addEventListener('click', () => options.close());

  const form = h(
    'form',
    { class: 'identity-form', 'aria-labelledby': headingId, novalidate: true },
    h('h3', { id: headingId }, options.isNew ? t('identityAddHeading') : t('identityEditHeading', start.label)),
    h('p', { class: 'help' }, t('identityFormHelp')),
    label.wrap,
    kind.fieldset,
    colour.fieldset,
    icon.fieldset,
    ...Object.values(lists).map((list) => list.wrap),
    h('fieldset', { class: 'places' }, h('legend', {}, t('identityPlaces')), ...Object.values(places).map((list) => list.wrap)),
    sites.fieldset,
    photos.fieldset,
    message,
    saved,
    h('div', { class: 'actions' }, save, cancel),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.textContent = '';
    if (!label.input.value.trim()) {
      message.textContent = t('identityLabelMissing');
      label.input.focus();
      return;
    }
    const identity: Identity = {
      id: start.id,
      kind: kind.value(),
      label: label.input.value.trim(),
      colour: colour.value(),
      icon: icon.value(),
      names: linesOf(lists.names.area),
      aliases: linesOf(lists.aliases.area),
      phones: linesOf(lists.phones.area),
      emails: linesOf(lists.emails.area),
      handles: linesOf(lists.handles.area),
      places: (Object.keys(places) as IdentityPlace['kind'][]).flatMap((placeKind) =>
        linesOf(places[placeKind].area).map((value) => ({ kind: placeKind, value })),
      ),
      photos: photos.value(),
      sites: sites.value(),
    };
    save.disabled = true;
    try {
      const problem = await options.save(identity);
      if (problem) {
        message.textContent = problem;
        save.focus();
      }
    } finally {
      save.disabled = false;
    }
  });
  queueMicrotask(() => label.input.focus());
  return form;
}

/** The identity's sites: add one (asking for its host permission in the same click), remove one. */
function sitesEditor(initial: readonly string[]): { fieldset: HTMLFieldSetElement; value(): string[] } {
  const sites = [...initial];
  const list = h('ul', { class: 'chips sites-of' });
  const note = statusLine();
  const problem = statusLine('alert');
  const input = textField(t('identitySiteInput'), { name: 'site', help: t('identitySiteHelp'), maxlength: 2000 });
  input.input.setAttribute('inputmode', 'url');
  input.input.setAttribute('placeholder', 'tryst.link');
  const add = h('button', { type: 'button', class: 'secondary add-site' }, t('identitySiteAdd'));

  function draw(): void {
    list.replaceChildren(
      ...sites.map((site) => {
        const remove = h('button', { type: 'button', class: 'link remove', 'aria-label': t('identitySiteRemove', site) }, t('identityRemove'));
        remove.addEventListener('click', () => {
          sites.splice(sites.indexOf(site), 1);
          draw();
          note.textContent = t('identitySiteRemoved', site);
          input.input.focus();
        });
        const access = h('span', { class: 'note' });
        void hasSitePermission(site).then((allowed) => (access.textContent = accessNote(allowed)));
        return h('li', { 'data-site': site }, h('span', { class: 'site' }, site), access, remove);
      }),
    );
  }

  function addSite(): void {
    problem.textContent = '';
    const site = siteFromInput(input.input.value);
    if (!site) {
      problem.textContent = t('identitySiteInvalid');
      input.input.focus();
      return;
    }
    if (sites.includes(site)) {
      problem.textContent = t('identitySiteTwice', site);
      return;
    }
    if (sites.length >= MAX_SITES) {
      problem.textContent = t('identityTooMany', String(MAX_SITES));
      return;
    }
    // Asked now, inside the click: the browser shows its question only during a user gesture.
    const asked = requestSitePermission(site);
    sites.push(site);
    input.input.value = '';
    draw();
    if (isBuiltInSite(site)) {
      note.textContent = t('identitySiteAddedBuiltIn', site);
      return;
    }
    note.textContent = t('identitySiteAsking', site);
    void asked.then((allowed) => {
      note.textContent = allowed ? t('identitySiteAllowed', site) : t('identitySiteRefused', site);
      draw();
    });
  }
  add.addEventListener('click', addSite);
  input.input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    // Enter here adds the site; it would otherwise save the whole form.
    event.preventDefault();
    addSite();
  });
  draw();
  return {
    fieldset: h('fieldset', { class: 'sites-editor' }, h('legend', {}, t('identitySites')), h('p', { class: 'help' }, t('identitySitesHelp')), list, input.wrap, add, problem, note),
    value: () => [...sites],
  };
}

/** The identity's photos: only a perceptual hash and a blurred 32-pixel preview are kept of each. */
function photosEditor(initial: readonly IdentityPhoto[]): { fieldset: HTMLFieldSetElement; value(): IdentityPhoto[] } {
  const photos = [...initial];
  const list = h('ul', { class: 'photos-of' });
  const note = statusLine();
  const id = uid('photos');
  const input = h('input', { id, type: 'file', accept: 'image/*', multiple: true, 'aria-describedby': `${id}-help` });

  function draw(): void {
    list.replaceChildren(
      ...photos.map((photo, index) => {
        const name = t('identityPhotoName', String(index + 1));
        const remove = h('button', { type: 'button', class: 'link remove', 'aria-label': t('identityPhotoRemove', name) }, t('identityRemove'));
        remove.addEventListener('click', () => {
          photos.splice(photos.indexOf(photo), 1);
          draw();
          note.textContent = t('identityPhotoRemoved');
          input.focus();
        });
        const preview = photo.preview
          ? h('img', { src: photo.preview, alt: t('identityPhotoAlt', name), width: '48', height: '48' })
          : h('span', { class: 'no-preview' }, name);
        return h('li', {}, preview, remove);
      }),
    );
  }

  input.addEventListener('change', async () => {
    const files = [...(input.files ?? [])];
    input.value = '';
    let added = 0;
    let unreadable = 0;
    note.textContent = t('identityPhotoReading');
    for (const file of files) {
      if (photos.length >= MAX_PHOTOS) break;
      const photo = file.size <= MAX_PHOTO_BYTES ? await identityPhotoOf(new Uint8Array(await file.arrayBuffer())) : undefined;
      if (!photo) unreadable++;
      else if (!photos.some((known) => known.hash === photo.hash)) {
        photos.push(photo);
        added++;
      }
    }
    draw();
    note.textContent = [
      t('identityPhotoAdded', String(added)),
      unreadable ? t('identityPhotoUnreadable', String(unreadable)) : '',
    ].filter(Boolean).join(' ');
  });
  draw();
  return {
    fieldset: h(
      'fieldset',
      { class: 'photos-editor' },
      h('legend', {}, t('identityPhotos')),
      h('p', { id: `${id}-help`, class: 'help' }, t('identityPhotosHelp')),
      list,
      h('label', { for: id }, t('identityPhotoPick')),
      input,
      note,
    ),
    value: () => [...photos],
  };
}
