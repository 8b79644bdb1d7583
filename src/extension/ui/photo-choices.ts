import { t } from '../i18n';
import type { PhotoChoice, PhotoFindings } from '../messages';

export type OnChoose = (photoKey: string, choice: PhotoChoice, button: HTMLButtonElement) => void;

/** The person's choices for a photo held from the site; nothing happens before a click. */
export function photoChoices(doc: Document, photoKey: string, photo: PhotoFindings, onChoose: OnChoose): HTMLElement | null {
  if (photo.state !== 'waiting' && photo.state !== 'working') return null;
  const group = doc.createElement('div');
  group.className = 'fixes photo-choices';
  const button = (choice: PhotoChoice, label: string, name: string) => {
    const element = doc.createElement('button');
    element.type = 'button';
    // `fix` and a fix key: the list keeps a keyboard user's place on it when drawn again.
    element.className = choice === 'skip' || choice === 'as-is' ? 'fix quiet' : 'fix';
    element.dataset.choice = choice;
    element.dataset.fixKey = `photo|${photoKey}|${choice}`;
    element.textContent = label;
    element.setAttribute('aria-label', name);
    if (photo.state === 'working') element.setAttribute('aria-disabled', 'true');
    element.addEventListener('click', () => onChoose(photoKey, choice, element));
    group.append(element);
  };
  const unreadable = photo.problems.includes('too-large') || photo.problems.includes('not-an-image');
  if (!unreadable) button('clean', t('photoClean'), t('photoCleanName', photo.name));
  if (photo.findings.some((finding) => finding.kind === 'face')) {
    button('hide-faces', t('photoHideFaces'), t('photoHideFacesName', photo.name));
  }
  button('as-is', t('photoAsIs'), t('photoAsIsName', photo.name));
  button('skip', t('photoSkip'), t('photoSkipName', photo.name));
  return group;
}
