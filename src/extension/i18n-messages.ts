import * as v from 'valibot';

/**
 * Reading one `_locales/<lang>/messages.json` and filling in its messages the way the browser's
 * own `i18n.getMessage` does, so Parasol's pages can show a language other than the browser's.
 * Written here because no well-kept library does it at run time: @wxt-dev/i18n and the like only
 * wrap `getMessage`, which always follows the browser's language. No `browser`, no DOM: tested under Node.
 */

/** Far more than Parasol's largest locale (about 21 KB); a bigger file is refused unread. */
export const MAX_MESSAGES_CHARS = 512 * 1024;
const MAX_MESSAGES = 2000;
const MAX_MESSAGE_CHARS = 4096;
/** Chrome refuses more than nine substitutions; so does Parasol. */
const MAX_SUBSTITUTIONS = 9;

const Name = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_@]{1,128}$/));
const Placeholder = v.object({ content: v.pipe(v.string(), v.maxLength(MAX_MESSAGE_CHARS)), example: v.optional(v.string()) });
const Entry = v.object({
  message: v.pipe(v.string(), v.maxLength(MAX_MESSAGE_CHARS)),
  description: v.optional(v.string()),
  placeholders: v.optional(v.pipe(v.record(Name, Placeholder), v.check((p) => Object.keys(p).length <= 64, 'too many placeholders'))),
});
const MessagesFile = v.pipe(
  v.record(Name, Entry),
  v.check((file) => Object.keys(file).length <= MAX_MESSAGES, 'too many messages'),
);

/** Messages by lower-case name (the browsers look names up case-blind), named placeholders already filled in. */
export type MessageTable = ReadonlyMap<string, string>;

/** The table of one messages.json's text, or undefined for anything that is not a valid, modest one. */
export function parseMessages(text: string): MessageTable | undefined {
  if (text.length > MAX_MESSAGES_CHARS) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  // valibot's record takes an array too; a messages.json is an object.
  if (Array.isArray(json)) return undefined;
  const parsed = v.safeParse(MessagesFile, json);
  if (!parsed.success) return undefined;
  const table = new Map<string, string>();
  for (const [name, entry] of Object.entries(parsed.output)) {
    table.set(name.toLowerCase(), fillPlaceholders(entry.message, entry.placeholders ?? {}));
  }
  return table;
}

/**
 * `$NAME$` becomes its placeholder's `content` (names are case-blind; an unknown one becomes
 * nothing, as in Firefox), when the file is read, as both browsers do.
 */
function fillPlaceholders(message: string, placeholders: Record<string, { content: string }>): string {
  const byName = new Map(Object.entries(placeholders).map(([name, p]) => [name.toLowerCase(), p.content]));
  return message.replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => byName.get(name.toLowerCase()) ?? '');
}

/**
 * One message with its substitutions, as `i18n.getMessage(name, substitutions)` gives it: `$1`…`$9`
 * become the substitutions (a missing one becomes nothing), and in a run of `$`s the first is
 * dropped (`$$` → `$`). Undefined when the table lacks the name or there are too many substitutions.
 */
export function formatMessage(table: MessageTable, name: string, substitutions?: string | readonly string[]): string | undefined {
  const message = table.get(name.toLowerCase());
  if (message === undefined) return undefined;
  const values = substitutions === undefined ? [] : typeof substitutions === 'string' ? [substitutions] : substitutions;
  if (values.length > MAX_SUBSTITUTIONS) return undefined;
  return message.replace(/\$(?:([1-9]\d*)|(\$+))/g, (_, index: string | undefined, dollars: string | undefined) =>
    index !== undefined ? (values[Number(index) - 1] ?? '') : dollars!,
  );
}

/** The HTML `lang` of a `_locales` folder name: "zh_CN" → "zh-CN". */
export function htmlLang(locale: string): string {
  return locale.replace(/_/g, '-');
}

/** Languages written right to left, by their primary subtag: the only other `dir` a page can have. */
const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ps', 'sd', 'ug', 'ur', 'yi', 'dv', 'ckb']);

export function textDirection(locale: string): 'ltr' | 'rtl' {
  return RIGHT_TO_LEFT.has(locale.split(/[-_]/)[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}
