import { describe, expect, test } from 'vitest';
import { PROFILE_EDITOR } from './demo';

/**
 * The editor end-to-end tests, shared by Chromium (playwright-core) and Firefox (puppeteer-core):
 * each browser's test file supplies a Driver, and the same steps run against every fixture editor.
 */

/** What a person types into each editor: a phone number written to dodge filters, an email and a payment handle. */
export const EDITOR_DRAFT = ' call 7O2 five five five 0147, jane.doe at mail dot com, cashapp $JaneDoe77';
export const EXPECTED_KINDS = ['phone', 'email', 'payment'] as const;
/** A part of the phone number that survives any way the finder quotes it. */
const PHONE_PART = '0147';

/** How the page's own code holds the draft, which is what a fix must change. */
export type Model = 'value' | 'quill' | 'tiptap' | 'react' | 'text';

export interface EditorCase {
  name: string;
  page: string;
  /** The field's name, as the popup heads its findings: `In “<label>”`. */
  label: string;
  /** CSS selector of the same-origin iframe the field is in. */
  frame?: string;
  /** CSS selector of the element whose open shadow root holds the field. */
  shadowHost?: string;
  /** CSS selector of the field itself (inside the frame or the shadow root). */
  field: string;
  model: Model;
}

export const EDITORS: EditorCase[] = [
  { name: 'Quill', page: 'profile.html', label: 'About me', field: PROFILE_EDITOR, model: 'quill' },
  { name: 'TipTap (ProseMirror)', page: 'editor-tiptap.html', label: 'About me', field: '#about .ProseMirror', model: 'tiptap' },
  { name: 'React controlled textarea', page: 'editor-react.html', label: 'Your ad', field: '#quick-ad', model: 'react' },
  {
    name: 'textarea in an open shadow root',
    page: 'editor-shadow.html',
    label: 'Headline',
    shadowHost: 'va-field[label="Headline"]',
    field: 'textarea',
    model: 'value',
  },
  {
    name: 'contenteditable in an open shadow root',
    page: 'editor-shadow.html',
    label: 'About me',
    shadowHost: 'va-field[label="About me"]',
    field: '[contenteditable]',
    model: 'text',
  },
  {
    name: 'contenteditable in a same-origin iframe',
    page: 'editor-iframe.html',
    label: 'About me',
    frame: '#about-frame',
    field: '.editor',
    model: 'text',
  },
  {
    name: 'textarea in a srcdoc iframe',
    page: 'editor-iframe.html',
    label: 'Auto-reply to new clients',
    frame: '#message-frame',
    field: 'textarea',
    model: 'value',
  },
  {
    name: 'editable body of a blank iframe made by script',
    page: 'editor-iframe.html',
    label: 'Signature',
    frame: '#signature iframe',
    field: 'body',
    model: 'text',
  },
  { name: 'plain textarea', page: 'profile.html', label: 'Rates', field: '#rates', model: 'value' },
  { name: 'plain text input', page: 'profile.html', label: 'Ad title', field: '#title', model: 'value' },
];

/**
 * Runs in the page (or frame): the draft as the page's code holds it. Self-contained, because
 * the drivers send its source to the browser.
 */
export function readModel(field: Element, model: Model): string {
  const any = field as unknown as Record<string, any>;
  let text: string;
  if (model === 'quill') {
    text = (window as unknown as { Quill: any }).Quill.find(field.parentElement).getText().replace(/\n$/, '');
  } else if (model === 'tiptap') {
    text = any.editor.getText({ blockSeparator: '\n' });
  } else if (model === 'react') {
    // The value React last rendered, from its props on the element: React's state, not the DOM's.
    const key = Object.keys(any).find((name) => name.startsWith('__reactProps$'))!;
    text = any[key].value;
  } else if (model === 'value') {
    text = (field as HTMLTextAreaElement).value;
  } else {
    text = (field as HTMLElement).innerText.replace(/\n$/, '');
  }
  return text.replace(/\u00a0/g, ' ');
}

export interface Listed {
  kind: string;
  value: string;
  actions: string[];
}

/** Runs in the popup: the findings listed under one field's heading, or null when it has none. */
export function listedUnder(label: string): Listed[] | null {
  const heading = `In “${label}”`;
  const section = [...document.querySelectorAll('section.field')].find(
    (candidate) => candidate.querySelector('h2')?.textContent === heading,
  );
  if (!section) return null;
  return [...section.querySelectorAll<HTMLElement>('li.finding')].map((item) => ({
    kind: item.dataset.kind ?? '',
    value: item.querySelector('.finding-value')?.textContent ?? '',
    actions: [...item.querySelectorAll<HTMLElement>('button.fix')].map((button) => button.dataset.action ?? ''),
  }));
}

/**
 * Runs in the field's document: from now on, notes every input event the page receives there
 * (whether the browser made it, as for typing, and its kind).
 */
