/**
 * Moves `style="…"` out of the way before any HTML is parsed in the page. Under our CSP (`style-src 'self'`)
 * Chromium refuses a style attribute the moment markup is parsed, even in a DOMParser or <template> document, and
 * reports a violation each time: the declarations are lost and the report is noise. Renamed to
 * `data-fumi-style`, the text survives parsing as a harmless data attribute; css-declarations.ts then keeps what
 * mail needs, and page-dom.ts applies it through the CSSOM, which CSP allows.
 *
 * Only attribute names inside start tags are touched (a tokenizer-shaped pattern, quoted values skipped), so text
 * that merely mentions `style=` is never changed. A tag this pattern cannot read keeps its style attribute, which
 * the parser then drops: a lost colour, never a safety problem (the sanitizer decides what survives, not this).
 */

export const pendingStyleAttribute = 'data-fumi-style';

const startTag = /<[a-zA-Z][^\s/>]*(?:\s*\/?\s*[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*\s*\/?>/g;
const attribute = /(\s|\/)([^\s"'>/=]+)(\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?/g;

export function renameStyleAttributes(html: string): string {
  return html.replace(startTag, (tag) =>
    tag.replace(attribute, (whole, before: string, name: string, value: string | undefined) =>
      name.toLowerCase() === 'style' ? `${before}${pendingStyleAttribute}${value ?? ''}` : whole,
    ),
  );
}
