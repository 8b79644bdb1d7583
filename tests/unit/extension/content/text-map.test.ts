import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { domSpan, readEditable, walkEditable, type DomPoint, type TextMap } from '../../../../src/extension/content/text-map';
import { comment, el, text, type TestNode } from './fake-dom';

/** The text nodes' characters between two DOM points, in document order (what a Range would delete). */
function charactersBetween(root: TestNode, from: DomPoint, to: DomPoint): string {
  let inside = false;
  let out = '';
  const visitPoint = (node: TestNode, offset: number, value?: string) => {
    // Called at each boundary position (node, offset); flips at the span's ends.
    if (from.node === node && from.offset === offset) inside = true;
    if (to.node === node && to.offset === offset) {
      inside = false;
      return true;
    }
    if (inside && value !== undefined) out += value;
    return false;
  };
  let done = false;
  const walk = (node: TestNode) => {
    if (done) return;
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      for (let offset = 0; offset <= value.length && !done; offset++) {
        if (visitPoint(node, offset)) done = true;
        else if (inside && offset < value.length) out += value[offset];
      }
      return;
    }
    for (let index = 0; index <= node.childNodes.length && !done; index++) {
      if (visitPoint(node, index)) {
        done = true;
        break;
      }
      const child = node.childNodes[index];
      if (child) walk(child);
    }
  };
  walk(root);
  return out;
}

describe('readEditable: the text a person reads', () => {
  it('reads plain inline text as it is', () => {
    expect(readEditable(el('div', 'call ', el('b', 'me'), ' 555 123 4567')).text).toBe('call me 555 123 4567');
  });

  it('puts each block on a line of its own (Quill)', () => {
    const quill = el('div', el('p', 'Sweet and curious.'), el('p', el('br')), el('p', 'call me ', el('strong', '555'), ' 123 4567'));
    expect(readEditable(quill).text).toBe('Sweet and curious.\ncall me 555 123 4567');
  });

  it('ignores the trailing break ProseMirror keeps in a block, and counts other breaks', () => {
    const pm = el(
      'div',
      el('p', 'first', el('br'), 'second'),
      el('p', el('br')),
      el('p', 'third', el('img'), el('br')),
    );
    expect(readEditable(pm).text).toBe('first\nsecond\nthird');
  });

  it('reads a plain contenteditable with <div> lines and <br> breaks', () => {
    expect(readEditable(el('div', 'one', el('div', 'two'), el('div', 'three', el('br'), 'four'))).text).toBe(
      'one\ntwo\nthree\nfour',
    );
  });

  it('skips source formatting between blocks, scripts and styles', () => {
    const root = el('div', '\n  ', el('p', 'a'), '\n  ', el('p', 'b'), el('style', 'p{}'), el('script', 'x()'), '\n');
    expect(readEditable(root).text).toBe('a\nb');
  });

  it('keeps spaces, no-break spaces and zero-width characters as typed', () => {
    expect(readEditable(el('p', '7\u200b0\u00a02  5')).text).toBe('7\u200b0\u00a02  5');
  });

  it('stops at the limit and says so', () => {
    const map = readEditable(el('div', el('p', 'abcdef'), el('p', 'ghij')), { limit: 8 });
    expect(map.text).toBe('abcdef\ng');
    expect(map.truncated).toBe(true);
  });
});

describe('domSpan: from a span of the text back to the DOM', () => {
  it('selects a number that sits inside one text node', () => {
    const node = text('call me 555 123 4567 tonight');
    const root = el('div', el('p', node));
    const map = readEditable(root, { withMap: true });
    const span = domSpan(map, 8, 20)!;
    expect(span).toEqual({ start: { node, offset: 8 }, end: { node, offset: 20 } });
  });

  it('selects a number split over formatting and lines', () => {
    const root = el('div', el('p', 'call ', el('b', '555'), ' 123'), el('p', '4567 ok'));
    const map = readEditable(root, { withMap: true });
    expect(map.text).toBe('call 555 123\n4567 ok');
    const span = domSpan(map, 5, 17)!;
    expect(charactersBetween(root, span.start, span.end)).toBe('555 1234567');
  });

  it('puts a start on a piece boundary into the later piece and an end into the earlier one', () => {
    const a = text('abc');
    const b = text('def');
    const root = el('p', a, b);
    const map = readEditable(root, { withMap: true });
    expect(domSpan(map, 3, 6)).toEqual({ start: { node: b, offset: 0 }, end: { node: b, offset: 3 } });
    expect(domSpan(map, 0, 3)).toEqual({ start: { node: a, offset: 0 }, end: { node: a, offset: 3 } });
  });

  it('maps a span that starts or ends on a <br>', () => {
    const br = el('br');
    const root = el('div', 'one', br, 'two');
    const map = readEditable(root, { withMap: true });
    expect(domSpan(map, 3, 4)).toEqual({ start: { node: root, offset: 1 }, end: { node: root, offset: 2 } });
  });

  it('refuses spans outside the text', () => {
    const map = readEditable(el('p', 'abc'), { withMap: true });
    expect(domSpan(map, 2, 4)).toBeNull();
    expect(domSpan(map, 2, 1)).toBeNull();
  });

  it('covers exactly the span for every span of random editor-like trees', () => {
    const leaf = fc.oneof(
      fc.string({ minLength: 1, maxLength: 6, unit: fc.constantFrom('a', '5', ' ', '\u00a0', '.') }).map(text),
      fc.constant(null).map(() => el('br')),
    );
    const inline = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 3 }).map((kids) => el('b', ...(kids as TestNode[])))),
    })).node as fc.Arbitrary<TestNode>;
    const block = fc.array(inline, { maxLength: 4 }).map((kids) => el('p', ...kids));
    const tree = fc.array(fc.oneof(block, inline), { minLength: 1, maxLength: 5 }).map((kids) => el('div', ...kids));

    fc.assert(
      fc.property(tree, fc.nat(), fc.nat(), (root, a, b) => {
        const map = readEditable(root, { withMap: true });
        if (map.text.length === 0) return;
        const start = a % (map.text.length + 1);
        const end = start + (b % (map.text.length - start + 1));
        const span = domSpan(map, start, end);
        expect(span).not.toBeNull();
        // Line breaks are not characters of the DOM; everything else must be covered exactly.
        const covered = charactersBetween(root, span!.start, span!.end);
        expect(covered).toBe(map.text.slice(start, end).replace(/\n/g, ''));
      }),
      { numRuns: 400 },
    );
  });
});

