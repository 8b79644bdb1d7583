import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FINDING_KINDS, SEVERITIES } from '../../src/core/findings';
import { PHOTO_PROBLEMS } from '../../src/core/image/photo-report';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LOCALES_DIR = join(ROOT, 'public/_locales');
const LOCALES = readdirSync(LOCALES_DIR).sort();
const TRANSLATIONS = LOCALES.filter((locale) => locale !== 'en');

interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
type Messages = Record<string, Message>;

function readLocale(locale: string): Messages {
  return JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Messages;
}

/** Every file under `dir` whose name ends with one of `extensions`. */
function filesUnder(dir: string, extensions: string[]): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, extensions);
    return extensions.some((ext) => name.endsWith(ext)) ? [path] : [];
  });
}

/** The text between the parenthesis at `open` and the one that closes it. */
function argumentsAt(source: string, open: number): string {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === '(') depth++;
    else if (source[i] === ')' && --depth === 0) return source.slice(open + 1, i);
  }
  return source.slice(open + 1);
}

interface Use {
  name: string;
  file: string;
}

/** Message names the code asks for by a literal name: t('name'), t(a ? 'x' : 'y'), data-i18n="name", __MSG_name__. */
function namesUsedInSource(): Use[] {
  const files = [
    ...filesUnder(join(ROOT, 'src'), ['.ts', '.html']),
    ...filesUnder(join(ROOT, 'entrypoints'), ['.ts', '.html']),
    join(ROOT, 'wxt.config.ts'),
  ];
  const uses: Use[] = [];
  for (const path of files) {
    const source = readFileSync(path, 'utf8');
    const file = relative(ROOT, path);
    for (const call of source.matchAll(/(?<![\w.$])t\(/g)) {
      const args = argumentsAt(source, call.index + 1);
      // Only the first argument names a message (maybe two, in a ? : ); substitutions follow it.
      const first = args.slice(0, topLevelComma(args));
      for (const literal of first.matchAll(/(['"`])([\w@]+)\1/g)) uses.push({ name: literal[2]!, file });
    }
    for (const attr of source.matchAll(/data-i18n(?:-[\w-]+)?="([^"]+)"/g)) uses.push({ name: attr[1]!, file });
    for (const msg of source.matchAll(/__MSG_(\w+?)__/g)) uses.push({ name: msg[1]!, file });
    // A finding's reason names a message; a photo's problem (`reason: 'unreadable'`) has its own
    // `photoProblem_` message, checked with the other message families below.
    for (const reason of source.matchAll(/\breason:\s*(['"])(\w+)\1/g)) {
      if (!(PHOTO_PROBLEMS as readonly string[]).includes(reason[2]!)) uses.push({ name: reason[2]!, file });
    }
  }
  // Names starting with @@ are the browser's own (@@bidi_dir, @@ui_locale...).
  return uses.filter((use) => !use.name.startsWith('@@'));
}

/** Index of the first comma not inside brackets, or the length. */
function topLevelComma(args: string): number {
  let depth = 0;
  for (let i = 0; i < args.length; i++) {
    const c = args[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) return i;
  }
  return args.length;
}

describe('locales', () => {
  it('has the en, es, ru and zh_CN locales', () => {
    expect(LOCALES).toEqual(expect.arrayContaining(['en', 'es', 'ru', 'zh_CN']));
  });

  it.each(LOCALES)('%s is valid JSON with a message string per entry', (locale) => {
    const messages = readLocale(locale);
    expect(typeof messages).toBe('object');
    expect(Object.keys(messages).length).toBeGreaterThan(0);
    for (const [name, entry] of Object.entries(messages)) {
      expect(name, `${locale}: bad name ${name}`).toMatch(/^[A-Za-z0-9_]+$/);
      expect(typeof entry.message, `${locale}.${name}.message`).toBe('string');
      expect(entry.message.trim(), `${locale}.${name} is empty`).not.toBe('');
    }
  });

  it.each(TRANSLATIONS)('%s defines no message that en lacks', (locale) => {
    const en = readLocale('en');
    const extra = Object.keys(readLocale(locale)).filter((name) => !(name in en));
    expect(extra).toEqual([]);
  });

  it.each(TRANSLATIONS)('%s has every message en has', (locale) => {
    const messages = readLocale(locale);
    const missing = Object.keys(readLocale('en')).filter((name) => !(name in messages));
    expect(missing).toEqual([]);
  });

  it.each(LOCALES)('%s declares every placeholder it uses', (locale) => {
    const undeclared: string[] = [];
    for (const [name, entry] of Object.entries(readLocale(locale))) {
      // Placeholder names are case-insensitive; "$$" is a literal dollar sign.
      const declared = new Set(Object.keys(entry.placeholders ?? {}).map((p) => p.toLowerCase()));
      for (const used of entry.message.replace(/\$\$/g, '').matchAll(/\$([A-Za-z0-9_@]+)\$/g)) {
        if (!declared.has(used[1]!.toLowerCase())) undeclared.push(`${name}: $${used[1]}$`);
      }
    }
    expect(undeclared).toEqual([]);
  });

  it.each(TRANSLATIONS)('%s uses the same placeholders as en', (locale) => {
    const en = readLocale('en');
    const mismatched = Object.entries(readLocale(locale))
      .filter(([name, entry]) => {
        const ours = Object.keys(entry.placeholders ?? {}).sort();
        const theirs = Object.keys(en[name]?.placeholders ?? {}).sort();
        return ours.join() !== theirs.join();
      })
      .map(([name]) => name);
    expect(mismatched).toEqual([]);
  });
});

describe('message names used by the code', () => {
  const en = readLocale('en');
  const uses = namesUsedInSource();

  it('finds the names the code uses', () => {
    // Guards the scan itself: these are known uses in popup.ts, options/index.html and wxt.config.ts.
    const names = new Set(uses.map((use) => use.name));
    for (const known of ['popupNoTab', 'popupFoundOne', 'popupFoundMany', 'optionsTitle', 'extName', 'extDescription', 'badgeTitleFound', 'popupInField', 'reasonPhone']) {
      expect(names, known).toContain(known);
    }
    expect(names.size).toBeGreaterThan(20);
  });

  it('en has every name the code uses', () => {
    const missing = uses.filter((use) => !(use.name in en)).map((use) => `${use.name} (${use.file})`);
    expect(missing).toEqual([]);
  });

  it.each(FINDING_KINDS)('en names the finding kind %s', (kind) => {
    expect(en).toHaveProperty(`kind_${kind}`);
  });

  it.each(SEVERITIES)('en names the severity %s', (severity) => {
    expect(en).toHaveProperty(`severity_${severity}`);
  });

  it.each(PHOTO_PROBLEMS)('en explains the photo problem %s', (problem) => {
    expect(en).toHaveProperty(`photoProblem_${problem.replace(/-/g, '_')}`);
  });
});
