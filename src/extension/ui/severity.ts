import type { Severity } from '../../core/findings';
import { t } from '../i18n';

/**
 * Severity is told three ways at once (colour, shape and word), so it reaches people who do not
 * see colour, and screen readers, which read the word.
 */
const SHAPES: Record<Severity, string> = {
  // An octagon, a triangle and a circle: distinct even in grey.
  high: '<polygon points="7,1 17,1 23,7 23,17 17,23 7,23 1,17 1,7"/><rect x="10.5" y="5" width="3" height="9" fill="#fff"/><rect x="10.5" y="16" width="3" height="3" fill="#fff"/>',
  medium: '<polygon points="12,1 23,22 1,22"/><rect x="10.5" y="8" width="3" height="7" fill="#000"/><rect x="10.5" y="17" width="3" height="3" fill="#000"/>',
  low: '<circle cx="12" cy="12" r="11"/><rect x="10.5" y="10" width="3" height="9" fill="#fff"/><rect x="10.5" y="5" width="3" height="3" fill="#fff"/>',
};

export function severityBadge(doc: Document, severity: Severity): HTMLElement {
  const badge = doc.createElement('span');
  badge.className = `severity severity-${severity}`;
  const icon = doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
  icon.setAttribute('viewBox', '0 0 24 24');
  icon.setAttribute('aria-hidden', 'true');
  icon.setAttribute('class', 'severity-icon');
  // Static markup from this file, never page text.
  icon.innerHTML = SHAPES[severity];
  const word = doc.createElement('span');
  word.textContent = t(`severity_${severity}`);
  badge.append(icon, word);
  return badge;
}
