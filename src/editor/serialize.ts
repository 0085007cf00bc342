/**
 * Writes a sanitized fragment as HTML, by hand: only the tags and attributes of mail-html-policy.ts, every text
 * and attribute value escaped, kept styles written out as `style` (they waited in `data-fumi-style`). Writing it
 * ourselves means the markup we send is exactly the tree we checked, with no serializer quirk in between, and no
 * style attribute is ever set in a document under our CSP.
 */
import { allowedTags, globalOutputAttributes, outputAttributes, voidTags } from './mail-html-policy.ts';
import { pendingStyleAttribute } from './style-attributes.ts';

const allowed = new Set<string>(allowedTags);

function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\u00a0/g, '&nbsp;');
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attributesOf(element: Element, extra: readonly string[]): string {
  const tag = element.localName;
  const names = [...(outputAttributes[tag] ?? []), ...globalOutputAttributes, ...extra];
  let out = '';
  for (const name of names) {
    const value = name === 'style' ? element.getAttribute(pendingStyleAttribute) : element.getAttribute(name);
    if (value !== null && value !== '') out += ` ${name}="${escapeAttribute(value)}"`;
  }
  return out;
}

/** `extraAttributes`: what the editor keeps in its own copy (`data-cid`), never in the mail. */
export function serializeNodes(nodes: Iterable<Node>, extraAttributes: readonly string[] = []): string {
  let out = '';
  for (const node of nodes) {
    if (node.nodeType === 3) out += escapeText(node.textContent ?? '');
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    const tag = element.localName;
    // The sanitizer already removed anything else; a stray element is dropped with its content, not guessed at.
    if (!allowed.has(tag)) continue;
    out += `<${tag}${attributesOf(element, extraAttributes)}>`;
    if (voidTags.has(tag)) continue;
    out += `${serializeNodes(element.childNodes, extraAttributes)}</${tag}>`;
  }
  return out;
}