/** Random trees shaped like what editors and pages put in an editable region. */
const pageLikeTree = (() => {
  const leaf = fc.oneof(
    fc.string({ maxLength: 5, unit: fc.constantFrom('a', '5', ' ', '\u00a0', '\n', '\u200b') }).map(text),
    fc.constantFrom('\n  ', '\n', ' ').map(text),
    fc.constantFrom('note', '').map(comment),
    fc.constantFrom('br', 'img', 'script', 'style').map((name) => el(name, ...(name === 'script' ? ['x()'] : []))),
  );
  const node = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      leaf,
      fc
        .tuple(fc.constantFrom('b', 'span', 'p', 'div', 'li', 'td'), fc.array(tie('node'), { maxLength: 4 }))
        .map(([name, kids]) => el(name, ...(kids as TestNode[]))),
    ),
  })).node as fc.Arbitrary<TestNode>;
  return fc.array(node, { maxLength: 6 }).map((kids) => el('div', ...kids));
})();

/** Drives a walk to the end, stopping wherever `stops` (cycled) says; returns the map and how many steps it took. */
function walkInSlices(root: TestNode, stops: boolean[], options: { withMap?: boolean; limit?: number } = {}) {
  const walk = walkEditable(root, options);
  let call = 0;
  let slices = 1;
  while (!walk.step(() => stops[call++ % stops.length]!)) slices++;
  return { map: walk.result(), slices };
}

describe('walkEditable: the same read, a few nodes at a time', () => {
  it('stops when time is up and goes on where it stopped', () => {
    const root = el('div', el('p', 'one'), el('p', 'two', el('br'), 'three'), el('p', el('br')), el('p', 'four'));
    const { map, slices } = walkInSlices(root, [true]);
    expect(map.text).toBe('one\ntwo\nthree\nfour');
    expect(slices).toBeGreaterThan(5);
  });

  it('asks for time after every node, so a slice holds as little as one node', () => {
    const root = el('div', ...Array.from({ length: 50 }, (_, n) => el('p', `line ${n}`)));
    const walk = walkEditable(root);
    let asked = 0;
    expect(walk.step(() => ++asked === 3)).toBe(false);
    expect(asked).toBe(3);
    // A paragraph of text only is one step.
    expect(walk.result().text).toBe('line 0\nline 1\nline 2');
    expect(walk.step(() => false)).toBe(true);
    expect(walk.result().text).toBe(readEditable(root).text);
  });

  it('reads a region nested deeper than the call stack allows recursion', () => {
    let root = el('span', '555 123 4567');
    for (let depth = 0; depth < 20_000; depth++) root = el(depth % 2 ? 'div' : 'b', root);
    expect(readEditable(root).text).toBe('555 123 4567');
  });

  it('gives the same text and map as a read in one go, wherever it is cut into slices', () => {
    const sameMap = (a: TextMap, b: TextMap) => {
      expect(a.text).toBe(b.text);
      expect(a.truncated).toBe(b.truncated);
      expect(a.texts).toEqual(b.texts);
      expect(a.breaks).toEqual(b.breaks);
    };
    fc.assert(
      fc.property(
        pageLikeTree,
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat({ max: 40 }), { nil: undefined }),
        (root, stops, limit) => {
          const whole = readEditable(root, { withMap: true, limit });
          sameMap(walkInSlices(root, stops, { withMap: true, limit }).map, whole);
          expect(walkInSlices(root, stops, { limit }).map.text).toBe(whole.text);
        },
      ),
      { numRuns: 500 },
    );
  });
});
