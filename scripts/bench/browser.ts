// Part "browser": typing into a 100 KB draft must cause no main-thread task over 50 ms. The demo
// profile page's textarea and Quill editor are filled with 100 KB of ad text, then 50 characters
// are typed at a human pace, in Chromium with Parasol and in the same Chromium without it.
import { execFileSync } from 'node:child_process';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromiumWithParasol } from '../../tests/e2e/support/chromium';
import { launchPlainChromium } from '../../tests/e2e/support/chromium-plain';
import { startDemoServer, type DemoServer } from '../../tests/e2e/support/demo';
import { longTasksBetween, pageNow, recordLongTasks, type LongTask } from '../../tests/e2e/support/long-tasks';
import { CHROME_BUILD, ROOT } from '../../tests/e2e/support/paths';
import { adTexts } from './ad-text';
import { seededRandom } from './corpus';
import { writeOutput, type BenchPart } from './part';
import { heading, ms, printChecks, printTable, type Check } from './table';

const DRAFT_BYTES = 100 * 1024;
/** 50 characters, with a phone number in it so Parasol has something to find while it is typed. */
const TYPED = ' Text me on 555 123 4567 after 9pm, ask for Rosa x';
const LONG_TASK_MS = 50;
/** A person types about 3 to 8 keys a second, with pauses; some pauses outlast the content script's debounce. */
const KEY_GAP_MS = { min: 60, max: 320 };
/** Time for Parasol to read, send and scan the filled draft before the measured stretch starts. */
const SETTLE_MS = 3000;
/** After the last key: the debounce, the scan, and the badge update fall inside the stretch. */
const AFTER_TYPING_MS = 1500;
const SEED = 50;

const FIELDS = [
  { name: 'textarea', selector: '#rates' },
  { name: 'Quill editor', selector: '#about .ql-editor' },
] as const;
type FieldName = (typeof FIELDS)[number]['name'];

interface Stretch {
  field: FieldName;
  tasks: LongTask[];
  longest: number;
  over: number;
  typedArrived: boolean;
}

interface Run {
  label: string;
  stretches: Stretch[];
  badge?: string;
}

export const browserTyping: BenchPart = {
  name: 'browser',
  title: 'In the browser: typing into a 100 KB draft (Chromium)',
  async run({ corpus, build }) {
    heading(this.title);
    if (TYPED.length !== 50) throw new Error(`The typed text must be 50 characters, not ${TYPED.length}`);
    if (build) {
      const started = Date.now();
      execFileSync('npx', ['--no-install', 'wxt', 'build'], { cwd: ROOT, stdio: 'pipe' });
      console.log(`Built the Chrome extension in ${((Date.now() - started) / 1000).toFixed(1)} s: ${CHROME_BUILD}`);
    } else {
      console.log(`Using the existing build (--no-build): ${CHROME_BUILD}`);
    }
    const draft = adTexts(corpus.cases, { count: 1, bytes: DRAFT_BYTES, seed: SEED })[0]!;
    console.log(
      `Fills the demo profile's textarea and Quill editor with ${draft.length} characters (${DRAFT_BYTES / 1024} KB) each, waits ${SETTLE_MS / 1000} s, then types ` +
        `${JSON.stringify(TYPED)} into each, ${KEY_GAP_MS.min}-${KEY_GAP_MS.max} ms between keys. Long tasks counted from after the fill.`,
    );

    const demo = await startDemoServer();
    try {
      const without = await measure('without Parasol', demo, draft, async () => {
        const browser = await launchPlainChromium();
        return { context: browser.context, close: browser.close };
      });
      let badge: string | undefined;
      const withParasol = await measure('with Parasol', demo, draft, async () => {
        const browser = await launchChromiumWithParasol();
        return {
          context: browser.context,
          close: browser.close,
          after: async (page: Page) => {
            badge = await browser.badgeText(await browser.tabIdOf(page));
          },
        };
      });
      withParasol.badge = badge;
      return report(without, withParasol);
    } finally {
      await demo.close();
    }
  },
};

interface Launched {
  context: BrowserContext;
  close(): Promise<void>;
  after?(page: Page): Promise<void>;
}

