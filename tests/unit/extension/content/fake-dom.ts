import type { MapNode } from '../../../../src/extension/content/text-map';

/**
 * A minimal DOM-shaped tree: what the text map reads of real nodes, computed live from
 * `childNodes`, so a test can change the tree as a page would.
 */
export interface TestNode extends MapNode {
  nodeValue: string | null;
  childNodes: TestNode[];
}

export const text = (value: string): TestNode => ({ nodeType: 3, nodeValue: value, childNodes: [] });
export const comment = (value: string): TestNode => ({ nodeType: 8, nodeValue: value, childNodes: [] });

export function el(localName: string, ...children: (TestNode | string)[]): TestNode {
  const childNodes = children.map((child) => (typeof child === 'string' ? text(child) : child));
  return {
    nodeType: 1,
    nodeValue: null,
    localName,
    childNodes,
    get childElementCount() {
      return this.childNodes.filter((child) => child.nodeType === 1).length;
    },
    get textContent() {
      return textOf(this);
    },
    get firstChild() {
      return this.childNodes[0] ?? null;
    },
    get lastChild() {
      return this.childNodes[this.childNodes.length - 1] ?? null;
    },
  };
}

/** Element.textContent: the text nodes below, in order (comments left out). */
function textOf(node: TestNode): string {
  return node.childNodes
    .map((child) => (child.nodeType === 3 ? (child.nodeValue ?? '') : child.nodeType === 1 ? textOf(child) : ''))
    .join('');
}
