import { compareFindings, type Finding } from '../../core/findings';
import { t } from '../i18n';
import type { TabFindings } from '../messages';
import { fixButtons, type FixAction, type FixRequest } from './fix-buttons';
import { severityBadge } from './severity';

export interface ListOptions {
  /** Called on a fix button's click; without it the list shows no fix buttons. */
  onFix?: (request: FixRequest, action: FixAction, button: HTMLButtonElement) => void;
}

/**
 * The list shared by the popup and the side panel: one group per draft field, most serious
 * first, in plain words, each finding with its fixes.
 */
export function renderFindings(doc: Document, state: TabFindings, options: ListOptions = {}): HTMLElement {
  const list = doc.createElement('div');
  list.className = 'findings';
  for (const [fieldKey, field] of Object.entries(state.fields)) {
    const group = doc.createElement('section');
    group.className = 'field';
    const heading = doc.createElement('h2');
    heading.textContent = field.label ? t('popupInField', field.label) : t('popupInUnnamedField');
    const items = doc.createElement('ul');
    for (const finding of [...field.findings].sort(compareFindings)) {
      items.append(renderFinding(doc, fieldKey, finding, options));
    }
    group.append(heading);
    if (field.cut) {
      const note = doc.createElement('p');
      note.className = 'field-cut';
      note.textContent = t('popupFieldCut');
      group.append(note);
    }
    group.append(items);
    list.append(group);
  }
  return list;
}

function renderFinding(doc: Document, fieldKey: string, finding: Finding, options: ListOptions): HTMLElement {
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
  const fixes = options.onFix && fixButtons(doc, fieldKey, finding, options.onFix);
  if (fixes) item.append(fixes);
  return item;
}
