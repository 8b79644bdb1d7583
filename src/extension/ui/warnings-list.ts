import type { WarnMatch } from '../../core/warnlist/types';
import { chosenLocale, t } from '../i18n';
import type { TabFindings } from '../messages';
import { CATEGORY_MESSAGES } from './category-names';
import { severityBadge } from './severity';

/**
 * The handles on the page that a held warning list knows, first in the popup and the side
 * panel: what was reported (in plain words, always high risk: colour, shape and word), when, by
 * how many people, in which list, and the reporter's own story. Undefined when the page has none
 * and none were checked.
 */
export function renderWarnings(doc: Document, state: TabFindings): HTMLElement | undefined {
  const warnings = state.warnings ?? [];
  const checked = state.handlesChecked ?? 0;
  if (warnings.length === 0 && checked === 0) return undefined;
  const section = doc.createElement('section');
  section.className = 'warnings';
  if (warnings.length === 0) {
    const note = doc.createElement('p');
    note.className = 'warn-checked';
    note.textContent = t(checked === 1 ? 'warnCheckedOne' : 'warnCheckedMany', String(checked));
    section.append(note);
    return section;
  }
  const heading = doc.createElement('h2');
  heading.textContent = t('warnHeading');
  const items = doc.createElement('ul');
  for (const warning of warnings) {
    const item = doc.createElement('li');
    item.className = 'finding finding-high warning';
    const title = doc.createElement('p');
    title.className = 'finding-title';
    const what = doc.createElement('strong');
    what.textContent = t('warnOnList');
    const written = doc.createElement('q');
    written.className = 'finding-value';
    written.textContent = warning.written;
    title.append(severityBadge(doc, 'high'), ' ', what, ' ', written);
    item.append(title, renderMatches(doc, warning.matches));
    items.append(item);
  }
  section.append(heading, items);
  return section;
}

/** What the lists say about one handle: one block per report. Shared with the check by hand. */
export function renderMatches(doc: Document, matches: readonly WarnMatch[]): HTMLElement {
  const list = doc.createElement('div');
  list.className = 'warn-matches';
  for (const match of matches) {
    const block = doc.createElement('div');
    block.className = match.expired ? 'warn-match warn-old' : 'warn-match';
    const category = doc.createElement('p');
    category.className = 'warn-category';
    const name = doc.createElement('strong');
    name.textContent = t(CATEGORY_MESSAGES[match.category] ?? 'categoryViolence');
    category.append(name);
    if (match.expired) {
      const old = doc.createElement('span');
      old.className = 'warn-old-label';
      old.textContent = t('warnOld');
      category.append(' ', old);
    }
    const story = doc.createElement('blockquote');
    story.className = 'warn-story';
    story.textContent = match.story;
    const facts = doc.createElement('p');
    facts.className = 'finding-reason warn-facts';
    facts.textContent = factsOf(match).join(' · ');
    block.append(category, ...(match.story ? [story] : []), facts);
    list.append(block);
  }
  return list;
}

function factsOf(match: WarnMatch): string[] {
  const first = formatDate(match.firstReported);
  const last = formatDate(match.lastReported);
  return [
    t(match.sources === 1 ? 'warnReportedByOne' : 'warnReportedByMany', String(match.sources)),
    first === last ? t('warnReportedOn', first) : t('warnReportedBetween', [first, last]),
    ...(match.region ? [t('warnRegion', match.region)] : []),
    t('warnFromList', match.listName),
  ];
}

/** "2026-11-20" as the page's language writes a date; as written when it is not a date. */
export function formatDate(day: string, locale = chosenLocale()?.replace('_', '-')): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
  } catch {
    return day;
  }
}
