import { expect } from 'vitest';
import type { Finding } from '../../../../src/core/findings';

/** Every finding's value is exactly the draft's text at its span. */
export function expectExactSpans(text: string, findings: Finding[]): void {
  for (const f of findings) {
    expect(f.start, JSON.stringify(f)).toBeGreaterThanOrEqual(0);
    expect(f.end, JSON.stringify(f)).toBeLessThanOrEqual(text.length);
    expect(text.slice(f.start, f.end)).toBe(f.value);
  }
}

/** Findings in reading order, each either clear of the one before or on the very same span. */
export function expectOrderedAndApart(findings: Finding[]): void {
  for (let i = 1; i < findings.length; i++) {
    const a = findings[i - 1]!;
    const b = findings[i]!;
    const same = a.start === b.start && a.end === b.end;
    expect(same || b.start! >= a.end!, `${JSON.stringify(a)} overlaps ${JSON.stringify(b)}`).toBe(true);
  }
}

/** The normalized values found, after checking spans. */
export function normalizedOf(text: string, findings: Finding[]): string[] {
  expectExactSpans(text, findings);
  return findings.map((f) => f.normalized!);
}
