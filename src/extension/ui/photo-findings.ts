import { browser } from 'wxt/browser';
import { compareFindings, type Finding } from '../../core/findings';
import { t } from '../i18n';
import { findingItem, reasonText } from './finding-item';

/**
 * One photo's findings in plain words, most serious first, as the text findings are shown:
 * severity in colour, shape and word. A place is told as "near {city}, {country}" with its map
 * position; all faces are one item (the preview boxes each of them).
 */
export function photoFindingItems(doc: Document, findings: Finding[]): HTMLElement[] {
  const faces = findings.filter((finding) => finding.kind === 'face');
  const items = findings
    .filter((finding) => finding.kind !== 'face')
    .sort(compareFindings)
    .map((finding) => findingItem(doc, finding, valueOf(finding), reasonOf(finding)));
  if (faces.length > 0) {
    const [worst] = [...faces].sort(compareFindings);
    const faceItem = findingItem(doc, worst!, t('photoFaces', String(faces.length)), t('photoFacesReason'));
    items.unshift(faceItem);
  }
  return items;
}

function valueOf(finding: Finding): string {
  if (finding.kind === 'location' && finding.lat !== undefined && finding.lon !== undefined) {
    return t('photoCoordinates', `${finding.lat.toFixed(5)}, ${finding.lon.toFixed(5)}`);
  }
  return finding.value;
}

function reasonOf(finding: Finding): string {
  if (finding.kind === 'location' && finding.city && finding.country) {
    return t('photoLocationNear', [finding.city, countryName(finding.country)]);
  }
  return reasonText(finding);
}

/** The country's name in the browser's language, from its two-letter code. */
function countryName(code: string): string {
  try {
    return new Intl.DisplayNames([browser.i18n.getUILanguage()], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
