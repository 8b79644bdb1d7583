import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { scanDraft } from '../../../src/core/text/scan-draft';
import type { Finding } from '../../../src/core/findings';
import { hintsMessage, sendHints } from '../../../src/extension/background/hints';
import { createHandlers } from '../../../src/extension/background/handlers';
import { VaultService } from '../../../src/extension/background/vault/vault-service';
import { HeldLists } from '../../../src/extension/background/warnlist/held-lists';
import { TabFindingsStore } from '../../../src/extension/background/tab-findings';
import { DEFAULT_SETTINGS, loadSettings, setHintSite } from '../../../src/extension/storage/settings';
import { CALL_ME, CALL_ME_PHONE } from '../thin-slice';

const DEMO_PAGE = 'http://127.0.0.1:5174/parasol-demo/profile.html';
const PHONE: Finding = { ...CALL_ME_PHONE, reason: 'reasonPhone', fix: { action: 'remove' } };
const PHOTO_PLACE: Finding = { kind: 'location', severity: 'high', value: '48.85, 2.35', reason: 'reasonPhone' };

describe('hintsMessage', () => {
  it('is null while hints are off (the default)', () => {
    expect(hintsMessage(DEFAULT_SETTINGS, DEMO_PAGE, 'f1', [PHONE])).toBeNull();
  });

  it('is null on a site other than the one turned on', () => {
    const settings = { ...DEFAULT_SETTINGS, hintSites: ['tryst.link'] };
    expect(hintsMessage(settings, DEMO_PAGE, 'f1', [PHONE])).toBeNull();
    expect(hintsMessage(settings, undefined, 'f1', [PHONE])).toBeNull();
  });

  it('carries only kinds, severities and spans, never the found text', () => {
    const settings = { ...DEFAULT_SETTINGS, hintSites: ['127.0.0.1'] };
    const message = hintsMessage(settings, DEMO_PAGE, 'f3', [PHONE]);
    expect(message).toEqual({
      type: 'hints/show',
      fieldId: 'f3',
      hints: [{ kind: 'phone', severity: 'high', start: 8, end: 20 }],
    });
    expect(JSON.stringify(message)).not.toContain('555');
    expect(JSON.stringify(message)).not.toContain('reason');
  });

  it('skips findings with no place in the text', () => {
    const settings = { ...DEFAULT_SETTINGS, hintSites: ['127.0.0.1'] };
    expect(hintsMessage(settings, DEMO_PAGE, 'f1', [PHOTO_PLACE, PHONE])?.hints).toHaveLength(1);
  });

  it('is an empty list when the field has nothing left, so the mark goes away', () => {
    const settings = { ...DEFAULT_SETTINGS, hintSites: ['127.0.0.1'] };
    expect(hintsMessage(settings, DEMO_PAGE, 'f1', [])).toEqual({ type: 'hints/show', fieldId: 'f1', hints: [] });
  });
});

describe('sendHints', () => {
  let sent: { tabId: number; message: unknown; frameId?: number }[];

  beforeEach(() => {
    fakeBrowser.reset();
    sent = [];
    // The fake browser has no content scripts to answer; record what would reach the frame.
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number, message: unknown, options?: { frameId?: number }) => {
      sent.push({ tabId, message, frameId: options?.frameId });
    }) as typeof fakeBrowser.tabs.sendMessage);
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  const frame = { tabId: 4, frameId: 2, url: DEMO_PAGE, fromExtensionPage: false };

  it('sends nothing while hints are off', async () => {
    await sendHints(await loadSettings(), frame, 'f1', [PHONE]);
    expect(sent).toEqual([]);
  });

  it('sends to the one frame the field is in when the site is on', async () => {
    await setHintSite('127.0.0.1', true);
    await sendHints(await loadSettings(), frame, 'f1', [PHONE]);
    expect(sent).toEqual([
      {
        tabId: 4,
        frameId: 2,
        message: { type: 'hints/show', fieldId: 'f1', hints: [{ kind: 'phone', severity: 'high', start: 8, end: 20 }] },
      },
    ]);
  });

  it('clears a mark once hints are turned off, then sends nothing more', async () => {
    await setHintSite('127.0.0.1', true);
    await sendHints(await loadSettings(), { ...frame, tabId: 5 }, 'f1', [PHONE]);
    await setHintSite('127.0.0.1', false);
    await sendHints(await loadSettings(), { ...frame, tabId: 5 }, 'f1', [PHONE]);
    await sendHints(await loadSettings(), { ...frame, tabId: 5 }, 'f1', [PHONE]);
    expect(sent.map((s) => (s.message as { hints: unknown[] }).hints.length)).toEqual([1, 0]);
  });

  it('runs after each draft/update in the background', async () => {
    await setHintSite('127.0.0.1', true);
    const handlers = createHandlers(new TabFindingsStore(), new VaultService(), new HeldLists(new VaultService()));
    await handlers['draft/update']({ type: 'draft/update', field: { id: 'f9', label: 'About me' }, text: CALL_ME }, frame);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    const [{ start, end }] = scanDraft(CALL_ME, { country: 'US' }) as [Finding];
    expect(sent[0]).toMatchObject({ tabId: 4, frameId: 2, message: { fieldId: 'f9', hints: [{ start, end }] } });
  });

  it('a draft/update on a site with hints off sends nothing to the page', async () => {
    const handlers = createHandlers(new TabFindingsStore(), new VaultService(), new HeldLists(new VaultService()));
    const draft = { type: 'draft/update', field: { id: 'f9', label: 'About me' }, text: CALL_ME } as const;
    await handlers['draft/update'](draft, { ...frame, tabId: 6 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sent).toEqual([]);
  });
});
