/**
 * The sanitizer: any HTML (a paste, a stored draft, a template, the final message) in, mail-safe HTML out.
 * DOMPurify (cure53, the sanitizer browsers' own Sanitizer API was modelled on) removes everything dangerous; our
 * pass (normalize.ts) then turns clipboard formatting into mail formatting, and serialize.ts writes the result.
 * Needs a DOM: the page's `window` in the app, happy-dom's in unit tests.
 */
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';
import { readClassRules, withoutParseTimeViolations } from './clipboard-styles.ts';
import { allowedTags, sanitizerAttributes } from './mail-html-policy.ts';
import { type NormalizeOptions, normalizeFragment } from './normalize.ts';
import { serializeNodes } from './serialize.ts';
import { renameStyleAttributes } from './style-attributes.ts';
import { rebuildWordLists } from './word-lists.ts';

const purifyConfig: Config & { RETURN_DOM_FRAGMENT: true } = {
  ALLOWED_TAGS: [...allowedTags],
  ALLOWED_ATTR: [...sanitizerAttributes],
  // DOMPurify drops every data-* attribute when this is false, even those listed above; the hook below keeps ours only.
  ALLOW_DATA_ATTR: true,
  ALLOW_ARIA_ATTR: false,
  // href and src: the web, mail, cid: parts and the editor's own blob: images. `data:` reaches only <img> (DOMPurify's
  // DATA_URI_TAGS); normalize.ts then keeps it only for a paste, and only for the four raster image types.
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|cid:|blob:)/i,
  // DOMPurify tests every other attribute against that pattern too, unless it is declared URI-safe.
  ADD_URI_SAFE_ATTR: sanitizerAttributes.filter((name) => name !== 'href' && name !== 'src'),
  RETURN_DOM_FRAGMENT: true,
  KEEP_CONTENT: true,
};

export interface MailSanitizer {
  /** Sanitized and normalized, as an inert fragment; kept styles wait in `data-fumi-style`. */
  toFragment(html: string, options?: NormalizeOptions): DocumentFragment;
  /** Mail-safe HTML: inline styles only, no classes, no scripts, handlers, forms, frames or unsafe URLs. */
  sanitizeMailHtml(html: string): string;
  /** The editor's own copy: as sanitizeMailHtml, but its images keep `data-cid` next to their blob: URL. */
  sanitizeEditorHtml(html: string): string;
  /** Writes a fragment from `toFragment` (after any change to it) as HTML. */
  serialize(fragment: DocumentFragment, options?: { keepContentIds?: boolean }): string;
}

/** A sanitizer bound to one window (DOMPurify needs its DOM to parse in). */
export function createMailSanitizer(view: Window): MailSanitizer {
  const purify: DOMPurify = createDOMPurify(view as unknown as Parameters<typeof createDOMPurify>[0]);
  const ownDataAttributes = new Set(sanitizerAttributes.filter((name) => name.startsWith('data-')));
  purify.addHook('uponSanitizeAttribute', (_node, data) => {
    if (data.attrName.startsWith('data-') && !ownDataAttributes.has(data.attrName as 'data-cid')) data.keepAttr = false;
  });
  const toFragment = (html: string, options: NormalizeOptions = {}) => {
    const rules = readClassRules(html);
    const fragment = purify.sanitize(renameStyleAttributes(withoutParseTimeViolations(html)), purifyConfig);
    rebuildWordLists(fragment);
    normalizeFragment(fragment, rules, options);
    return fragment;
  };
  const serialize = (fragment: DocumentFragment, options: { keepContentIds?: boolean } = {}) =>
    serializeNodes(fragment.childNodes, options.keepContentIds ? ['data-cid'] : []);
  return {
    toFragment,
    serialize,
    sanitizeMailHtml: (html) => serialize(toFragment(html)),
    sanitizeEditorHtml: (html) => serialize(toFragment(html, { keepBlobImages: true }), { keepContentIds: true }),
  };
}

let pageSanitizer: MailSanitizer | null = null;

/** The sanitizer of this page's window. */
export function pageMailSanitizer(): MailSanitizer {
  pageSanitizer ??= createMailSanitizer(window);
  return pageSanitizer;
}

/** Mail-safe HTML for this page (see MailSanitizer.sanitizeMailHtml). */
export function sanitizeMailHtml(html: string): string {
  return pageMailSanitizer().sanitizeMailHtml(html);
}
