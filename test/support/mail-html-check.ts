/**
 * What must never survive the mail sanitizer, checked on its output parsed back by a real parser (jsdom in unit
 * tests, Chromium in browser tests): elements and attributes outside the policy, event handlers, unsafe URLs, CSS
 * that can fetch or run anything. Returns the problems found, so a failure names them.
 */
import { allowedTags, globalOutputAttributes, outputAttributes } from '../../src/editor/mail-html-policy.ts';

const tags = new Set<string>(allowedTags);

/** An element as a parser saw it: what a browser test sends back from Chromium. */
export interface ParsedElement {
  tag: string;
  attributes: Array<[name: string, value: string]>;
}

export function describeElements(root: ParentNode): ParsedElement[] {
  return [...root.querySelectorAll('*')].map((element) => ({
    tag: element.localName,
    attributes: [...element.attributes].map((attribute): [string, string] => [attribute.name, attribute.value]),
  }));
}

export function findUnsafe(root: ParentNode, options: { allowBlobImages?: boolean } = {}): string[] {
  return findUnsafeIn(describeElements(root), options);
}

export function findUnsafeIn(elements: ParsedElement[], options: { allowBlobImages?: boolean } = {}): string[] {
  const problems: string[] = [];
  for (const { tag, attributes } of elements) {
    if (!tags.has(tag)) problems.push(`element <${tag}>`);
    const allowed = new Set<string>([...(outputAttributes[tag] ?? []), ...globalOutputAttributes]);
    if (options.allowBlobImages) allowed.add('data-cid');
    for (const [name, value] of attributes) {
      if (!allowed.has(name)) problems.push(`<${tag} ${name}="${value}">`);
      if (/^on/i.test(name)) problems.push(`handler ${name}`);
      if (name === 'href' && !/^(https?:\/\/|mailto:)/i.test(value)) problems.push(`href ${value}`);
      if (name === 'src' && !(/^cid:/i.test(value) || (options.allowBlobImages && /^blob:/i.test(value))))
        problems.push(`src ${value}`);
      if (name === 'style' && /url\s*\(|expression|javascript|behavior|binding|@import|\\|\/\*|[<>"]/i.test(value))
        problems.push(`style ${value}`);
    }
  }
  return problems;
}
