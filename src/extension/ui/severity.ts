import type { Severity } from '../../core/findings';
import { t } from '../i18n';

/**
 * Severity is told three ways at once (colour, shape and word), so it reaches people who do not
 * see colour, and screen readers, which read the word.
 */
type Shape = [tag: 'polygon' | 'circle' | 'rect', attributes: Record<string, string>];

// An octagon, a triangle and a circle: distinct even without colour.
const SHAPES: Record<Severity, Shape[]> = {
  high: [
    ['polygon', { points: '7,1 17,1 23,7 23,17 17,23 7,23 1,17 1,7' }],
    ['rect', { x: '10.5', y: '5', width: '3', height: '9', class: 'mark' }],
    ['rect', { x: '10.5', y: '16', width: '3', height: '3', class: 'mark' }],
  ],
  medium: [
    ['polygon', { points: '12,1 23,22 1,22' }],
    ['rect', { x: '10.5', y: '8', width: '3', height: '7', class: 'mark' }],
    ['rect', { x: '10.5', y: '17', width: '3', height: '3', class: 'mark' }],
  ],
  low: [
    ['circle', { cx: '12', cy: '12', r: '11' }],
    ['rect', { x: '10.5', y: '10', width: '3', height: '9', class: 'mark' }],
    ['rect', { x: '10.5', y: '5', width: '3', height: '3', class: 'mark' }],
  ],
};

const SVG = 'http://www.w3.org/2000/svg';

export function severityBadge(doc: Document, severity: Severity): HTMLElement {
  const badge = doc.createElement('span');
  badge.className = `severity severity-${severity}`;
  const icon = doc.createElementNS(SVG, 'svg');
  icon.setAttribute('viewBox', '0 0 24 24');
  icon.setAttribute('aria-hidden', 'true');
  icon.setAttribute('class', 'severity-icon');
  for (const [tag, attributes] of SHAPES[severity]) {
    const shape = doc.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) shape.setAttribute(name, value);
    icon.append(shape);
  }
  const word = doc.createElement('span');
  word.textContent = t(`severity_${severity}`);
  badge.append(icon, word);
  return badge;
}
