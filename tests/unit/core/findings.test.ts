import { describe, expect, it } from 'vitest';
import { compareFindings, type Finding, type Severity } from '../../../src/core/findings';

function finding(severity: Severity, start?: number): Finding {
  return { kind: 'phone', severity, value: 'x', start, end: start === undefined ? undefined : start + 1, reason: 'r' };
}

describe('compareFindings', () => {
  it('puts high before medium before low', () => {
    const sorted = [finding('low', 0), finding('high', 50), finding('medium', 10)].sort(compareFindings);
    expect(sorted.map((f) => f.severity)).toEqual(['high', 'medium', 'low']);
  });

  it('orders by start within one severity', () => {
    const sorted = [finding('high', 30), finding('high', 2), finding('high', 17)].sort(compareFindings);
    expect(sorted.map((f) => f.start)).toEqual([2, 17, 30]);
  });

  it('sorts severity first, then start', () => {
    const sorted = [
      finding('low', 1),
      finding('medium', 9),
      finding('high', 40),
      finding('medium', 3),
      finding('high', 5),
    ].sort(compareFindings);
    expect(sorted.map((f) => `${f.severity}@${f.start}`)).toEqual([
      'high@5',
      'high@40',
      'medium@3',
      'medium@9',
      'low@1',
    ]);
  });

  it('treats a missing start as 0', () => {
    expect(compareFindings(finding('high'), finding('high', 4))).toBeLessThan(0);
    expect(compareFindings(finding('high', 4), finding('high'))).toBeGreaterThan(0);
    expect(compareFindings(finding('medium'), finding('medium', 0))).toBe(0);
  });

  it('returns 0 for equal findings', () => {
    expect(compareFindings(finding('low', 7), finding('low', 7))).toBe(0);
  });
});
