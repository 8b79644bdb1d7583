import { browser } from 'wxt/browser';
import { getCountries, type CountryCode } from 'libphonenumber-js';
import { countryFromLocale } from '../../core/country';
import { t, useChosenLanguage } from '../i18n';
import { AD_AND_DATING_SITES, siteLabel } from '../sites';
import { loadSettings, saveSettings, setHintSite } from '../storage/settings';
import { localizePage } from './localize';
import { languageSection } from './options-language';
import { startVaultArea } from './options-vault';

export async function startOptionsPage(doc: Document): Promise<void> {
  await useChosenLanguage();
  localizePage(doc);
  startVaultArea(doc.getElementById('vault-area')!, doc.getElementById('vault-news')!);
  await showCountryChoice(doc);
  doc.getElementById('sites')!.replaceChildren(
    ...AD_AND_DATING_SITES.map(siteLabel).map((label) => {
      const item = doc.createElement('li');
      item.textContent = label;
      return item;
    }),
  );
  await showHintChoices(doc);
  doc.getElementById('language-area')!.replaceWith(await languageSection());
}

/** A switch per site for in-page hints: the built-in sites, then any other turned on from the popup. */
async function showHintChoices(doc: Document): Promise<void> {
  const { hintSites } = await loadSettings();
  const builtIn = AD_AND_DATING_SITES.map(siteLabel);
  const sites = [...builtIn, ...hintSites.filter((site) => !builtIn.includes(site))];
  const status = doc.getElementById('hints-saved')!;
  doc.getElementById('hint-sites')!.replaceChildren(
    ...sites.map((site) => {
      const item = doc.createElement('li');
      const label = doc.createElement('label');
      const box = doc.createElement('input');
      box.type = 'checkbox';
      box.value = site;
      box.checked = hintSites.includes(site);
      box.addEventListener('change', async () => {
        const saved = await setHintSite(site, box.checked);
        box.checked = saved.hintSites.includes(site);
        status.textContent = t('optionsSaved');
      });
      label.append(box, site);
      item.append(label);
      return item;
    }),
  );
}

async function showCountryChoice(doc: Document): Promise<void> {
  const select = doc.getElementById('country') as HTMLSelectElement;
  const status = doc.getElementById('country-saved')!;
  const language = browser.i18n.getUILanguage();
  const names = new Intl.DisplayNames([language, 'en'], { type: 'region' });
  const guessed = countryFromLocale(language);

  const automatic = new Option(
    guessed ? t('optionsCountryAutomatic', names.of(guessed) ?? guessed) : t('optionsCountryNone'),
    '',
  );
  const countries = getCountries()
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name, language));
  select.replaceChildren(automatic, ...countries.map(({ code, name }) => new Option(name, code)));
  select.value = (await loadSettings()).country ?? '';

  select.addEventListener('change', async () => {
    await saveSettings({ country: (select.value || null) as CountryCode | null });
    status.textContent = t('optionsSaved');
  });
}
