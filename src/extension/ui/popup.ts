import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { countFindings, type TabFindings } from '../messages';
import { send } from '../send';
import { renderFindings } from './findings-list';
import { localizePage } from './localize';

/**
 * The popup shows what Parasol found in the current tab's drafts. `?tab=N` names the tab
 * explicitly (the popup opened as a page, as on Firefox for Android, or in tests).
 */
export async function startPopup(doc: Document): Promise<void> {
  localizePage(doc);
  const tabId = await targetTab(doc);
  const summary = doc.getElementById('summary')!;
  if (tabId === undefined) {
    summary.textContent = t('popupNoTab');
    return;
  }
  const show = (state: TabFindings) => showState(doc, state);
  show(await send({ type: 'findings/get', tabId }));

  doc.getElementById('check-page')!.addEventListener('click', async () => {
    const reply = await send({ type: 'page/check', tabId });
    // On success the content script reports itself, and the listener below shows it.
    if (!reply.ok) summary.textContent = t('popupCannotCheck');
  });

  // Keep the list current while the popup is open and the person goes on typing.
  browser.storage.onChanged.addListener(async (changes, area) => {
    if (area === 'session' && `tab-findings:${tabId}` in changes) {
      show(await send({ type: 'findings/get', tabId }));
    }
  });
}

function showState(doc: Document, state: TabFindings): void {
  const count = countFindings(state);
  const summary = doc.getElementById('summary')!;
  summary.textContent = !state.watching
    ? ''
    : count === 0
      ? t('popupNothingFound')
      : t(count === 1 ? 'popupFoundOne' : 'popupFoundMany', String(count));
  doc.getElementById('not-watching')!.hidden = state.watching;
  doc.getElementById('findings')!.replaceChildren(renderFindings(doc, state));
}

async function targetTab(doc: Document): Promise<number | undefined> {
  const param = new URL(doc.location.href).searchParams.get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}
