/** The text side of a fix: what must be there before, and what must be there after. */

export interface TextFix {
  start: number;
  end: number;
  /** The finding's text, as the popup showed it. */
  expected: string;
  replacement: string;
}

/** The draft still reads `expected` at [start, end): the fix is the one the person saw. */
export function stillMatches(text: string, { start, end, expected }: TextFix): boolean {
  return start <= end && end <= text.length && text.slice(start, end) === expected;
}

/** The draft as it must read once the fix is in. */
export function fixedText(text: string, { start, end, replacement }: TextFix): string {
  return text.slice(0, start) + replacement + text.slice(end);
}

/**
 * Whether the page's draft reads as `wanted`. Editors may turn a space next to the edit into a
 * no-break space (so that two spaces in a row stay visible), which the person cannot tell apart.
 */
export function readsAs(text: string, wanted: string): boolean {
  return text === wanted || text.replace(/\u00a0/g, ' ') === wanted.replace(/\u00a0/g, ' ');
}
