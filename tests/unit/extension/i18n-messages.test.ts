import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatMessage, htmlLang, MAX_MESSAGES_CHARS, parseMessages, textDirection, type MessageTable } from '../../../src/extension/i18n-messages';

const read = (locale: string) => readFileSync(new URL(`../../../public/_locales/${locale}/messages.json`, import.meta.url), 'utf8');
const table = (locale: string): MessageTable => {
  const parsed = parseMessages(read(locale));
  if (!parsed) throw new Error(`${locale} did not parse`);
  return parsed;
};

describe('parseMessages on Parasol\'s own locales', () => {
  it.each(['en', 'es', 'ru', 'zh_CN'])('reads every message of %s', (locale) => {
    const raw = JSON.parse(read(locale)) as Record<string, unknown>;
    expect(table(locale).size).toBe(Object.keys(raw).length);
  });
});

describe('formatMessage: the browsers\' substitution rules on real messages', () => {
  const en = table('en');
  const es = table('es');

  it('fills a named placeholder ($LABEL$ → $1) with the substitution', () => {
    expect(formatMessage(en, 'identityOtherPhone', 'Lola')).toBe('This is your number as “Lola”.');
    expect(formatMessage(es, 'identityOtherPhone', ['Lola'])).toBe(JSON.parse(read('es')).identityOtherPhone.message.replace('$LABEL$', 'Lola'));
    expect(formatMessage(es, 'identityOtherPhone', 'Lola')).toContain('Lola');
  });

  it('fills two placeholders in their own order', () => {
    expect(formatMessage(en, 'fixReplaceName', ['[phone]', '555 123 4567'])).toBe('Replace with “[phone]”, instead of “555 123 4567”');
    expect(formatMessage(en, 'photoLocationNear', ['Lyon', 'France'])).toMatch(/^This photo says where it was taken: near Lyon, France\. /);
  });

  it('looks names up case-blind, as getMessage does', () => {
    expect(formatMessage(en, 'IDENTITYOTHERPHONE', 'Lola')).toBe(formatMessage(en, 'identityOtherPhone', 'Lola'));
  });

  it('leaves a missing substitution empty and a message without placeholders as it is', () => {
    expect(formatMessage(en, 'identityOtherPhone')).toBe('This is your number as “”.');
    expect(formatMessage(en, 'extName')).toBe('Parasol');
    expect(formatMessage(es, 'extName', ['ignored'])).toBe('Parasol');
  });

  it('puts a substitution in as it is: a "$1" or "$$" in it is not read again', () => {
    expect(formatMessage(en, 'identityOtherPhone', '$1 $$ $LABEL$')).toBe('This is your number as “$1 $$ $LABEL$”.');
  });

  it('says nothing for a name the locale lacks, so t() can fall back to getMessage', () => {
    expect(formatMessage(en, 'noSuchMessage')).toBeUndefined();
  });

  it('refuses ten substitutions, as Chrome does', () => {
    expect(formatMessage(en, 'extName', Array.from({ length: 10 }, String))).toBeUndefined();
  });
});

describe('formatMessage: dollars and placeholders in a message', () => {
  const file = {
    price: { message: 'Costs $$5 or $$$$ $AMOUNT$ ($1, $2, $10) $Missing$', placeholders: { amount: { content: '[$1]' } } },
    upper: { message: '$Who$ $WHO$', placeholders: { WHO: { content: '$2' } } },
  };
  const own = parseMessages(JSON.stringify(file))!;

  it('drops the first of a run of $ and keeps the rest; unknown placeholders become nothing', () => {
    expect(formatMessage(own, 'price', ['a', 'b'])).toBe('Costs $5 or $$$ [a] (a, b, ) ');
  });

  it('matches placeholder names case-blind, in the message and in the placeholders', () => {
    expect(formatMessage(own, 'upper', ['x', 'y'])).toBe('y y');
  });
});

describe('parseMessages refuses what is not a modest messages.json', () => {
  it.each([
    ['not JSON', '{"extName": '],
    ['an array', '[]'],
    ['a message that is not a string', '{"a": {"message": 5}}'],
    ['a placeholder without content', '{"a": {"message": "$X$", "placeholders": {"x": {}}}}'],
    ['a name with a space', '{"a b": {"message": "x"}}'],
    ['a message of 5000 characters', JSON.stringify({ a: { message: 'x'.repeat(5000) } })],
    ['a file over the size limit', JSON.stringify({ a: { message: 'x', description: 'y'.repeat(MAX_MESSAGES_CHARS) } })],
  ])('%s', (_, text) => {
    expect(parseMessages(text)).toBeUndefined();
  });

  it('answers at once for deep nesting', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const started = Date.now();
    expect(parseMessages(deep)).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('the page\'s lang and dir for a locale folder', () => {
  it('writes zh_CN as zh-CN and knows the direction', () => {
    expect(htmlLang('zh_CN')).toBe('zh-CN');
    expect(htmlLang('es')).toBe('es');
    expect(['en', 'es', 'ru', 'zh_CN'].map(textDirection)).toEqual(['ltr', 'ltr', 'ltr', 'ltr']);
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('he_IL')).toBe('rtl');
  });
});
