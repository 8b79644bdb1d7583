/**
 * Message names (public/_locales) of the plain-words reasons of identity leaks, by whose the
 * thing is and what it is. "Other" messages name the persona ($LABEL$).
 */
export const LEAK_REASONS = {
  personal: {
    name: 'identityPersonalName',
    phone: 'identityPersonalPhone',
    email: 'identityPersonalEmail',
    handle: 'identityPersonalHandle',
    place: 'identityPersonalPlace',
    photo: 'identityPersonalPhoto',
  },
  other: {
    name: 'identityOtherName',
    phone: 'identityOtherPhone',
    email: 'identityOtherEmail',
    handle: 'identityOtherHandle',
    place: 'identityOtherPlace',
    photo: 'identityOtherPhoto',
  },
} as const;

export type LeakThing = keyof (typeof LEAK_REASONS)['personal'];
