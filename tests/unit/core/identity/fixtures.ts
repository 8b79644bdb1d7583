import type { Identity } from '../../../../src/core/identity/schema';

/** A complete identity with empty lists, for tests to fill in what they need. */
export function identity(fields: Partial<Identity> & Pick<Identity, 'id' | 'kind' | 'label'>): Identity {
  return {
    colour: 'blue',
    icon: 'circle',
    names: [],
    aliases: [],
    phones: [],
    emails: [],
    handles: [],
    places: [],
    photos: [],
    sites: [],
    ...fields,
  };
}

export const personal = identity({
  id: 'me',
  kind: 'personal',
  label: 'Me',
  names: ['Maria Lopez'],
  phones: ['+1 702 555 0147'],
  emails: ['maria.lopez@example.net'],
  places: [{ kind: 'street', value: 'Sunset Road' }, { kind: 'city', value: 'Henderson' }],
  sites: ['facebook.com'],
});

export const lola = identity({
  id: 'lola',
  kind: 'work',
  label: 'Lola',
  colour: 'pink',
  icon: 'briefcase',
  names: ['Lola'],
  phones: ['+1 725 555 0199'],
  handles: ['instagram:lola.nights'],
  places: [{ kind: 'city', value: 'Henderson' }],
  sites: ['adsite.example', 'www.Other-Ads.example.'],
});

export const rosa = identity({
  id: 'rosa',
  kind: 'work',
  label: 'Rosa',
  colour: 'green',
  icon: 'gift',
  names: ['Rosa Velvet'],
  emails: ['rosa.velvet@mail.example'],
  sites: ['rosa.example'],
});

export const identities = [lola, personal, rosa];
