import { WARN_CATEGORIES, type WarnCategory } from '../../core/warnlist/types';
import { t } from '../i18n';
import { send } from '../send';
import { CATEGORY_MESSAGES } from './category-names';
import { downloadFile, h, linesField, linesOf, statusLine, textField, uid } from './options-dom';

const REPORT_ERRORS = { locked: 'identitiesLocked', invalid: 'reportInvalid' } as const;
const EXPORT_ERRORS = { locked: 'identitiesLocked', nothing: 'reportNothing' } as const;

/**
 * Report a bad client: the handles they used, what kind of thing happened, the story, where and
 * when. It goes into the person's own list, which they can share as a file or a text block.
 */
export function reportSection(): HTMLElement {
  const heading = h('h2', { id: 'report-heading' }, t('reportHeading'));
  return h('section', { id: 'report', 'aria-labelledby': 'report-heading' }, heading, h('p', { class: 'help' }, t('reportHelp')), reportForm(), shareBlock());
}

function reportForm(): HTMLFormElement {
  const handles = linesField(t('reportHandles'), t('reportHandlesHelp'), [], 'report-handles');
  const categoryId = uid('report-category');
  const category = h('select', { id: categoryId, name: 'report-category' }, ...WARN_CATEGORIES.map((value) => new Option(t(CATEGORY_MESSAGES[value]), value)));
  const storyId = uid('report-story');
  const story = h('textarea', { id: storyId, name: 'report-story', rows: '4', maxlength: '4000' });
  const region = textField(t('reportRegion'), { name: 'report-region', maxlength: 200 });
  const date = textField(t('reportDate'), { name: 'report-date', type: 'date', value: new Date().toISOString().slice(0, 10) });
  const problem = statusLine('alert');
  const done = statusLine();
  const submit = h('button', { type: 'submit', id: 'report-add' }, t('reportAdd'));
  const form = h(
    'form',
    { id: 'report-form', class: 'block', novalidate: true, 'aria-labelledby': 'report-heading' },
    handles.wrap,
    h('div', { class: 'field' }, h('label', { for: categoryId }, t('reportCategory')), category),
    h('div', { class: 'field' }, h('label', { for: storyId }, t('reportStory')), story),
    region.wrap,
    date.wrap,
    problem,
    done,
    submit,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    problem.textContent = '';
    done.textContent = '';
    if (!story.value.trim()) {
      problem.textContent = t('reportNoStory');
      story.focus();
      return;
    }
    submit.disabled = true;
    try {
      const reply = await send({
        type: 'report/add',
        report: {
          handles: linesOf(handles.area),
          category: category.value as WarnCategory,
          story: story.value,
          region: region.input.value.trim() || undefined,
          date: date.input.value,
        },
      });
      if (!reply.ok) {
        problem.textContent = t(REPORT_ERRORS[reply.error]);
        return;
      }
      done.textContent = t('reportAdded');
      handles.area.value = '';
      story.value = '';
      region.input.value = '';
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

/** Share my reports: a file to send, or a text block to paste, and the code that opens them. */
function shareBlock(): HTMLElement {
  const button = h('button', { type: 'button', id: 'report-export' }, t('reportExport'));
  const status = statusLine();
  const outId = uid('report-block');
  const out = h('textarea', { id: outId, readonly: true, rows: '5', hidden: true, spellcheck: 'false' });
  const outLabel = h('label', { for: outId, hidden: true }, t('reportBlock'));
  button.addEventListener('click', async () => {
    const reply = await send({ type: 'report/export' });
    if (!reply.ok) {
      status.textContent = t(EXPORT_ERRORS[reply.error]);
      return;
    }
    downloadFile(reply.fileName, reply.text, 'application/octet-stream');
    out.value = reply.armored;
    out.hidden = false;
    outLabel.hidden = false;
    status.textContent = t('reportExported', [reply.fileName, reply.secret]);
  });
  return h('div', { class: 'block' }, h('h3', {}, t('reportShareHeading')), h('p', { class: 'help' }, t('reportShareHelp')), button, status, outLabel, out);
}
