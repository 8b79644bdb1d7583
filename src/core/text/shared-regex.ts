let atoms = 0;

/**
 * `pattern` matched once and never given back (an atomic group): a word that fails to start an
 * address at its full length is not retried one letter shorter, which keeps scanning prose
 * linear. JavaScript has no atomic groups; a captured lookahead and a back-reference act as one.
 * The capture is named but still numbered, so patterns using this read their captures by name.
 */
export function atomic(pattern: string): string {
  const name = `atom${atoms++}`;
  return `(?=(?<${name}>${pattern}))\\k<${name}>`;
}
