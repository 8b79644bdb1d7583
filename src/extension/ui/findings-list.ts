import { compareFindings, type Finding } from '../../core/findings';
import { t } from '../i18n';
import type { TabFindings } from '../messages';
import { severityBadge } from './severity';

/** The popup's list: one group per draft field, most serious first, in plain words. */
export function renderFindings(doc: Document, state: TabFindings): HTMLElement {
  const list = doc.createElement('div');
  list.className = 'findings';
  for (const field of Object.values(state.fields)) {
    const group = doc.createElement('section');
    group.className = 'field';
    const heading = doc.createElement('h2');
    heading.textContent = field.label ? t('popupInField', field.label) : t('popupInUnnamedField');
    const items = doc.createElement('ul');
    for (const finding of [...field.findings].sort(compareFindings)) items.append(renderFinding(doc, finding));
    group.append(heading, items);
    list.append(group);
  }
  return list;
}

function renderFinding(doc: Document, finding: Finding): HTMLElement {
  const item = doc.createElement('li');
  item.className = `finding finding-${finding.severity}`;
  item.dataset.kind = finding.kind;
  const title = doc.createElement('p');
  title.className = 'finding-title';
  const what = doc.createElement('strong');
  what.textContent = t(`kind_${finding.kind}`);
  const value = doc.createElement('q');
  value.className = 'finding-value';
  value.textContent = finding.value;
  title.append(severityBadge(doc, finding.severity), ' ', what, ' ', value);
  const reason = doc.createElement('p');
  reason.className = 'finding-reason';
  reason.textContent = t(finding.reason);
  item.append(title, reason);
  return item;
}
