/** Small DOM builders for the options page's sections, which are drawn from code (they depend on the vault's state). */

type Attributes = Record<string, string | boolean | undefined>;
type Child = Node | string | null | undefined | false;

/** An element with attributes (`true` sets an empty one, `false`/undefined leaves it out) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (name === 'class') element.className = value === true ? '' : value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

let counter = 0;
/** A unique id for wiring labels and descriptions (`for`, `aria-describedby`). */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** A live region for what an action did: polite for news, assertive ("alert") for errors. */
export function statusLine(kind: 'status' | 'alert' = 'status'): HTMLParagraphElement {
  return h('p', { class: kind === 'alert' ? 'message error' : 'message', role: kind, 'aria-live': kind === 'alert' ? 'assertive' : 'polite' });
}

/** A labelled text input with an optional help line read with it. */
export function textField(
  label: string,
  options: { type?: string; help?: string; autocomplete?: string; required?: boolean; value?: string; name?: string; maxlength?: number } = {},
): { wrap: HTMLDivElement; input: HTMLInputElement } {
  const id = uid(options.name ?? 'field');
  const helpId = options.help ? `${id}-help` : undefined;
  const input = h('input', {
    id,
    name: options.name,
    type: options.type ?? 'text',
    autocomplete: options.autocomplete ?? 'off',
    required: options.required,
    'aria-describedby': helpId,
    maxlength: options.maxlength === undefined ? undefined : String(options.maxlength),
  });
  if (options.value !== undefined) input.value = options.value;
  const wrap = h('div', { class: 'field' }, h('label', { for: id }, label), options.help ? h('p', { id: helpId, class: 'help' }, options.help) : null, input);
  return { wrap, input };
}

/** A labelled textarea that holds one entry per line. */
export function linesField(label: string, help: string, values: readonly string[], name: string): { wrap: HTMLDivElement; area: HTMLTextAreaElement } {
  const id = uid(name);
  const area = h('textarea', { id, name, rows: '3', 'aria-describedby': `${id}-help`, spellcheck: 'false' });
  area.value = values.join('\n');
  const wrap = h('div', { class: 'field' }, h('label', { for: id }, label), h('p', { id: `${id}-help`, class: 'help' }, help), area);
  return { wrap, area };
}

/** The non-empty, trimmed lines of a textarea, each once. */
export function linesOf(area: HTMLTextAreaElement): string[] {
  return [...new Set(area.value.split('\n').map((line) => line.trim()).filter(Boolean))];
}

/** A section heading that takes focus when a new state is drawn, so a screen reader says where the person is. */
export function focusHeading(heading: HTMLElement): void {
  heading.tabIndex = -1;
  heading.focus();
}

/** Saves `text` as a file the person downloads, made here from a Blob URL: nothing leaves the device. */
export function downloadFile(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
