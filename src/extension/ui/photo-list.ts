import { t } from '../i18n';
import type { PhotoFindings, TabFindings } from '../messages';
import { photoChoices, type OnChoose } from './photo-choices';
import { photoFindingItems } from './photo-findings';
import { photoPreview } from './photo-preview';
import './photos.css';

/**
 * The "Photos" section of the popup and side panel: each photo a page was about to get, with a
 * small copy, what was found in plain words, where it stands, and the person's choices while
 * the site waits for it. Null when the tab has no photos.
 */
export function renderPhotos(doc: Document, state: TabFindings, onChoose: OnChoose): HTMLElement | null {
  const photos = Object.entries(state.photos ?? {});
  if (photos.length === 0) return null;
  const section = doc.createElement('section');
  section.className = 'photos';
  const heading = doc.createElement('h2');
  heading.textContent = t('popupPhotos');
  section.append(heading);
  // Newest first: the photo just picked is the one the person looks for.
  for (const [key, photo] of photos.reverse()) section.append(renderPhoto(doc, key, photo, onChoose));
  return section;
}

function renderPhoto(doc: Document, key: string, photo: PhotoFindings, onChoose: OnChoose): HTMLElement {
  const article = doc.createElement('article');
  article.className = `photo photo-${photo.state}`;
  article.dataset.photoKey = key;
  const name = doc.createElement('h3');
  name.className = 'photo-name';
  name.textContent = photo.name;
  article.append(name);
  const note = (text: string, className: string) => {
    const line = doc.createElement('p');
    line.className = className;
    line.textContent = text;
    article.append(line);
  };
  note(stateWords(photo), 'photo-state');
  const faces = photo.findings.filter((finding) => finding.kind === 'face');
  if (photo.preview) article.append(photoPreview(doc, photo.name, photo.preview, faces));
  for (const problem of photo.problems) note(t(problemMessage(problem)), 'photo-problem');
  const items = photoFindingItems(doc, photo.findings);
  if (items.length > 0) {
    const list = doc.createElement('ul');
    list.append(...items);
    article.append(list);
  }
  const looked = facesWords(photo);
  if (looked) note(looked, 'photo-faces');
  if (photo.state === 'waiting' || photo.state === 'working' || photo.state === 'checking') note(t('photoCheckByEye'), 'photo-by-eye');
  if (photo.error) note(t(`photoError_${photo.error}`), 'photo-error');
  const choices = photoChoices(doc, key, photo, onChoose);
  if (choices) article.append(choices);
  return article;
}

/** `photoProblem_<name with - as _>`, as photo-report.ts names them. */
function problemMessage(problem: string): string {
  return `photoProblem_${problem.replaceAll('-', '_')}`;
}

function stateWords(photo: PhotoFindings): string {
  switch (photo.state) {
    case 'checking':
      return t('photoChecking');
    case 'waiting':
      return t('photoWaiting');
    case 'working':
      return t('photoWorking');
    case 'unchecked':
      return t('photoUnchecked');
    case 'given':
      if (photo.given === 'nothing-found') return t('photoGivenNothing');
      if (photo.given === 'as-is') return t('photoGivenAsIs');
      if (photo.given === 'hide-faces') return t('photoGivenHidden');
      return t(photo.reencoded ? 'photoGivenReencoded' : 'photoGivenClean');
  }
}

function facesWords(photo: PhotoFindings): string | null {
  if (photo.faces === 'looking') return t('photoFacesLooking');
  if (photo.faces === 'error') return t('photoFacesError');
  if (photo.faces === 'skipped' && photo.format !== 'unknown' && photo.problems.length === 0) return t('photoFacesSkipped');
  return null;
}