export function recordInputs(field: Element): void {
  const seen: [boolean, string][] = [];
  (window as unknown as { parasolTestInputs: typeof seen }).parasolTestInputs = seen;
  field.getRootNode().addEventListener(
    'input',
    (event) => seen.push([event.isTrusted, (event as InputEvent).inputType]),
    true,
  );
}

/** Runs in the field's document: the input events noted since recordInputs. */
export function recordedInputs(): [boolean, string][] {
  return (window as unknown as { parasolTestInputs?: [boolean, string][] }).parasolTestInputs ?? [];
}

export interface EditorPage {
  /** Clicks into the field, goes to its end and types `text` key by key. */
  type(text: string): Promise<void>;
  /** readModel, in the page. */
  model(): Promise<string>;
  /** recordInputs and recordedInputs, in the field's document. */
  recordInputs(): Promise<void>;
  recordedInputs(): Promise<[boolean, string][]>;
  close(): Promise<void>;
}

export interface PopupPage {
  listed(label: string): Promise<Listed[] | null>;
  /** A real click on the fix button of the first finding of `kind` under `label`. */
  clickFix(label: string, kind: string, action: 'remove' | 'replace'): Promise<void>;
  close(): Promise<void>;
}

export interface Driver {
  /** Opens a demo page in a new tab and finds the editor's field in it. */
  open(editor: EditorCase, url: string): Promise<EditorPage>;
  /** Parasol's popup for that page's tab, opened as a page. */
  popup(page: EditorPage): Promise<PopupPage>;
  /** The demo site's address for a page. */
  url(path: string): string;
}

const POLL = { timeout: 15_000, interval: 150 };

/** Opens `editor`'s page and its popup, runs `steps`, and closes both whatever happens. */
async function withEditor(
  driver: Driver,
  editor: EditorCase,
  steps: (page: EditorPage, popup: PopupPage) => Promise<void>,
): Promise<void> {
  // A query of its own, so that the page's tab is told apart from other tabs of the same page.
  const page = await driver.open(editor, `${driver.url(editor.page)}?editor=${EDITORS.indexOf(editor)}`);
  let popup: PopupPage | undefined;
  try {
    // The popup opens first and follows the typing, as it would for a person who keeps it open.
    popup = await driver.popup(page);
    await steps(page, popup);
  } finally {
    await popup?.close();
    await page.close();
  }
}

/** The findings listed under `label`, by kind. */
async function kindsUnder(popup: PopupPage, label: string): Promise<string[]> {
  return ((await popup.listed(label)) ?? []).map((item) => item.kind);
}

/** Types the draft, waits for its findings in the popup, and clicks "remove" on the phone number. */
async function typeAndFix(page: EditorPage, popup: PopupPage, editor: EditorCase): Promise<void> {
  await page.type(EDITOR_DRAFT);
  await expect.poll(() => page.model(), POLL).toContain(EDITOR_DRAFT.trim());

  const kinds = () => kindsUnder(popup, editor.label);
  await expect
    .poll(kinds, { ...POLL, message: `findings listed under “${editor.label}”` })
    .toEqual(expect.arrayContaining([...EXPECTED_KINDS]));
  const phone = (await popup.listed(editor.label))!.find((item) => item.kind === 'phone')!;
  expect(phone.value).toContain(PHONE_PART);
  expect(phone.actions).toContain('remove');

  const before = await page.model();
  expect(before).toContain(phone.value);
  await page.recordInputs();
  await popup.clickFix(editor.label, 'phone', 'remove');
  // Exactly what the popup showed is gone from the editor's own model; the rest is as it was.
  const fixed = before.replace(phone.value, '');
  await expect.poll(() => page.model(), POLL).toBe(fixed);
  // The page saw one edit, made by the browser as for typing (not an event Parasol made up).
  expect(await page.recordedInputs()).toEqual([[true, 'deleteContentBackward']]);
  await expect.poll(kinds, { ...POLL, message: 'the phone number to leave the popup' }).not.toContain('phone');
  expect(await kinds()).toEqual(expect.arrayContaining(EXPECTED_KINDS.filter((kind) => kind !== 'phone')));

  // Typing on keeps the fixed text: the editor (React's state above all) took the fix as its own.
  await page.type('!');
  await expect.poll(() => page.model(), POLL).toBe(`${fixed}!`);
}

/** One test per fixture editor, plus drafts that are on the page before anyone types. */
export function editorTests(browserName: string, driver: () => Driver): void {
  describe(`${browserName}: drafts in real editors`, () => {
    for (const editor of EDITORS) {
      test(`${editor.name}: what is typed is listed under the field, and "remove" takes the number out`, () =>
        withEditor(driver(), editor, (page, popup) => typeAndFix(page, popup, editor)));
    }

    test('saved drafts are found without typing: inside shadow roots, and in a widget added after load', () =>
      withEditor(driver(), EDITORS.find((editor) => editor.shadowHost)!, async (_page, popup) => {
        for (const label of ['Booking note', 'Welcome message']) {
          await expect
            .poll(() => kindsUnder(popup, label), { ...POLL, message: `the saved number under “${label}”` })
            .toEqual(['phone']);
        }
      }));
  });
}
