// Part "warnlist-browser": the page target of issue 6 measured where it matters, in Chromium with
// the built extension. 3 lists are imported, then an inbox of 50 messages (one client handle each,
// numbers plain and in disguise, emails, usernames) opens on the demo site; the time runs from the
// navigation to the first warning stored for the tab, and to every handle checked. Tags are
// computed by the extension's own pool of Web Workers (Chrome: in the offscreen document). Each
// round has new clients, so no tag comes from the cache. Reference, in the same run: the same
// lookups on one thread in Node (warnlist-page's loop), the ratio says what the pool gains.
import type { Page } from 'playwright-core';
import { pageHandles } from '../../src/extension/background/warnlist/page-handles';
import { launchChromiumWithParasol, type ChromiumWithParasol } from '../../tests/e2e/support/chromium';
import { startDemoServer } from '../../tests/e2e/support/demo';
import { chromeBuild, writeOutput, type BenchContext, type BenchPart } from './part';
import { quantile } from './stats';
import { heading, ms, printChecks, printTable, type Check } from './table';
import { benchLists, inboxTexts, lookUpOnOneThread, TARGET } from './warnlist-page';

const ROUNDS = 3;
const POLL_MS = 20;
const GIVE_UP_MS = 60_000;
const PASSPHRASE = 'bench passphrase, not a secret';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The demo inbox's shape (its site adapter reads `article.message`), with 50 messages and no sender names. */
function inboxHtml(texts: string[]): string {
  const messages = texts.map((text) => `<article class="message">${text.split('\n').map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</article>`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Inbox — bench</title></head><body><main><h1>Inbox</h1>${messages.join('\n')}</main></body></html>`;
}

interface Timing {
  firstMs: number;
  allMs: number;
  checked: number;
  warned: number;
}

type Findings = { warnings?: unknown[]; handlesChecked?: number };

/** From navigation to the first stored warning and to every handle checked, read from the background as the popup reads it. */
async function timePage(browser: ChromiumWithParasol, asker: Page, url: string, handles: number): Promise<Timing> {
  const page = await browser.context.newPage();
  const start = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  const tabId = await browser.tabIdOf(page);
  let firstMs: number | undefined;
  let state: Findings = {};
  while (Date.now() - start < GIVE_UP_MS) {
    state = (await asker.evaluate((id) => chrome.runtime.sendMessage({ type: 'findings/get', tabId: id }), tabId)) as Findings;
    const now = Date.now() - start;
    if ((state.warnings?.length ?? 0) > 0) firstMs ??= now;
    if ((state.handlesChecked ?? 0) >= handles) {
      await page.close();
      return { firstMs: firstMs ?? now, allMs: now, checked: state.handlesChecked ?? 0, warned: state.warnings?.length ?? 0 };
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  await page.close();
  throw new Error(`warnlist-browser bench: ${state.handlesChecked ?? 0} of ${handles} handles checked after ${GIVE_UP_MS / 1000} s`);
}

export const warnlistBrowserBench: BenchPart = {
  name: 'warnlist-browser',
  title: 'Warning lists in Chromium: a 50-handle inbox against 3 lists (first result, all results)',
  async run(context: BenchContext) {
    heading(this.title);
    chromeBuild(context);
    const rounds = Array.from({ length: ROUNDS }, (_, round) => inboxTexts(round));
    const { lists, index, files } = await benchLists(rounds.map((round) => round.listed));
    const found = rounds.map(({ texts }) => pageHandles(texts, [], { country: 'US' }));

    const demo = await startDemoServer();
    const browser = await launchChromiumWithParasol();
    const browserTimes: Timing[] = [];
    try {
      const options = await browser.openExtensionPage('options.html');
      const ask = (message: unknown) => options.evaluate((m) => chrome.runtime.sendMessage(m), message);
      const created = (await ask({ type: 'vault/create', passphrase: PASSPHRASE })) as { ok: boolean };
      if (!created.ok) throw new Error('warnlist-browser bench: could not make a vault');
      for (const file of files) {
        const imported = (await ask({ type: 'lists/import', text: file.text, secret: file.secret })) as { ok: boolean; error?: string };
        if (!imported.ok) throw new Error(`warnlist-browser bench: import refused: ${imported.error}`);
      }
      for (const [round, { texts }] of rounds.entries()) {
        const path = `/bench-inbox-${round}.html`;
        await browser.context.route(demo.url(path), (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: inboxHtml(texts) }));
        const timing = await timePage(browser, options, demo.url(path), found[round]!.length);
        browserTimes.push(timing);
        console.log(`  round ${round + 1}: first ${ms(timing.firstMs)}, all ${ms(timing.allMs)}, ${timing.checked} handles checked, ${timing.warned} warned`);
      }
    } finally {
      await browser.close();
      await demo.close();
    }

    // The reference: the same handles, lists and batches on one thread in Node.
    const nodeTimes = [];
    for (const handles of found) nodeTimes.push(await lookUpOnOneThread(handles, lists, index));

    const median = (values: number[]) => quantile(values, 0.5);
    const first = median(browserTimes.map((t) => t.firstMs));
    const all = median(browserTimes.map((t) => t.allMs));
    const worstAll = Math.max(...browserTimes.map((t) => t.allMs));
    const referenceAll = median(nodeTimes.map((t) => t.allMs));
    printTable(
      ['', 'Chromium with Parasol (median)', 'one thread in Node (median)', 'ratio'],
      [
        ['first result', ms(first), ms(median(nodeTimes.map((t) => t.firstMs))), null],
        ['all 50 handles', ms(all), ms(referenceAll), `${(all / referenceAll).toFixed(2)}x`],
      ],
    );
    writeOutput('warnlist-browser.json', { rounds: browserTimes, reference: nodeTimes });
    const warnedEvery = browserTimes.every((t) => t.warned === 3);
    const checks: Check[] = [
      { part: this.name, name: 'Chromium page: listed handles warned', got: browserTimes.map((t) => t.warned).join(', '), target: '3 each round', pass: warnedEvery },
      { part: this.name, name: 'Chromium page: first result', got: ms(first), target: `≤ ${ms(TARGET.firstMs)}`, pass: first <= TARGET.firstMs, note: `median of ${ROUNDS}` },
      {
        part: this.name,
        name: 'Chromium page: all results',
        got: ms(all),
        target: `≤ ${ms(TARGET.allMs)}`,
        pass: all <= TARGET.allMs,
        reference: ms(referenceAll),
        note: `median of ${ROUNDS}, slowest ${ms(worstAll)}; reference: one thread in Node`,
      },
    ];
    printChecks(checks, 'one thread');
    return checks;
  },
};
