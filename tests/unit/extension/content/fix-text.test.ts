import { describe, expect, it } from 'vitest';
import { fixedText, readsAs, stillMatches } from '../../../../src/extension/content/fix-text';

const DRAFT = 'Sweet and discreet. call 7O2 five five five 0147 after 6pm';
const NUMBER = '7O2 five five five 0147';
const REMOVE = { start: DRAFT.indexOf(NUMBER), end: DRAFT.indexOf(NUMBER) + NUMBER.length, expected: NUMBER, replacement: '' };

describe('fix-text', () => {
  it('applies a fix only where the draft still reads what the person was shown', () => {
    expect(stillMatches(DRAFT, REMOVE)).toBe(true);
    expect(stillMatches(`x${DRAFT}`, REMOVE)).toBe(false);
    expect(stillMatches(DRAFT.replace('0147', '0148'), REMOVE)).toBe(false);
    expect(stillMatches(DRAFT.slice(0, REMOVE.end - 1), REMOVE)).toBe(false);
    expect(stillMatches(DRAFT, { ...REMOVE, start: REMOVE.end + 1 })).toBe(false);
  });

  it('removes the span and leaves the rest as it was', () => {
    expect(fixedText(DRAFT, REMOVE)).toBe('Sweet and discreet. call  after 6pm');
    expect(fixedText(DRAFT, { ...REMOVE, replacement: '[work number]' })).toBe(
      'Sweet and discreet. call [work number] after 6pm',
    );
  });

  it('counts a no-break space an editor put beside the edit as the space it stands for', () => {
    expect(readsAs('call \u00a0after', 'call  after')).toBe(true);
    expect(readsAs('call after', 'call  after')).toBe(false);
  });
});
