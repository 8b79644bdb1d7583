import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorHits, charTest, runStart, sticky, wordsBefore, wordTree } from '../../../../src/core/text/shared-anchors';
import { dense, scan, scanAt } from '../../../../src/core/text/shared-findings';

const TEXT = fc.string({ unit: fc.constantFrom('a', 'b', 'B', '@', '.', ' ', '-', '1', 'é', '😀'), maxLength: 60 });

describe('scanAt', () => {
  const pattern = /(?<![a-z1])([a-z1]+)@([a-z]+)(?:\.[a-z]+)?/gu;
  const accept = (m: RegExpExecArray) => (m[1] === 'b' ? null : [[m.index, m[0]]]);

  it('finds what a scan of the whole text finds, when tried at every place or told to scan it all', () => {
    fc.assert(
      fc.property(TEXT, (text) => {
        const whole = scan(pattern, text, accept);
        const everywhere = Array.from({ length: text.length + 1 }, (_, i) => i).reverse();
        expect(scanAt(sticky(pattern), text, everywhere, accept)).toEqual(whole);
        expect(scanAt(sticky(pattern), text, null, accept)).toEqual(whole);
      }),
    );
  });

  it('tries only the places it is given', () => {
    const text = `x ab@cd y ef@gh${' '.repeat(200)}`;
    expect(scanAt(sticky(pattern), text, [2, 2], accept)).toEqual([[2, 'ab@cd']]);
    expect(scanAt(sticky(pattern), text, [], accept)).toEqual([]);
  });
});

describe('anchorHits', () => {
  it('reports overlapping hits, and gives up (null) once they are too many to try one by one', () => {
    const sparse = `aaa${' '.repeat(400)}`.repeat(5);
    expect(anchorHits(/aa/g, sparse)).toEqual(Array.from({ length: 5 }, (_, i) => [403 * i, 403 * i + 1]).flat());
    expect(anchorHits(/@/g, '@'.repeat(10_000))).toBeNull();
    expect(dense(1, 'a short text')).toBe(true);
  });
});

describe('wordTree', () => {
  /** Every place the pattern matches, overlapping matches included. */
  const starts = (pattern: RegExp, text: string) => {
    const at: number[] = [];
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      at.push(m.index);
      pattern.lastIndex = m.index + 1;
    }
    return at;
  };
  const WORDS = fc.uniqueArray(fc.string({ unit: fc.constantFrom('a', 'b', 's', 'k', 'S', ' ', '.'), minLength: 1, maxLength: 5 }), {
    minLength: 1,
    maxLength: 8,
  });
  const SUBJECT = fc.string({ unit: fc.constantFrom('a', 'b', 's', 'k', 'S', 'K', ' ', '\t', '.', 'ſ', 'K'), maxLength: 40 });

  it('matches where one of its words starts, as the flat list of them does', () => {
    fc.assert(
      fc.property(WORDS, SUBJECT, (words, text) => {
        const escape = (word: string) => word.replace(/[.]/g, '\\.').replace(/ /g, '[ \\t]?');
        const flat = new RegExp(words.map(escape).join('|'), 'g');
        expect(starts(new RegExp(wordTree(words), 'g'), text)).toEqual(starts(flat, text));
      }),
    );
  });

  it('caseless: finds at least what a case-insensitive u-flag list finds', () => {
    fc.assert(
      fc.property(WORDS, SUBJECT, (words, text) => {
        const escape = (word: string) => word.replace(/[.]/g, '\\.').replace(/ /g, '[ \\t]?');
        const unicode = starts(new RegExp(words.map(escape).join('|'), 'giu'), text);
        const tree = new Set(starts(new RegExp(wordTree(words, { caseless: true }), 'gi'), text));
        expect(unicode.filter((at) => !tree.has(at))).toEqual([]);
      }),
    );
  });
});

describe('walking back', () => {
  const isLetter = charTest(/\p{L}/u);

  it('steps over a surrogate pair as one character', () => {
    const text = '1 𝐀𝐁c!';
    expect(runStart(text, 7, isLetter)).toBe(2);
    expect(runStart(text, 7, isLetter, 2)).toBe(4);
  });

  it('lists the words before a place, nearest first, up to a limit of blanks between them', () => {
    const text = 'x\nab  cd\tef gh';
    expect(wordsBefore(text, 12, 5, 2)).toEqual([
      [9, 11],
      [6, 8],
      [2, 4],
    ]);
    expect(wordsBefore(text, 12, 5, 1)).toEqual([
      [9, 11],
      [6, 8],
    ]);
  });
});