async function measure(label: string, demo: DemoServer, draft: string, launch: () => Promise<Launched>): Promise<Run> {
  const browser = await launch();
  try {
    await recordLongTasks(browser.context);
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(demo.url('profile.html'));
    await page.locator('#about .ql-editor').waitFor();
    await fillDraft(page, draft);
    await page.waitForTimeout(SETTLE_MS);

    const random = seededRandom(SEED);
    const stretches: Stretch[] = [];
    for (const field of FIELDS) {
      const from = await pageNow(page);
      await page.click(field.selector);
      await page.keyboard.press('Control+End');
      for (const key of TYPED) {
        await page.keyboard.type(key);
        await page.waitForTimeout(KEY_GAP_MS.min + random() * (KEY_GAP_MS.max - KEY_GAP_MS.min));
      }
      await page.waitForTimeout(AFTER_TYPING_MS);
      const to = await pageNow(page);
      const tasks = await longTasksBetween(page, from, to);
      const text = await page.locator(field.selector).evaluate((element) =>
        element instanceof HTMLTextAreaElement ? element.value : (element as HTMLElement).innerText,
      );
      stretches.push({
        field: field.name,
        tasks,
        longest: Math.max(0, ...tasks.map((task) => task.duration)),
        over: tasks.filter((task) => task.duration > LONG_TASK_MS).length,
        typedArrived: text.replace(/\s+/g, ' ').includes(TYPED.trim()),
      });
    }
    await browser.after?.(page);
    return { label, stretches };
  } finally {
    await browser.close();
  }
}

/** Puts the draft in both editors through the page, as a paste or a saved draft would. */
async function fillDraft(page: Page, draft: string): Promise<void> {
  await page.evaluate((text) => {
    const area = document.querySelector<HTMLTextAreaElement>('#rates')!;
    area.value = text;
    area.dispatchEvent(new Event('input', { bubbles: true }));
    type QuillLike = { find(node: Element): { setText(text: string): void; root: HTMLElement } };
    const quill = (window as unknown as { Quill: QuillLike }).Quill.find(document.querySelector('#about')!);
    quill.setText(text);
    quill.root.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }, draft);
}

function report(without: Run, withParasol: Run): Check[] {
  const rows = FIELDS.map(({ name }) => {
    const a = without.stretches.find((s) => s.field === name)!;
    const b = withParasol.stretches.find((s) => s.field === name)!;
    return [name, longest(a), a.over, longest(b), b.over, signed(b.longest - a.longest), signed(b.over - a.over, '')];
  });
  printTable(
    ['typing into', 'without: longest', `> ${LONG_TASK_MS} ms`, 'with Parasol: longest', `> ${LONG_TASK_MS} ms`, 'difference', `> ${LONG_TASK_MS} ms`],
    rows,
  );
  console.log('"longest" is the longest main-thread task while typing; "none": no task reached the 50 ms from which the browser reports one.');
  console.log(`Parasol's toolbar badge after typing: ${withParasol.badge || '(empty: Parasol raised nothing)'}.`);
  for (const run of [without, withParasol]) {
    for (const s of run.stretches) if (!s.typedArrived) console.log(`Warning (${run.label}): the typed text did not all arrive in the ${s.field}.`);
  }

  const checks: Check[] = FIELDS.map(({ name }) => {
    const a = without.stretches.find((s) => s.field === name)!;
    const b = withParasol.stretches.find((s) => s.field === name)!;
    return {
      part: 'browser',
      name: `typing into a 100 KB ${name}: tasks > ${LONG_TASK_MS} ms`,
      got: `${b.over} (longest ${longest(b)})`,
      target: '0',
      pass: b.over === 0 && b.typedArrived,
      reference: `without Parasol: ${a.over} (longest ${longest(a)})`,
      note: !b.typedArrived ? 'the typed text did not arrive' : b.over > 0 && a.over > 0 ? 'the page alone has such tasks too' : undefined,
    };
  });
  heading('In the browser: acceptance (issue 3)');
  printChecks(checks, 'reference');
  writeOutput('browser.json', {
    draftBytes: DRAFT_BYTES,
    typed: TYPED,
    keyGapMs: KEY_GAP_MS,
    longTaskMs: LONG_TASK_MS,
    runs: [without, withParasol],
    checks,
  });
  return checks;
}

function longest(stretch: Stretch): string {
  return stretch.tasks.length ? ms(stretch.longest) : 'none';
}

function signed(value: number, unit = ' ms'): string {
  const text = unit ? ms(Math.abs(value)).replace(' ms', '') : String(Math.abs(value));
  return `${value < 0 ? '-' : '+'}${text}${unit}`;
}
