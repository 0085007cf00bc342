/**
 * Our pass over what DOMPurify let through (an inert fragment): clipboard formatting becomes mail formatting.
 * - Office class rules are folded in, then classes go; styles keep only what css-declarations.ts allows.
 * - `font-weight:700` spans become <b> (and Google Docs' `<b style="font-weight:normal">` wrapper stops making the
 *   whole paste bold); italic, underline, strike, super/subscript likewise become tags.
 * - Links must pass checkLinkUrl; images must be cid: (or, where the caller asks, blob:/data: to turn into cid:).
 * Kept declarations wait in `data-fumi-style` for the serializer (markup) or page-dom.ts (CSSOM).
 */
import type { ClassRules } from './clipboard-styles.ts';
import {
  type Declarations,
  keepDeclarations,
  parseDeclarations,
  type StyleContext,
  serializeDeclarations,
} from './css-declarations.ts';
import { checkLinkUrl } from './link-url.ts';
import { dataImageUrl } from './mail-html-policy.ts';
import { pendingStyleAttribute } from './style-attributes.ts';

export interface NormalizeOptions {
  /** Keep `data:image/…;base64` sources (a paste; the editor turns them into inline parts right away). */
  keepDataImages?: boolean;
  /** Keep `blob:` sources that carry a `data-cid` (the editor's own images while it is open). */
  keepBlobImages?: boolean;
}

const cellTags = new Set(['td', 'th']);
const blockStyleTags = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote']);
const naturallyBold = new Set(['b', 'strong', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'th']);

function styleContext(tag: string): StyleContext | null {
  if (cellTags.has(tag)) return 'cell';
  if (tag === 'table') return 'table';
  if (blockStyleTags.has(tag)) return 'block';
  if (tag === 'span' || tag === 'font') return 'inline';
  return null;
}

function unwrap(element: Element): void {
  element.replaceWith(...element.childNodes);
}

/** Moves the element's children into `tag` wrappers inside it, innermost last. */
function wrapChildren(element: Element, tags: string[]): void {
  if (tags.length === 0) return;
  const doc = element.ownerDocument;
  const outer = doc.createElement(tags[0]!);
  let inner = outer;
  for (const tag of tags.slice(1)) {
    const next = doc.createElement(tag);
    inner.append(next);
    inner = next;
  }
  inner.append(...element.childNodes);
  element.append(outer);
}

function isBoldWeight(value: string | undefined): boolean | null {
  if (!value) return null;
  if (/^(bold|bolder)$/i.test(value)) return true;
  if (/^(normal|lighter)$/i.test(value)) return false;
  const weight = Number(value);
  return Number.isFinite(weight) ? weight >= 600 : null;
}

/** Declarations from the element's classes (Office rules) and its own style, the inline style winning. */
function declarationsOf(element: Element, classRules: ClassRules): Declarations {
  let text = '';
  for (const name of (element.getAttribute('class') ?? '').split(/\s+/)) {
    const rule = name && classRules.get(name);
    if (rule) text += `${rule};`;
  }
  text += element.getAttribute(pendingStyleAttribute) ?? '';
  return parseDeclarations(text);
}

/** Presentational attributes (`<font color>`, `<td bgcolor align>`) as the declarations they stand for. */
function presentational(element: Element, declarations: Declarations): void {
  const color = element.getAttribute('color');
  if (color && !declarations.has('color')) declarations.set('color', color);
  const background = element.getAttribute('bgcolor');
  if (background && !declarations.has('background-color')) declarations.set('background-color', background);
  const align = element.getAttribute('align');
  if (align && !declarations.has('text-align')) declarations.set('text-align', align);
  const valign = element.getAttribute('valign');
  if (valign && !declarations.has('vertical-align')) declarations.set('vertical-align', valign);
  for (const name of ['color', 'bgcolor', 'align', 'valign', 'class', pendingStyleAttribute])
    element.removeAttribute(name);
}

