import type { Finding } from '../../core/findings';
import { t } from '../i18n';
import type { MessageOf } from '../messages';

/** What a fix button asks the background to do, once the page adds the tab. */
export type FixRequest = Omit<MessageOf<'fix/apply'>, 'type' | 'tabId'>;

export type FixAction = 'remove' | 'replace';

/**
 * The buttons that fix one finding in its draft. Nothing is sent until a click: the buttons
 * only carry what the click will ask for. A "replace" fix also offers plain removal beside it.
 * Findings without a place in the text (photos) get no text fix.
 */
export function fixButtons(
  doc: Document,
  fieldKey: string,
  finding: Finding,
  onFix: (request: FixRequest, action: FixAction, button: HTMLButtonElement) => void,
): HTMLElement | null {
  const { fix, start, end } = finding;
  if (!fix || start === undefined || end === undefined) return null;
  const group = doc.createElement('div');
  group.className = 'fixes';

  const button = (action: FixAction, replacement: string, label: string, name: string) => {
    const element = doc.createElement('button');
    element.type = 'button';
    element.className = 'fix';
    element.dataset.action = action;
    // Lets the page put focus back on the same button after the list is drawn again.
    element.dataset.fixKey = `${fieldKey}|${start}|${action}`;
    element.textContent = label;
    // The visible words come first, so voice control users can say what they see.
    element.setAttribute('aria-label', name);
    element.addEventListener('click', () =>
      onFix({ fieldKey, start, end, expected: finding.value, replacement }, action, element),
    );
    group.append(element);
  };

  if (fix.action === 'replace' && fix.replacement !== undefined) {
    button(
      'replace',
      fix.replacement,
      t('fixReplace', fix.replacement),
      t('fixReplaceName', [fix.replacement, finding.value]),
    );
  }
  button('remove', '', t('fixRemove'), t('fixRemoveName', finding.value));
  return group;
}
