import type { Page } from 'playwright-core';

interface NewIdentity {
  kind: 'personal' | 'work';
  label: string;
  names?: string[];
  phones?: string[];
  emails?: string[];
  sites?: string[];
}

async function ask(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message);
}

export async function setPassphraseOnOptionsPage(page: Page, passphrase: string): Promise<void> {
  const reply = await ask(page, { type: 'vault/create', passphrase });
  if (!(reply as { ok: boolean }).ok) throw new Error(`vault/create: ${JSON.stringify(reply)}`);
}

export async function addIdentityOnOptionsPage(page: Page, identity: NewIdentity): Promise<void> {
  const current = (await ask(page, { type: 'identities/get' })) as { identities: unknown[] };
  const full = { id: `${identity.kind}-${current.identities.length}`, colour: 'pink', icon: 'briefcase', names: [], aliases: [], phones: [], emails: [], handles: [], places: [], photos: [], sites: [], ...identity };
  const reply = await ask(page, { type: 'identities/save', identities: [...current.identities, full] });
  if (!(reply as { ok: boolean }).ok) throw new Error(`identities/save: ${JSON.stringify(reply)}`);
}

export async function lockOnOptionsPage(page: Page): Promise<void> {
  await ask(page, { type: 'vault/lock' });
}
