import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FixReply } from '../../../src/extension/messages';

/**
 * The popup and side panel build some message names at run time (`fixError_${error}`), which
 * the locales test cannot see in the source: every outcome of a fix needs its words in English,
 * and tests/unit/locales.test.ts then holds the other languages to English.
 */
const en = JSON.parse(readFileSync(new URL('../../../public/_locales/en/messages.json', import.meta.url), 'utf8'));

type FixError = Extract<FixReply, { ok: false }>['error'];
// A Record over the union: adding an error to FixReply without a name here fails the typecheck.
const ERRORS: Record<FixError, true> = { changed: true, gone: true, noAccess: true };

describe('words for the outcome of a fix', () => {
  it.each(Object.keys(ERRORS))('en says what happened when the fix fails with %s', (error) => {
    expect(en[`fixError_${error}`]?.message).toMatch(/nothing was changed/);
  });

  it('says the draft changed since, in plain words', () => {
    expect(en.fixError_changed.message).toBe('The draft changed since; nothing was changed. Look at the list again.');
    expect(en.fixError_gone.message).toContain('gone');
  });
});
