import type { Finding } from '../../core/findings';
import { t } from '../i18n';
import { severityBadge } from './severity';

/**
 * One finding as a list item, the same for text and photos: severity in colour, shape and word,
 * what kind of thing it is, the thing itself, and why it matters in plain words.
 */
export function findingItem(
  doc: Document,
  finding: Finding,
  value = finding.value,
  reason = reasonText(finding),
): HTMLLIElement {
  const item = doc.createElement('li');
  item.className = `finding finding-${finding.severity}`;
  item.dataset.kind = finding.kind;
  const title = doc.createElement('p');
  title.className = 'finding-title';
  const what = doc.createElement('strong');
  what.textContent = t(`kind_${finding.kind}`);
  const shown = doc.createElement('q');
  shown.className = 'finding-value';
  shown.textContent = value;
  title.append(severityBadge(doc, finding.severity), ' ', what, ' ', shown);
  const because = doc.createElement('p');
  because.className = 'finding-reason';
  because.textContent = reason;
  item.append(title, because);
  return item;
}

/** Why a finding matters, in plain words; a leak from another persona names it. */
export function reasonText(finding: Finding): string {
  return t(finding.reason, finding.identityLabel === undefined ? undefined : [finding.identityLabel]);
}
