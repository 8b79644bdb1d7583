import type { Finding } from '../../core/findings';
import { t } from '../i18n';

/**
 * The popup's copy of a photo (made by the background, never by the page), with each face the
 * finder saw marked by a box, so the person sees what "Hide faces" would cover.
 */
export function photoPreview(doc: Document, name: string, preview: string, faces: Finding[]): HTMLElement {
  const figure = doc.createElement('figure');
  figure.className = 'photo-preview';
  const image = doc.createElement('img');
  image.src = preview;
  image.alt = faces.length > 0 ? t('photoPreviewAltFaces', [name, String(faces.length)]) : t('photoPreviewAlt', name);
  figure.append(image);
  for (const { box } of faces) {
    if (!box) continue;
    const mark = doc.createElement('span');
    mark.className = 'face-box';
    // Fractions of the picture: the boxes follow the image at any width.
    mark.style.left = `${clamp(box.x) * 100}%`;
    mark.style.top = `${clamp(box.y) * 100}%`;
    mark.style.width = `${clamp(box.width) * 100}%`;
    mark.style.height = `${clamp(box.height) * 100}%`;
    figure.append(mark);
  }
  return figure;
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}
