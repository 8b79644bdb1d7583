import { describe, expect, it } from 'vitest';
import { DraftReads } from '../../../../src/extension/content/draft-reads';
import type { RunInSlices, Slice } from '../../../../src/extension/content/slices';
import { readEditable, walkEditable } from '../../../../src/extension/content/text-map';
import { el, type TestNode } from './fake-dom';

/** A Quill-like editor: one paragraph per line. */
const editor = (lines: number) =>
  el('div', ...Array.from({ length: lines }, (_, n) => el('p', `line ${n} call 555 123 ${1000 + n}`)));

/** Slices run by the test, one at a time, each given `steps` steps before its time is up. */
function manualSlices() {
  const queue: { slice: Slice; onDone?: () => void; cancelled: boolean }[] = [];
  const run: RunInSlices = (slice, onDone) => {
    const job = { slice, onDone, cancelled: false };
    queue.push(job);
    return () => {
      job.cancelled = true;
    };
  };
  const next = (steps = 5): boolean => {
    const job = queue[0];
    if (!job) return false;
    let taken = 0;
    const done = job.cancelled || job.slice(() => ++taken >= steps);
    if (done) {
      queue.shift();
      if (!job.cancelled) job.onDone?.();
    }
    return true;
  };
  return { run, next, get pending() { return queue.filter((job) => !job.cancelled).length; } };
}

/** Fields are test trees; a field named "plain" stands for a textarea (its text at once). */
function setup() {
  const slices = manualSlices();
  const finished: { field: TestNode; text: string; slice: number }[] = [];
  let slice = 0;
  const plain = new Map<TestNode, string>();
  const reads = new DraftReads<TestNode>({
    start: (field) => plain.get(field) ?? walkEditable(field),
    finish: (field, value) => finished.push({ field, text: value, slice }),
    slices: slices.run,
  });
  const runAll = (steps = 5) => {
    let count = 0;
    while (slices.pending > 0) {
      slice++;
      slices.next(steps);
      if (++count > 10_000) throw new Error('never finishes');
    }
    return count;
  };
  return { reads, finished, plain, runAll, slices, nextSlice: (steps?: number) => (slice++, slices.next(steps)) };
}

describe('DraftReads: reading due fields a slice at a time', () => {
  it('walks a large editor over many slices and sends its whole text once, in a slice of its own', () => {
    const { reads, finished, runAll } = setup();
    const field = editor(200);
    reads.add(field);
    const slices = runAll(5);
    expect(slices).toBeGreaterThan(40);
    expect(finished).toEqual([{ field, text: readEditable(field).text, slice: slices }]);
  });

  it('reads plain fields (their value, read at once) one per slice, in the order they came', () => {
    const { reads, finished, plain, runAll } = setup();
    const [a, b, c] = [el('textarea'), el('input'), el('textarea')];
    plain.set(a, 'first').set(b, 'second').set(c, 'third');
    reads.add(a);
    reads.add(b);
    reads.add(c);
    reads.add(a); // already due: read once
    expect(runAll()).toBe(3);
    expect(finished.map((read) => [read.text, read.slice])).toEqual([['first', 1], ['second', 2], ['third', 3]]);
  });

  it('drops a read the field changed under, and reads it afresh when asked again', () => {
    const { reads, finished, runAll, nextSlice } = setup();
    const field = editor(50);
    reads.add(field);
    nextSlice();
    nextSlice();
    expect(reads.current).toBe(field);
    // The page types into the field between two slices.
    field.childNodes[49]!.childNodes[0]!.nodeValue = 'changed';
    field.childNodes.push(el('p', 'new line'));
    reads.changed(field);
    expect(reads.current).toBeUndefined();
    runAll();
    expect(finished).toEqual([]);

    reads.add(field);
    runAll();
    expect(finished.map((read) => read.text)).toEqual([readEditable(field).text]);
    expect(finished[0]!.text.endsWith('changed\nnew line')).toBe(true);
  });

  it('goes on to the other fields when one changed half read', () => {
    const { reads, finished, plain, runAll, nextSlice } = setup();
    const big = editor(100);
    const small = el('textarea');
    plain.set(small, 'ok');
    reads.add(big);
    reads.add(small);
    nextSlice();
    reads.changed(big);
    runAll();
    expect(finished.map((read) => read.field)).toEqual([small]);
  });

  it('keeps a read that is only due when its field changes: it will read the new text', () => {
    const { reads, finished, runAll } = setup();
    const field = editor(3);
    reads.add(field);
    field.childNodes.push(el('p', 'typed since'));
    reads.changed(field);
    runAll();
    expect(finished.map((read) => read.text)).toEqual([readEditable(field).text]);
    expect(finished[0]!.text.endsWith('typed since')).toBe(true);
  });

  it('stops for good', () => {
    const { reads, finished, slices, runAll } = setup();
    reads.add(editor(30));
    reads.stop();
    runAll();
    expect(finished).toEqual([]);
    expect(slices.pending).toBe(0);
  });
});
