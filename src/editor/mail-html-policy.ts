/**
 * The one list of what mail HTML may contain, shared by the sanitizer (what survives), the serializer (what it
 * knows how to write) and the tests (what they check every output against). Everything not named here is dropped:
 * scripts, styles, forms, frames, SVG and MathML, event handlers, ids and names (DOM clobbering), classes (mail
 * clients drop them; their rules are folded into inline styles first).
 */

export const allowedTags = [
  'a',
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'strike',
  'del',
  'sub',
  'sup',
  'code',
  'pre',
  'br',
  'hr',
  'p',
  'div',
  'span',
  'font',
  'blockquote',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'img',
] as const;

/** Attributes DOMPurify lets through to our own pass; most are folded into styles or checked there. */
export const sanitizerAttributes = [
  'href',
  'src',
  'alt',
  'width',
  'height',
  'colspan',
  'rowspan',
  'start',
  'dir',
  'align',
  'valign',
  'bgcolor',
  'color',
  'class',
  'data-fumi-style',
  'data-cid',
] as const;

/** What an element may carry in the final HTML, after our pass. */
export const outputAttributes: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  img: ['src', 'alt', 'width', 'height'],
  ol: ['start'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
};

/** Attributes any element may carry in the output. */
export const globalOutputAttributes = ['style', 'dir'] as const;

export const voidTags = new Set(['br', 'hr', 'img']);

export const blockTags = new Set([
  'p',
  'div',
  'blockquote',
  'ul',
  'ol',
  'li',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'hr',
]);

/** Image types a mail may carry inline (no SVG: it can hold script, and Gmail refuses it inline anyway). */
export const inlineImageTypes = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** `data:` image URLs, only as a paste's way of carrying a picture; they are turned into cid: parts at once. */
export const dataImageUrl = /^data:(image\/(?:png|jpeg|gif|webp));base64,([a-z0-9+/=\s]+)$/i;
