import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { countFindings, type FixReply, type TabFindings } from '../messages';
import { send } from '../send';
import type { FixAction, FixRequest } from './fix-buttons';
import { renderFindings } from './findings-list';
import { choosePhoto } from './photo-choose';
import { renderPhotos } from './photo-list';
import { startCheckHandle } from './check-handle';
import { renderWarnings } from './warnings-list';

/**
 * What the popup and the side panel share: the findings of one tab, kept current while the
 * page is open, with fix buttons and their outcome told in words. The side panel changes the
 * tab as the person switches tabs; the popup keeps one.
 *
 * Elements it fills, by id: `summary`, `findings`, `fix-status`, `not-watching`, `check-page`.
 */
export interface TabView {
  /** The tab shown now, if any. */
  readonly tabId: number | undefined;
  show(tabId: number | undefined): Promise<void>;
  /** Asks the background again for the shown tab's findings. */
  refresh(): Promise<void>;
  /** Called with every state drawn (the page's own extras, such as the hints switch). */
  onState(listener: (state: TabFindings, tabId: number) => void): void;
}

const DONE: Record<FixAction, string> = { remove: 'fixDoneRemove', replace: 'fixDoneReplace' };

export function createTabView(doc: Document): TabView {
  const summary = doc.getElementById('summary')!;
  const status = doc.getElementById('fix-status')!;
  const listeners: ((state: TabFindings, tabId: number) => void)[] = [];
  let tabId: number | undefined;
  // Replies may arrive out of order while the person types; only the latest request is drawn.
  let asked = 0;

  const draw = (state: TabFindings, shownTab: number) => {
    // What could identify the person, and people on the page that a warning list knows, told apart.
    const warned = state.warnings?.length ?? 0;
    const count = countFindings(state) - warned;
    const found = count === 0 ? (warned ? '' : t('popupNothingFound')) : t(count === 1 ? 'popupFoundOne' : 'popupFoundMany', String(count));
    const warnedText = warned === 0 ? '' : t(warned === 1 ? 'popupWarnedOne' : 'popupWarnedMany', String(warned));
    summary.textContent = state.watching ? [warnedText, found].filter(Boolean).join(' ') : '';
    doc.getElementById('not-watching')!.hidden = state.watching;
    const findings = doc.getElementById('findings')!;
    const focused = (doc.activeElement as HTMLElement | null)?.dataset?.fixKey;
    const photos = renderPhotos(doc, state, (photoKey, choice, button) => {
      if (tabId !== undefined) void choosePhoto(tabId, photoKey, choice, button, status).then(refresh);
    });
    const warnings = renderWarnings(doc, state);
    findings.replaceChildren(
      ...(warnings ? [warnings] : []),
      renderFindings(doc, state, { onFix: (request, action, button) => void fix(request, action, button) }),
      ...(photos ? [photos] : []),
    );
    // Drawing the list again must not drop a keyboard user's place: back to the same button,
    // or, when that finding is gone (it was just fixed), to the summary that says what is left.
    if (focused !== undefined) {
      const same = [...findings.querySelectorAll<HTMLElement>('button.fix')].find((b) => b.dataset.fixKey === focused);
      (same ?? summary).focus();
    }
    for (const listener of listeners) listener(state, shownTab);
  };

  const refresh = async () => {
    const shownTab = tabId;
    if (shownTab === undefined) return;
    const ticket = ++asked;
    const state = await send({ type: 'findings/get', tabId: shownTab });
    if (ticket === asked && shownTab === tabId) draw(state, shownTab);
  };

  const fix = async (request: FixRequest, action: FixAction, button: HTMLButtonElement) => {
    // aria-disabled, not disabled: a disabled button drops the keyboard focus.
    if (tabId === undefined || button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    status.textContent = '';
    let reply: FixReply;
    try {
      reply = await send({ type: 'fix/apply', tabId, ...request });
    } catch {
      reply = { ok: false, error: 'gone' };
    }
    button.removeAttribute('aria-disabled');
    status.textContent = reply.ok
      ? t(DONE[action])
      : t(`fixError_${reply.error}`);
    // The content script reports the new text itself; this only hurries the list along.
    await refresh();
  };

  doc.getElementById('check-page')?.addEventListener('click', async () => {
    if (tabId === undefined) return;
    const reply = await send({ type: 'page/check', tabId });
    // On success the content script reports itself, and the storage listener below shows it.
    if (!reply.ok) summary.textContent = t('popupCannotCheck');
  });

  // Check by hand (the form `check-handle`, where the page has it).
  startCheckHandle(doc);

  // Keep the list current while the page is open and the person goes on typing.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'session' && tabId !== undefined && `tab-findings:${tabId}` in changes) void refresh();
  });

  return {
    get tabId() {
      return tabId;
    },
    async show(next) {
      if (next !== tabId) status.textContent = '';
      tabId = next;
      if (next === undefined) {
        asked++;
        summary.textContent = t('popupNoTab');
        doc.getElementById('not-watching')!.hidden = true;
        doc.getElementById('findings')!.replaceChildren();
        return;
      }
      await refresh();
    },
    refresh,
    onState(listener) {
      listeners.push(listener);
    },
  };
}

/** `?tab=N` names the tab explicitly: a page opened in a tab (Firefox for Android, tests). */
export function tabFromAddress(doc: Document): number | undefined {
  const param = new URL(doc.location.href).searchParams.get('tab');
  return param && /^\d+$/.test(param) ? Number(param) : undefined;
}