function formattingTags(tag: string, declarations: Declarations, insideLink: boolean): string[] {
  const tags: string[] = [];
  if (isBoldWeight(declarations.get('font-weight')) && !naturallyBold.has(tag)) tags.push('b');
  if (/^(italic|oblique)/i.test(declarations.get('font-style') ?? '') && tag !== 'i' && tag !== 'em') tags.push('i');
  const decoration = `${declarations.get('text-decoration') ?? ''} ${declarations.get('text-decoration-line') ?? ''}`;
  if (/underline/i.test(decoration) && tag !== 'u' && !insideLink) tags.push('u');
  if (/line-through/i.test(decoration) && tag !== 's' && tag !== 'strike' && tag !== 'del') tags.push('s');
  const vertical = declarations.get('vertical-align');
  if (vertical === 'super' && tag !== 'sup') tags.push('sup');
  if (vertical === 'sub' && tag !== 'sub') tags.push('sub');
  return tags;
}

function checkImage(image: Element, options: NormalizeOptions): boolean {
  const src = (image.getAttribute('src') ?? '').trim();
  for (const name of ['width', 'height']) {
    const value = image.getAttribute(name);
    if (value !== null && !/^\d{1,4}$/.test(value)) image.removeAttribute(name);
  }
  if (/^cid:[^\s"'<>]+$/i.test(src)) return true;
  if (options.keepBlobImages && /^blob:/i.test(src) && image.getAttribute('data-cid')) return true;
  if (options.keepDataImages && dataImageUrl.test(src)) return true;
  return false;
}

function normalizeElement(element: Element, classRules: ClassRules, options: NormalizeOptions): void {
  const tag = element.localName;
  const declarations = declarationsOf(element, classRules);
  presentational(element, declarations);
  if (tag !== 'img' || !options.keepBlobImages) element.removeAttribute('data-cid');

  if (tag === 'a') {
    const check = checkLinkUrl(element.getAttribute('href') ?? '');
    if (check.ok) element.setAttribute('href', check.href);
    else element.removeAttribute('href');
  }
  if (tag === 'img' && !checkImage(element, options)) {
    // A picture we cannot carry (remote, file:, svg) leaves its description, so the sentence still reads.
    const alt = element.getAttribute('alt')?.trim();
    element.replaceWith(element.ownerDocument.createTextNode(alt ? `[${alt}]` : ''));
    return;
  }
  if ((tag === 'b' || tag === 'strong') && isBoldWeight(declarations.get('font-weight')) === false) {
    unwrap(element);
    return;
  }
  if (tag === 'ol' && !/^\d{1,6}$/.test(element.getAttribute('start') ?? '')) element.removeAttribute('start');
  for (const name of ['colspan', 'rowspan']) {
    const value = element.getAttribute(name);
    if (value !== null && !/^\d{1,3}$/.test(value)) element.removeAttribute(name);
  }
  if (element.getAttribute('dir') && !/^(ltr|rtl|auto)$/i.test(element.getAttribute('dir')!))
    element.removeAttribute('dir');
  // Google Docs writes dir="ltr" on every paragraph; only the unusual direction is worth keeping.
  if (element.getAttribute('dir')?.toLowerCase() === 'ltr') element.removeAttribute('dir');

  wrapChildren(element, formattingTags(tag, declarations, element.closest('a') !== null));
  const context = styleContext(tag);
  const kept = context ? keepDeclarations(declarations, context) : new Map<string, string>();
  if (kept.size > 0) element.setAttribute(pendingStyleAttribute, serializeDeclarations(kept));
  if ((tag === 'span' || tag === 'font') && kept.size === 0) unwrap(element);
  else if (tag === 'font') {
    const span = element.ownerDocument.createElement('span');
    span.setAttribute(pendingStyleAttribute, element.getAttribute(pendingStyleAttribute)!);
    span.append(...element.childNodes);
    element.replaceWith(span);
  }
  if (tag === 'a' && !element.hasAttribute('href')) unwrap(element);
}

/** Runs our pass over a sanitized inert fragment, in place. */
export function normalizeFragment(root: DocumentFragment, classRules: ClassRules, options: NormalizeOptions): void {
  // Document order, parents first: a Docs <b> wrapper is unwrapped before its spans are read.
  for (const element of [...root.querySelectorAll('*')]) {
    if (element.getRootNode() === root) normalizeElement(element, classRules, options);
  }
  root.normalize();
}
