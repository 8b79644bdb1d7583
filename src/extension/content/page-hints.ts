import type { Severity } from '../../core/findings';
import { t } from '../i18n';
import type { ContentMessage } from '../messages';
import { severityBadge } from '../ui/severity';

export type Hint = Extract<ContentMessage, { type: 'hints/show' }>['hints'][number];

/**
 * In-page hints, only on sites where the person turned them on: a small mark at the corner of
 * a field that has findings, saying how many and how bad, never what.
 *
 * The page must learn as little as possible from it. The mark lives in a closed shadow root
 * (the page's scripts cannot reach inside), its host carries no id, class or data, and the found
 * text is never put anywhere. It is fixed-positioned, so the page's layout does not move.
 */

const RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

interface Mark {
  update(hints: readonly Hint[]): void;
  remove(): void;
}

const marks = new WeakMap<HTMLElement, Mark>();

/** Marks `field` with its hints; an empty list removes the mark. */
export function showHints(field: HTMLElement, hints: readonly Hint[]): void {
  const existing = marks.get(field);
  if (hints.length === 0 || !field.isConnected) {
    existing?.remove();
    marks.delete(field);
    return;
  }
  const mark = existing ?? createMark(field, () => marks.delete(field));
  marks.set(field, mark);
  mark.update(hints);
}

function createMark(field: HTMLElement, forget: () => void): Mark {
  const doc = field.ownerDocument;
  const win = doc.defaultView!;
  const host = doc.createElement('div');
  // Inline and !important, so no rule of the page can move, hide or restyle the host.
  const place = (box: string) =>
    host.setAttribute(
      'style',
      `all:initial!important;position:fixed!important;z-index:2147483647!important;${box}`,
    );
  place('display:none!important');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const pill = doc.createElement('button');
  pill.type = 'button';
  pill.className = 'pill';
  pill.setAttribute('aria-expanded', 'false');
  const count = doc.createElement('span');
  count.className = 'count';
  const bubble = doc.createElement('p');
  bubble.className = 'bubble';
  bubble.hidden = true;
  pill.addEventListener('click', () => {
    bubble.hidden = !bubble.hidden;
    pill.setAttribute('aria-expanded', String(!bubble.hidden));
  });
  root.append(style, pill, bubble);
  doc.documentElement.append(host);

  let frame = 0;
  const position = () => {
    frame = 0;
    if (!field.isConnected) {
      mark.remove();
      forget();
      return;
    }
    const box = field.getBoundingClientRect();
    const viewportHeight = doc.documentElement.clientHeight || win.innerHeight;
    if (box.width === 0 || box.bottom < 0 || box.top > viewportHeight) {
      place('display:none!important');
      return;
    }
    // On the field's top corner at the end of its lines, straddling the border.
    const top = Math.max(0, Math.round(box.top - 12));
    const rtl = win.getComputedStyle(field).direction === 'rtl';
    const side = rtl
      ? `left:${Math.max(0, Math.round(box.left + 4))}px!important`
      : `right:${Math.max(0, Math.round(doc.documentElement.clientWidth - box.right + 4))}px!important`;
    place(`display:block!important;top:${top}px!important;${side}`);
  };
  const schedule = () => {
    if (!frame) frame = win.requestAnimationFrame(position);
  };
  const resized = new win.ResizeObserver(schedule);
  resized.observe(field);
  // Capture: scrolling any inner box that holds the field moves it too.
  win.addEventListener('scroll', schedule, { capture: true, passive: true });
  win.addEventListener('resize', schedule, { passive: true });

  const mark: Mark = {
    update(hints) {
      const worst = hints.reduce<Severity>((w, h) => (RANK[h.severity] < RANK[w] ? h.severity : w), 'low');
      const sentence =
        hints.length === 1 ? t('hintFoundOne') : t('hintFoundMany', String(hints.length));
      pill.className = `pill ${worst}`;
      count.textContent = String(hints.length);
      pill.replaceChildren(severityBadge(doc, worst), count);
      pill.setAttribute('aria-label', `${t(`severity_${worst}`)}: ${sentence}`);
      bubble.textContent = sentence;
      schedule();
    },
    remove() {
      if (frame) win.cancelAnimationFrame(frame);
      resized.disconnect();
      win.removeEventListener('scroll', schedule, { capture: true });
      win.removeEventListener('resize', schedule);
      host.remove();
    },
  };
  return mark;
}

const CSS = `
:host { all: initial; }
.pill {
  all: initial; box-sizing: border-box; display: inline-flex; align-items: center; gap: 6px;
  min-height: 26px; padding: 2px 10px 2px 6px; border-radius: 999px; cursor: pointer;
  font: 600 13px/1.2 system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'PingFang SC', sans-serif;
  background: #fff; color: #1c1b1f; border: 2px solid var(--c); box-shadow: 0 1px 4px rgb(0 0 0 / 35%);
}
.pill:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
.high { --c: #b3261e; } .medium { --c: #c78f00; } .low { --c: #1a5fb4; }
.severity { display: inline-flex; align-items: center; gap: 4px; }
.severity-icon { width: 16px; height: 16px; flex: none; fill: var(--c); }
.severity-icon .mark { fill: #fff; }
.medium .severity-icon { fill: #f2b705; }
.medium .severity-icon .mark { fill: #000; }
.count { min-width: 1.2em; padding: 0 4px; border-radius: 999px; background: var(--c); color: #fff; text-align: center; }
.medium .count { color: #000; background: #f2b705; }
.bubble {
  all: initial; position: absolute; top: 100%; right: 0; margin-top: 4px; width: max-content; max-width: min(260px, 90vw);
  padding: 8px 10px; border-radius: 8px; background: #fff; color: #1c1b1f; border: 1px solid #999;
  box-shadow: 0 2px 8px rgb(0 0 0 / 30%); font: 14px/1.4 system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'PingFang SC', sans-serif;
}
.bubble[hidden] { display: none; }
`;
