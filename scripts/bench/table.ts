// The one way every benchmark part prints: plain-text tables and PASS/FAIL target lines, so
// the photo and list benchmarks that come later read the same as the text ones.

export type Cell = string | number | null | undefined;

/** A target the issue sets, and whether this run met it. */
export interface Check {
  part: string;
  name: string;
  /** The figure this run measured, already formatted (e.g. "0.93", "4.1 ms"). */
  got: string;
  target: string;
  pass: boolean;
  /** The named reference's figure for the same target, printed beside it for comparison. */
  reference?: string;
  note?: string;
}

export function heading(title: string): void {
  console.log(`\n=== ${title}`);
}

/** Prints rows under a header; numbers are right-aligned, text left-aligned. */
export function printTable(columns: string[], rows: Cell[][]): void {
  const text = rows.map((row) => columns.map((_, i) => cellText(row[i])));
  const widths = columns.map((name, i) => Math.max(name.length, ...text.map((row) => row[i]!.length)));
  const right = columns.map((_, i) => rows.length > 0 && rows.every((row) => row[i] == null || typeof row[i] === 'number' || isFigure(row[i])));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (right[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  console.log(line(columns));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of text) console.log(line(row));
}

export function printChecks(checks: Check[], referenceName = 'findNumbers'): void {
  const withReference = checks.some((check) => check.reference !== undefined);
  printTable(
    ['target', 'wanted', 'got', ...(withReference ? [referenceName] : []), 'result'],
    checks.map((check) => [
      check.name,
      check.target,
      check.got,
      ...(withReference ? [check.reference ?? ''] : []),
      (check.pass ? 'PASS' : 'FAIL') + (check.note ? `  (${check.note})` : ''),
    ]),
  );
}

/** A ratio as 0.00, or "—" when it has no denominator (nothing expected, nothing found). */
export function ratio(value: number | null): string {
  return value === null ? '—' : value.toFixed(2);
}

export function percent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)} %`;
}

export function ms(value: number): string {
  return value < 10 ? `${value.toFixed(2)} ms` : `${value.toFixed(1)} ms`;
}

function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '—';
  return String(cell);
}

function isFigure(cell: Cell): boolean {
  return typeof cell === 'string' && /^(—|none|[-+]?[\d.,]+( ?(ms|%|x|KB))?)$/.test(cell);
}
