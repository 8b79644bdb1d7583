import * as v from 'valibot';
import { MAX_TERM_LENGTH } from '../text/identity-terms';

/**
 * One identity: the person's own (`personal`) or a work persona, with what would give it away.
 * Everything here comes from storage the person filled in; it is still size-limited, because a
 * restored backup or a broken store must not make every keystroke slow.
 */

/** Terms in one list (names, phones, …) of one identity. */
export const MAX_TERMS_PER_LIST = 50;
export const MAX_PHOTOS = 50;
export const MAX_SITES = 200;
export const MAX_IDENTITIES = 20;
/** A tiny blurred preview as a data URL: a few KB is plenty for a 32-pixel thumbnail. */
export const MAX_PREVIEW_CHARS = 16 * 1024;

/** The colours and icons of Firefox's containers, so a persona can open in a container of its own. */
export const IDENTITY_COLOURS = ['blue', 'turquoise', 'green', 'yellow', 'orange', 'red', 'pink', 'purple', 'toolbar'] as const;
export const IDENTITY_ICONS = [
  'fingerprint',
  'briefcase',
  'dollar',
  'cart',
  'circle',
  'gift',
  'vacation',
  'food',
  'fruit',
  'pet',
  'tree',
  'chill',
  'fence',
] as const;
export const PLACE_KINDS = ['city', 'area', 'street'] as const;

const Term = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(MAX_TERM_LENGTH));
const Terms = v.pipe(v.array(Term), v.maxLength(MAX_TERMS_PER_LIST));

/**
 * A site as a host name ("example.com"); its subdomains belong to it too. Written the way a
 * person may paste it ("WWW.Example.com."), it is kept in one form: lower case, no "www.", no final dot.
 */
export const SitePattern = v.pipe(
  v.string(),
  v.trim(),
  v.toLowerCase(),
  v.transform((host) => host.replace(/\.$/, '').replace(/^(\*\.|www\.)/, '')),
  v.regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/),
);

const Place = v.object({ kind: v.picklist(PLACE_KINDS), value: Term });

/** Only a perceptual hash (photoHash: 256 bits as hex) and a tiny blurred preview are kept of a photo. */
const Photo = v.object({
  hash: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  preview: v.optional(v.pipe(v.string(), v.maxLength(MAX_PREVIEW_CHARS), v.regex(/^data:image\/(?:jpeg|png|webp);base64,[A-Za-z0-9+/=]*$/))),
});

export const IdentitySchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/)),
  kind: v.picklist(['personal', 'work']),
  label: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(80)),
  colour: v.picklist(IDENTITY_COLOURS),
  icon: v.picklist(IDENTITY_ICONS),
  names: Terms,
  aliases: Terms,
  phones: Terms,
  emails: Terms,
  handles: Terms,
  places: v.pipe(v.array(Place), v.maxLength(MAX_TERMS_PER_LIST)),
  photos: v.pipe(v.array(Photo), v.maxLength(MAX_PHOTOS)),
  sites: v.pipe(v.array(SitePattern), v.maxLength(MAX_SITES)),
});

export type Identity = v.InferOutput<typeof IdentitySchema>;
export type IdentityPlace = Identity['places'][number];
export type IdentityPhoto = Identity['photos'][number];

/** All identities: at most one personal one, and no two with the same id. */
export const IdentitiesSchema = v.pipe(
  v.array(IdentitySchema),
  v.maxLength(MAX_IDENTITIES),
  v.check((list) => list.filter((identity) => identity.kind === 'personal').length <= 1, 'more than one personal identity'),
  v.check((list) => new Set(list.map((identity) => identity.id)).size === list.length, 'two identities with the same id'),
);
