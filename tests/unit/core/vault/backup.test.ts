import { describe, expect, it } from 'vitest';
import { createVault, exportBackup, importBackup, openRecord, sealRecord, unlockVault, VAULT_LIMITS } from '../../../../src/core/vault';

const FAST = { memoryKiB: 64, iterations: 1, parallelism: 1 };
const PASS = 'backup passphrase';

async function backupText(): Promise<string> {
  const created = await createVault(PASS, FAST);
  let vault = sealRecord(created.vault, created.key, 'personal', 'Jane Doe, +1 555 0100');
  vault = sealRecord(vault, created.key, 'persona.1', 'Ruby');
  return exportBackup(vault);
}

describe('backup', () => {
  it('round trips: the imported vault unlocks and opens every record', async () => {
    const text = await backupText();
    expect(text).not.toContain('Jane');
    const imported = importBackup(text);
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    const unlocked = await unlockVault(imported.vault, PASS);
    expect(unlocked.ok).toBe(true);
    if (!unlocked.ok) return;
    expect(openRecord(imported.vault, unlocked.key, 'personal')).toEqual({ ok: true, text: 'Jane Doe, +1 555 0100' });
    expect(openRecord(imported.vault, unlocked.key, 'persona.1')).toEqual({ ok: true, text: 'Ruby' });
    expect(exportBackup(imported.vault)).toBe(text);
  });

  it('refuses a truncated backup as corrupt, at every cut', async () => {
    const text = await backupText();
    for (let cut = 0; cut < text.length - 2; cut += 7) {
      const result = importBackup(text.slice(0, cut));
      expect(result.ok, `cut at ${cut}`).toBe(false);
    }
    expect(importBackup(text.slice(0, text.length / 2))).toEqual({ ok: false, error: 'corrupt' });
  });

  it('refuses damaged fields as corrupt', async () => {
    const value = JSON.parse(await backupText());
    const damaged = [
      { ...value, check: { ...value.check, nonce: 'AAAA' } },
      { ...value, kdf: { ...value.kdf, salt: 'short' } },
      { ...value, kdf: { ...value.kdf, memoryKiB: 'lots' } },
      { ...value, records: { ...value.records, personal: { nonce: value.check.nonce } } },
      { ...value, records: { 'bad id': value.check } },
      { ...value, extra: true },
      { ...value, version: 0 },
    ];
    for (const bad of damaged) expect(importBackup(JSON.stringify(bad))).toEqual({ ok: false, error: 'corrupt' });
  });

  it('refuses foreign files', () => {
    for (const text of ['', 'hello', '\u0089PNG\r\n', '{}', '[]', 'null', '{"format":"keepass"}', JSON.stringify({ version: 1, records: {} })]) {
      expect(importBackup(text), text).toEqual({ ok: false, error: 'foreign' });
    }
  });

  it('refuses a backup from a later Parasol as unsupported', async () => {
    const value = JSON.parse(await backupText());
    expect(importBackup(JSON.stringify({ ...value, version: 2 }))).toEqual({ ok: false, error: 'unsupported' });
    expect(importBackup(JSON.stringify({ ...value, kdf: { ...value.kdf, version: 0x14 } }))).toEqual({ ok: false, error: 'unsupported' });
  });

  it('refuses an oversized file at once, without parsing it', () => {
    const huge = `{"format":"parasol-vault",${' '.repeat(VAULT_LIMITS.fileChars)}}`;
    const start = performance.now();
    expect(importBackup(huge)).toEqual({ ok: false, error: 'corrupt' });
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
