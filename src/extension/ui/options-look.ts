import type { Identity } from '../../core/identity/schema';
import { t } from '../i18n';
import { h } from './options-dom';

/**
 * How an identity looks: a colour swatch and an icon, as Firefox's containers show them. The
 * colours are Firefox's container colours; the icons are emoji (no images to load, nothing
 * web-accessible), always with their name in words beside or for screen readers.
 */
export const COLOUR_HEX: Record<Identity['colour'], string> = {
  blue: '#37adff',
  turquoise: '#00c79a',
  green: '#51cd00',
  yellow: '#ffcb00',
  orange: '#ff9f00',
  red: '#ff613d',
  pink: '#ff4bda',
  purple: '#af51f5',
  toolbar: '#7c7c7d',
};

export const ICON_GLYPH: Record<Identity['icon'], string> = {
  fingerprint: '👤',
  briefcase: '💼',
  dollar: '💲',
  cart: '🛒',
  circle: '⬤',
  gift: '🎁',
  vacation: '🏖️',
  food: '🍴',
  fruit: '🍎',
  pet: '🐾',
  tree: '🌳',
  chill: '☕',
  fence: '🚧',
};

export function colourName(colour: Identity['colour']): string {
  return t(`identityColour_${colour}`);
}

export function iconName(icon: Identity['icon']): string {
  return t(`identityIcon_${icon}`);
}

/** The identity's badge: its colour with its icon on it; hidden from screen readers, which get the words instead. */
export function identityBadge(identity: Pick<Identity, 'colour' | 'icon'>): HTMLSpanElement {
  const badge = h('span', { class: 'badge', 'aria-hidden': 'true' }, ICON_GLYPH[identity.icon]);
  badge.style.setProperty('--swatch', COLOUR_HEX[identity.colour]);
  return badge;
}

export function swatch(colour: Identity['colour']): HTMLSpanElement {
  const span = h('span', { class: 'swatch', 'aria-hidden': 'true' });
  span.style.setProperty('--swatch', COLOUR_HEX[colour]);
  return span;
}

const KIND_MESSAGES: Record<Identity['kind'], string> = { personal: 'identityKindPersonal', work: 'identityKindWork' };

export function kindName(kind: Identity['kind']): string {
  return t(KIND_MESSAGES[kind]);
}
