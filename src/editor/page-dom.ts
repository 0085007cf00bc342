/**
 * Sanitized content into a live document (the editor, the preview frame). Kept styles are applied through the
 * CSSOM (`element.style.setProperty`), which our CSP allows, instead of as markup, which it refuses: see
 * style-attributes.ts. Measured in Chromium under `style-src 'self'`: a parsed style attribute is blocked and
 * reported (innerHTML, DOMParser, <template>, adoptNode); `style.setProperty` and `style.cssText` are not.
 */
import { parseDeclarations } from './css-declarations.ts';
import { pendingStyleAttribute } from './style-attributes.ts';

/** Applies and removes every pending style under `root`. */
export function applyPendingStyles(root: ParentNode): void {
  for (const element of root.querySelectorAll(`[${pendingStyleAttribute}]`)) {
    const declarations = parseDeclarations(element.getAttribute(pendingStyleAttribute) ?? '');
    element.removeAttribute(pendingStyleAttribute);
    const style = (element as HTMLElement).style;
    if (!style) continue;
    for (const [name, value] of declarations) style.setProperty(name, value);
  }
}

/** A copy of an inert fragment that belongs to `doc`, its styles applied. */
export function importIntoDocument(fragment: DocumentFragment, doc: Document): DocumentFragment {
  const live = doc.importNode(fragment, true);
  applyPendingStyles(live);
  return live;
}
