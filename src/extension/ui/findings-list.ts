import { compareFindings, type Finding } from '../../core/findings';
import { t } from '../i18n';
import type { TabFindings } from '../messages';
import { fixButtons, type FixAction, type FixRequest } from './fix-buttons';
import { findingItem } from './finding-item';

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
  const item = findingItem(doc, finding);
  const fixes = options.onFix && fixButtons(doc, fieldKey, finding, options.onFix);
  if (fixes) item.append(fixes);
  return item;
}
