/**
 * The text of an editable region (contenteditable, Quill, ProseMirror...) as the person reads
 * it, and the way back from a span of that text to the DOM, so that a fix can select exactly
 * the characters a finding covers.
 *
 * Rules (the same for reading and for mapping back, which is all that matters for spans):
 * - text nodes count as they are (no whitespace collapsing: editors use `white-space: pre-wrap`);
 * - every block element (p, div, li, h1..., table cells too) starts and ends a line; lines are
 *   joined by one `\n`, and empty lines are left out (they hold nothing to find);
 * - `<br>` is a `\n`, except the last one in a block, which browsers draw as nothing (Quill's
 *   `<p><br></p>`, ProseMirror's trailing break);
 * - scripts, styles and templates are skipped, and so is whitespace-only source formatting
 *   between blocks.
 *
 * Works on anything shaped like a DOM node (see MapNode), so it is tested without a browser.
 */

/** The parts of a DOM node the map reads; real DOM nodes (any realm) fit it. */
export interface MapNode {
  readonly nodeType: number;
  readonly nodeValue: string | null;
  readonly localName?: string;
  readonly childNodes: ArrayLike<MapNode>;
  /** Elements only: with none among its children, an element's text is its textContent. */
  readonly childElementCount?: number;
  readonly textContent?: string | null;
  readonly firstChild?: MapNode | null;
  readonly lastChild?: MapNode | null;
}

/** A place in the DOM in Range terms: inside a text node, or between the children of an element. */
export interface DomPoint {
  node: MapNode;
  offset: number;
}

interface TextSegment {
  start: number;
  node: MapNode;
  length: number;
}

interface BreakSegment {
  /** Offset of the `\n` in the text. */
  start: number;
  /** The DOM just before and just after that line break. */
  before: DomPoint;
  after: DomPoint;
}

export interface TextMap {
  text: string;
  /** True when the text was cut at `limit`; spans past the cut cannot be mapped. */
  truncated: boolean;
  texts: TextSegment[];
  breaks: BreakSegment[];
  /** Where an empty region's text starts, for a fix into an empty field. */
  origin: DomPoint;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Elements drawn as blocks by default: each is a line of its own. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table',
  'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'caption', 'ul',
]);
const SKIPPED = new Set(['head', 'script', 'style', 'template', 'noscript', 'textarea', 'select']);
const FORMATTING_WHITESPACE = /^[ \t\r\n]*\n[ \t\r\n]*$/;

/**
 * Reads `root`'s content in one go. `withMap: false` only collects the text; a fix asks for the
 * map as well. Stops after `limit` characters.
 */
export function readEditable(root: MapNode, options: ReadOptions = {}): TextMap {
  const walk = walkEditable(root, options);
  walk.step(() => false);
  return walk.result();
}

export interface ReadOptions {
  withMap?: boolean;
  limit?: number;
}

/** A read of an editable region that can stop after any node and go on later. */
export interface EditableWalk {
  /**
   * Reads on, asking `timeUp` after each node; true once the whole region is read. Between
   * calls the region must not change: a caller that sees it change drops the walk.
   */
  step(timeUp: () => boolean): boolean;
  /** What was read so far: the whole region once `step` has returned true. */
  result(): TextMap;
}

/** One element whose children are being read. */
interface Frame {
  parent: MapNode;
  children: ArrayLike<MapNode>;
  index: number;
  /** A block ends its line when its children are done. */
  block: boolean;
}

/**
 * The same read as readEditable, resumable: the page's watcher reads a large editor a few
 * milliseconds at a time, so that no task it runs grows with the draft. An explicit stack
 * (rather than recursion) holds the place between steps.
 */
