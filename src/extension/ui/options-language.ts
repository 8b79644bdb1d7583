import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { requestContainerPermissions } from './container-permission';
import { LANGUAGE_CHOICES, loadSettings, saveSettings, type LanguageChoice } from '../storage/settings';
import { h, statusLine, uid } from './options-dom';

/** Each language in its own words (the same in every locale), so a person can find theirs in any. */
const ENDONYMS: Record<Exclude<LanguageChoice, 'auto'>, string> = {
  en: 'English',
  es: 'Español',
  ru: 'Русский',
  zh_CN: '简体中文',
};

/** Firefox, where containers exist (Chrome has no contextualIdentities). */
function isFirefox(): boolean {
  return import.meta.env.FIREFOX || 'contextualIdentities' in browser;
}

/** The pages' language and, in Firefox, containers for work personas. Not in the vault: shown even when locked. */
export async function languageSection(): Promise<HTMLElement> {
  const settings = await loadSettings();
  const id = uid('language');
  const select = h(
    'select',
    { id, 'aria-describedby': `${id}-help` },
    ...LANGUAGE_CHOICES.map((choice) => {
      const option = new Option(choice === 'auto' ? t('languageAuto') : ENDONYMS[choice], choice);
      if (choice !== 'auto') option.lang = choice.replace('_', '-');
      return option;
    }),
  );
  select.value = settings.language;
  const status = statusLine();
  select.addEventListener('change', async () => {
    await saveSettings({ language: select.value as LanguageChoice });
    status.textContent = t('optionsSaved');
    // The page's words were read at load: draw it again in the new language.
    location.reload();
  });
  const section = h(
    'section',
    { id: 'language', 'aria-labelledby': 'language-heading' },
    h('h2', { id: 'language-heading' }, t('languageHeading')),
    h('label', { for: id }, t('languageLabel')),
    h('p', { id: `${id}-help`, class: 'help' }, t('languageHelp')),
    select,
    status,
  );
  if (isFirefox()) section.append(containersChoice(settings.containers));
  return section;
}

function containersChoice(on: boolean): HTMLElement {
  const id = uid('containers');
  const box = h('input', { id, type: 'checkbox', checked: on, 'aria-describedby': `${id}-help` });
  const status = statusLine();
  box.addEventListener('change', async () => {
    // Asked in the click itself (a user gesture); without it tabs cannot be opened in a container.
    if (box.checked && !(await requestContainerPermissions())) {
      box.checked = false;
      status.textContent = t('containersRefused');
      return;
    }
    await saveSettings({ containers: box.checked });
    status.textContent = t('optionsSaved');
  });
  return h(
    'div',
    { class: 'block containers' },
    h('h3', {}, t('containersHeading')),
    h('label', { class: 'check', for: id }, box, t('containersLabel')),
    h('p', { id: `${id}-help`, class: 'help' }, t('containersHelp')),
    status,
  );
}
