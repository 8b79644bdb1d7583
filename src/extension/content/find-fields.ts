import { FIELD_SELECTOR, draftFieldOf } from './draft-fields';

/**
 * Every draft field in `root` (a document, a shadow root, or an element just added to the
 * page), looking inside open shadow roots at any depth. `onShadowRoot` is told of each shadow
 * root found, so the caller can watch it: the document's observers do not see into them.
 */
export function findFields(
  root: Document | ShadowRoot | Element,
  onField: (field: HTMLElement) => void,
  onShadowRoot: (shadow: ShadowRoot) => void,
): void {
  const seen = new Set<HTMLElement>();
  const take = (element: Element) => {
    const field = draftFieldOf(element);
    if (field && !seen.has(field)) {
      seen.add(field);
      onField(field);
    }
  };
  const visit = (scope: Document | ShadowRoot | Element) => {
    if (isElement(scope)) {
      if (scope.matches(FIELD_SELECTOR)) take(scope);
      const own = (scope as Element).shadowRoot;
      if (own) enter(own);
    }
    for (const element of scope.querySelectorAll(FIELD_SELECTOR)) take(element);
    // Shadow roots can hang from any element: one walk over the elements finds them.
    for (const element of scope.querySelectorAll('*')) {
      const shadow = element.shadowRoot;
      if (shadow) enter(shadow);
    }
  };
  const enter = (shadow: ShadowRoot) => {
    onShadowRoot(shadow);
    visit(shadow);
  };
  visit(root);
}

function isElement(node: Document | ShadowRoot | Element): node is Element {
  return node.nodeType === 1;
}
