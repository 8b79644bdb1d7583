import { readFileSync } from 'node:fs';
import jpeg from 'jpeg-js';
import { halve } from '../../unit/core/image/halve';
/**
 * The identities the identity end-to-end tests set up (made up): a personal identity and a work
 * persona whose site is the demo ad site. The draft types the personal number in two disguises.
 */
export const PASSPHRASE = 'umbrella over the rain';

export const PERSONAL = {
  label: 'Me',
  names: ['Maria Lopez'],
  phones: ['(702) 555-0147'],
  emails: ['maria.lopez@example.net'],
};

export const WORK = {
  label: 'Lola',
  names: ['Lola'],
  phones: ['(725) 555-0199'],
  sites: ['127.0.0.1'],
};

/** The personal number, spaced out and then in words: what a filter-dodging ad looks like. */
export const SPACED_PERSONAL = ' or text 7 0 2 5 5 5 0 1 4 7';
export const WORDS_PERSONAL = ' or call seven zero two five five five zero one four seven';

/** What must never reach a page: every identity detail the person did not type there themselves. */
export const NEVER_IN_PAGE = ['Maria', 'Lopez', 'maria.lopez', '+17025550147', '7255550199', 'Lola', 'your personal'];

/** A photo as a site would shrink it: half the size (each pixel the mean of four), saved again at quality 70. */
export function halvedCopy(path: string): Buffer {
  return jpeg.encode(halve(jpeg.decode(readFileSync(path), { useTArray: true })), 70).data;
}