export function walkEditable(root: MapNode, { withMap = false, limit = Infinity }: ReadOptions = {}): EditableWalk {
  const parts: string[] = [];
  let length = 0;
  const texts: TextSegment[] = [];
  const breaks: BreakSegment[] = [];
  /** The DOM right after the last piece of text: where a pending line break starts. */
  let last: DomPoint = { node: root, offset: 0 };
  /** A block began or ended after some text: the line ends before the next text. */
  let pendingBreak = false;
  let truncated = false;
  const stack: Frame[] = [{ parent: root, children: root.childNodes, index: 0, block: false }];

  const emit = (piece: string, before: DomPoint, after: DomPoint, node?: MapNode) => {
    if (length + piece.length > limit) {
      piece = piece.slice(0, Math.max(0, limit - length));
      truncated = true;
    }
    if (withMap) {
      if (node) texts.push({ start: length, node, length: piece.length });
      else breaks.push({ start: length, before, after });
    }
    parts.push(piece);
    length += piece.length;
    last = after;
  };

  /** Ends the current line before content that starts at `at`. */
  const flushBreak = (at: DomPoint) => {
    if (!pendingBreak) return;
    pendingBreak = false;
    emit('\n', last, at);
  };

  /** Reads the next child of the element on top of the stack. */
  const visit = ({ parent, children, index }: Frame) => {
    const node = children[index]!;
    if (node.nodeType === TEXT_NODE) {
      const value = node.nodeValue ?? '';
      if (!value || (FORMATTING_WHITESPACE.test(value) && besideBlocks(children, index))) return;
      flushBreak({ node, offset: 0 });
      emit(value, { node, offset: 0 }, { node, offset: value.length }, node);
    } else if (node.nodeType === ELEMENT_NODE) {
      const name = node.localName ?? '';
      if (SKIPPED.has(name)) return;
      if (name === 'br') {
        // The last <br> of a block is drawn as nothing (it only keeps an empty line open).
        if (endsBlock(root, parent, children, index)) return;
        flushBreak({ node: parent, offset: index });
        emit('\n', { node: parent, offset: index }, { node: parent, offset: index + 1 });
      } else {
        const block = BLOCKS.has(name);
        if (block && length > 0) pendingBreak = true;
        if (withMap || node.childElementCount !== 0) {
          stack.push({ parent: node, children: node.childNodes, index: 0, block });
          return;
        }
        // Only text inside (a Quill or ProseMirror paragraph, mostly): one read of the whole, and
        // none of its text nodes is handed to this script. Every node the content script touches
        // gets a wrapper of its own in the script's world, which the page's garbage collector then
        // traces with every major collection; a 100 KB editor has thousands of text nodes.
        const value = readTextOnly(node);
        if (value) {
          flushBreak({ node, offset: 0 });
          emit(value, { node, offset: 0 }, { node, offset: 0 });
        }
        if (block && length > 0) pendingBreak = true;
      }
    }
  };

  return {
    step(timeUp) {
      while (stack.length > 0) {
        const frame = stack[stack.length - 1]!;
        if (truncated || frame.index >= frame.children.length) {
          stack.pop();
          if (frame.block && length > 0) pendingBreak = true;
          continue;
        }
        visit(frame);
        frame.index++;
        if (timeUp()) return stack.length === 0;
      }
      return true;
    },
    result: () => ({ text: parts.join(''), truncated, texts, breaks, origin: { node: root, offset: 0 } }),
  };
}

/**
 * The text of an element with no element children, by the rules above: its text nodes as they
 * are, except a lone one of source formatting (whitespace with a line break, and no neighbour).
 */
function readTextOnly(element: MapNode): string {
  const value = element.textContent ?? '';
  if (FORMATTING_WHITESPACE.test(value) && element.firstChild === element.lastChild) return '';
  return value;
}

function isBlock(node: MapNode | undefined): boolean {
  return !!node && node.nodeType === ELEMENT_NODE && BLOCKS.has(node.localName ?? '');
}

/** Whitespace between two blocks (or a block and the edge) is source formatting, not text. */
function besideBlocks(children: ArrayLike<MapNode>, index: number): boolean {
  return edgeOrBlock(children, index, -1) && edgeOrBlock(children, index, 1);
}

function edgeOrBlock(children: ArrayLike<MapNode>, index: number, step: 1 | -1): boolean {
  for (let at = index + step; at >= 0 && at < children.length; at += step) {
    const node = children[at]!;
    if (node.nodeType === ELEMENT_NODE && SKIPPED.has(node.localName ?? '')) continue;
    return isBlock(node);
  }
  return true;
}

/**
 * A `<br>` with nothing drawn after it before its block ends: only a following block or the
 * end of a block (or of the editable root) counts; in an inline parent (`<b>a<br></b>b`) it is a line break.
 */
function endsBlock(root: MapNode, parent: MapNode, children: ArrayLike<MapNode>, index: number): boolean {
  for (let next = index + 1; next < children.length; next++) {
    const node = children[next]!;
    if (node.nodeType === TEXT_NODE && !node.nodeValue) continue;
    return isBlock(node);
  }
  return isBlock(parent) || parent === root;
}

/**
 * The DOM points for the span [start, end) of `map.text`. A start on a boundary between two
 * pieces is placed in the later one and an end in the earlier one, so the range covers only
 * the span's own characters.
 */
export function domSpan(map: TextMap, start: number, end: number): { start: DomPoint; end: DomPoint } | null {
  if (start < 0 || end < start || end > map.text.length) return null;
  const from = pointAt(map, start, 'start');
  const to = start === end ? from : pointAt(map, end, 'end');
  return from && to ? { start: from, end: to } : null;
}

function pointAt(map: TextMap, offset: number, side: 'start' | 'end'): DomPoint | null {
  if (map.text.length === 0) return map.origin;
  // A start belongs to the piece holding the character at `offset`, an end to the one holding
  // the character before it; at either end of the text there is only one choice.
  if (offset === 0) side = 'start';
  if (offset === map.text.length) side = 'end';
  const probe = side === 'start' ? offset : offset - 1;
  const text = segmentAt(map.texts, probe);
  if (text && probe < text.start + text.length) return { node: text.node, offset: offset - text.start };
  const brk = segmentAt(map.breaks, probe);
  if (brk && brk.start === probe) return side === 'start' ? brk.before : brk.after;
  return null;
}

/** The last segment starting at or before `offset` (segments are in text order). */
function segmentAt<T extends { start: number }>(segments: T[], offset: number): T | undefined {
  let low = 0;
  let high = segments.length - 1;
  let found: T | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (segments[middle]!.start <= offset) {
      found = segments[middle];
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}
