import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CHROME_BUILD, FIREFOX_BUILD } from './support/paths';

const BROAD = ['<all_urls>', '*://*/*', 'http://*/*', 'https://*/*', '*://*/'];

async function manifestOf(dir: string) {
  return JSON.parse(await readFile(`${dir}/manifest.json`, 'utf8'));
}

async function allText(dir: string): Promise<string> {
  const files = await readdir(dir, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(
    files
      .filter((file) => file.isFile() && /\.(js|html|json)$/.test(file.name))
      .map((file) => readFile(join(file.parentPath, file.name), 'utf8')),
  );
  return texts.join('\n');
}

describe.each([
  // Chrome's side panel and offscreen document (where faces are found) need permissions of their
  // own, which grant no access to pages; Firefox's sidebar and background page need none. alarms
  // and idle: the vault's auto-lock; unlimitedStorage: warning lists. contextualIdentities: Firefox containers (it cannot be optional).
  ['Chrome', CHROME_BUILD, ['storage', 'unlimitedStorage', 'activeTab', 'scripting', 'alarms', 'idle', 'offscreen', 'sidePanel'], undefined],
  ['Firefox', FIREFOX_BUILD, ['storage', 'unlimitedStorage', 'activeTab', 'scripting', 'alarms', 'idle', 'contextualIdentities'], ['cookies']],
])('the shipped %s build', (_name, dir, permissions, optional) => {
  test('asks for no access to every site and lets no page detect it', async () => {
    const manifest = await manifestOf(dir);
    for (const pattern of [...manifest.host_permissions, ...manifest.permissions]) {
      expect(BROAD).not.toContain(pattern);
    }
    for (const script of manifest.content_scripts) {
      for (const pattern of script.matches) expect(BROAD).not.toContain(pattern);
    }
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.permissions).toEqual(permissions);
    // Any other site only when the person adds it to an identity, one site per request.
    expect(manifest.optional_host_permissions).toEqual(['*://*/*']);
    expect(manifest.optional_permissions).toEqual(optional);
  });

  test('has a side panel (Chrome) or sidebar (Firefox) showing the findings page', async () => {
    const manifest = await manifestOf(dir);
    const page = manifest.side_panel?.default_path ?? manifest.sidebar_action?.default_panel;
    expect(page).toBe('sidepanel.html');
    expect(await readFile(join(dir, page), 'utf8')).toContain('id="findings"');
  });

  test('carries no test-only code', async () => {
    expect(await allText(dir)).not.toContain('parasol-e2e-open');
  });
});

test('the Firefox build says it collects no data (needed by addons.mozilla.org)', async () => {
  const manifest = await manifestOf(FIREFOX_BUILD);
  expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
});
