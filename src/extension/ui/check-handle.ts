import { t } from '../i18n';
import type { WarnCheckReply } from '../messages';
import { send } from '../send';
import { renderMatches } from './warnings-list';
import { severityBadge } from './severity';

/**
 * Check by hand, in the popup and the side panel: a number, email or username typed or pasted
 * (as it came: "2I2 five5five 0147" works) is looked up in the person's lists by the
 * background. The answer is told in words in a live region, so screen readers read it out.
 *
 * Elements, by id: the form `check-handle`, its input `check-input`, and `check-result`.
 */
export function startCheckHandle(doc: Document, ask: (handle: string) => Promise<WarnCheckReply> = defaultAsk): void {
  const form = doc.getElementById('check-handle') as HTMLFormElement | null;
  const input = doc.getElementById('check-input') as HTMLInputElement | null;
  const result = doc.getElementById('check-result');
  if (!form || !input || !result) return;
  // Answers may come back out of order when the person checks twice quickly: only the last is shown.
  let asked = 0;

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const handle = input.value.trim();
    if (!handle) {
      result.replaceChildren(line(doc, t('checkEmpty')));
      input.focus();
      return;
    }
    const ticket = ++asked;
    // Each list's tag is slow on purpose (it protects the list): say that something is happening.
    result.replaceChildren(line(doc, t('checkChecking')));
    form.setAttribute('aria-busy', 'true');
    let reply: WarnCheckReply;
    try {
      reply = await ask(handle);
    } catch {
      reply = { ok: false, error: 'locked' };
    }
    if (ticket !== asked) return;
    form.removeAttribute('aria-busy');
    result.replaceChildren(...answer(doc, reply));
  });
}

function defaultAsk(handle: string): Promise<WarnCheckReply> {
  return send({ type: 'warn/check', handle });
}

const ERRORS: Record<Extract<WarnCheckReply, { ok: false }>['error'], string> = {
  locked: 'checkLocked',
  'not-a-handle': 'checkNotAHandle',
  'no-lists': 'checkNoLists',
};

function answer(doc: Document, reply: WarnCheckReply): Node[] {
  if (!reply.ok) return [line(doc, t(ERRORS[reply.error] ?? 'checkLocked'))];
  if (reply.matches.length === 0) return [line(doc, t('checkNotListed'))];
  const title = doc.createElement('p');
  title.className = 'finding-title';
  title.append(severityBadge(doc, 'high'), ' ', t(reply.matches.length === 1 ? 'checkFoundOne' : 'checkFoundMany', String(reply.matches.length)));
  const box = doc.createElement('div');
  box.className = 'finding finding-high warning';
  box.append(title, renderMatches(doc, reply.matches));
  return [box];
}

function line(doc: Document, text: string): HTMLElement {
  const p = doc.createElement('p');
  p.textContent = text;
  return p;
}
