/**
 * Drives the options page as a person does (types, clicks), in Chromium (playwright) and in
 * Firefox (puppeteer over WebDriver BiDi): only the calls both page types share.
 */
export interface DriverPage {
  click(selector: string): Promise<unknown>;
  type(selector: string, text: string): Promise<unknown>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

export interface NewIdentity {
  kind: 'personal' | 'work';
  label: string;
  names?: string[];
  phones?: string[];
  emails?: string[];
  sites?: string[];
}

async function until(page: DriverPage, what: string, selector: string, present = true, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await page.evaluate((s) => document.querySelector(s) !== null, selector).catch(() => !present);
    if (found === present) return;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what} (${selector})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** First run: the welcome's passphrase, typed twice; done when the identities section shows. */
export async function setPassphraseOnOptionsPage(page: DriverPage, passphrase: string): Promise<void> {
  await until(page, 'the welcome', '#welcome-form');
  await page.type('#welcome-form input[name="welcome-passphrase"]', passphrase);
  await page.type('#welcome-form input[name="welcome-again"]', passphrase);
  await page.click('#welcome-form button[type="submit"]');
  await until(page, 'the identities section (the vault is made)', '#add-identity');
}

/** Adds one identity through its form and saves it; done when it is listed. */
export async function addIdentityOnOptionsPage(page: DriverPage, identity: NewIdentity): Promise<void> {
  const before = await page.evaluate(() => document.querySelectorAll('li.identity').length, null);
  await page.click('#add-identity');
  await until(page, 'the identity form', '.identity-form');
  await page.type('.identity-form input[name="label"]', identity.label);
  await page.click(`.identity-form fieldset.kind input[value="${identity.kind}"]`);
  for (const [name, values] of [['names', identity.names], ['phones', identity.phones], ['emails', identity.emails]] as const) {
    if (values?.length) await page.type(`.identity-form textarea[name="${name}"]`, values.join('\n'));
  }
  for (const site of identity.sites ?? []) {
    await page.type('.identity-form input[name="site"]', site);
    await page.click('.identity-form button.add-site');
    await until(page, `the site ${site} in the form`, `.identity-form li[data-site="${site}"]`);
  }
  await page.click('.identity-form button.save');
  await until(page, 'the form to close', '.identity-form', false);
  const after = await page.evaluate(() => document.querySelectorAll('li.identity').length, null);
  if (after !== before + 1) throw new Error(`Expected ${before + 1} identities listed, found ${after}`);
}

/** Security → "Lock now"; done when the unlock form shows. */
export async function lockOnOptionsPage(page: DriverPage): Promise<void> {
  await page.click('#lock-now');
  await until(page, 'the unlock form', 'input[type="password"]');
  await until(page, 'the identities to leave the page', '#add-identity', false);
}

export async function unlockOnOptionsPage(page: DriverPage, passphrase: string): Promise<void> {
  await until(page, 'the unlock form', '#unlock-form');
  await page.type('#unlock-form input[name="unlock"]', passphrase);
  await page.click('#unlock-form button[type="submit"]');
  await until(page, 'the identities section (unlocked)', '#add-identity');
}

/** Security → quick wipe, then its confirmation; done when the welcome shows again. */
export async function wipeOnOptionsPage(page: DriverPage): Promise<void> {
  await page.click('#wipe');
  await until(page, 'the wipe confirmation', '#wipe-confirm');
  await page.click('#wipe-confirm');
  await until(page, 'the welcome after the wipe', '#welcome-form');
}

/** Everything Parasol keeps in the extension's storage, read from one of its pages. */
export function storedByParasol(page: DriverPage): Promise<{ local: string[]; session: string[]; databases: string[] }> {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    const [local, session, databases] = await Promise.all([api.storage.local.get(null), api.storage.session.get(null), indexedDB.databases()]);
    return { local: Object.keys(local), session: Object.keys(session), databases: databases.map((db) => db.name ?? '') };
  }, null);
}

/** An IndexedDB database in the extension's origin, as a library Parasol uses might leave one. */
export function makeDatabase(page: DriverPage, name: string): Promise<void> {
  return page.evaluate(
    (dbName) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(dbName, 1);
        request.onupgradeneeded = () => request.result.createObjectStore('models');
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
      }),
    name,
  );
}

/** Warning lists → Add a list, from a pasted text block (or, with no text, a file already chosen); resolves to what the page says. */
export async function importListOnOptionsPage(page: DriverPage, secret: string, pasted?: string): Promise<string> {
  await until(page, 'the list import form', '#list-import-form');
  if (pasted !== undefined) {
    // Typing a whole list key by key takes long: set it as a paste would, then tell the form.
    await page.evaluate((text) => {
      const area = document.querySelector<HTMLTextAreaElement>('#list-import-form textarea[name="list-text"]')!;
      area.value = text;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }, pasted);
  }
  // A refused import keeps what was typed; a new attempt types the code afresh.
  await page.evaluate(() => void (document.querySelector<HTMLInputElement>('#list-import-form input[name="list-secret"]')!.value = ''), null);
  await page.type('#list-import-form input[name="list-secret"]', secret);
  await page.click('#list-import');
  const deadline = Date.now() + 30_000;
  for (;;) {
    const said = await page.evaluate(() => {
      const form = document.querySelector('#list-import-form')!;
      const problem = form.querySelector('[role="alert"]')?.textContent ?? '';
      const busy = form.querySelector<HTMLButtonElement>('#list-import')!.disabled;
      const status = form.querySelector('[role="status"]')?.textContent ?? '';
      return busy ? '' : problem || status;
    }, null);
    if (said) return said;
    if (Date.now() > deadline) throw new Error('Timed out waiting for the list import to answer');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The warning lists the options page shows as held, by name. */
export function heldListsOnOptionsPage(page: DriverPage): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('li.held-list strong')].map((name) => name.textContent ?? ''), null);
}
