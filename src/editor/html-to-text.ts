/**
 * The plain-text alternative of a rich message, as a person would type it: paragraphs apart, `- ` and `1. ` lists
 * indented by level, `> ` before quoted lines, links as `text <url>`, table rows as `cell | cell`, images as
 * `[description]`. Works on a sanitized fragment (sanitize.ts), so nothing the sanitizer removed can leak into the
 * text part either.
 */
import { allowedTags } from './mail-html-policy.ts';

interface Prefix {
  /** Before the first line (a list marker), then `rest` before each following line. */
  first: string;
  rest: string;
  used: boolean;
}

class TextWriter {
  private readonly lines: string[] = [];
  private line = '';
  private readonly prefixes: Prefix[] = [];
  private blankWanted = false;

  /** `verbatim`: inside <pre>, where leading spaces are the author's. */
  text(value: string, verbatim = false): void {
    if (!value) return;
    if (this.line === '' && value.trim() === '' && !verbatim) return;
    // No blank line as the first line of a quote or a list item.
    if (this.line === '' && this.blankWanted && this.lines.length > 0 && this.innermostUsed()) this.emitBlank();
    this.blankWanted = false;
    this.line += this.line === '' && !verbatim ? value.replace(/^ +/, '') : value;
  }

  /** Ends the current line (a <br> or a block end). `force` writes an empty line too (two <br> in a row). */
  newline(force = false): void {
    if (this.line === '' && !force) return;
    this.lines.push(this.prefix() + this.line.replace(/ +$/, ''));
    this.line = '';
  }

  /** A paragraph boundary: one blank line before the next text, never several, never at the start. */
  paragraph(): void {
    this.newline();
    this.blankWanted = true;
  }

  push(first: string, rest: string = first): void {
    this.newline();
    if (this.blankWanted && this.lines.length > 0 && this.innermostUsed()) this.emitBlank();
    this.blankWanted = false;
    this.prefixes.push({ first, rest, used: false });
  }

  pop(): void {
    this.newline();
    this.prefixes.pop();
  }

  private innermostUsed(): boolean {
    return this.prefixes.length === 0 || this.prefixes[this.prefixes.length - 1]!.used;
  }

  private emitBlank(): void {
    // Inside a quote the blank line keeps its `>`, so the quote reads as one block.
    const quote = this.prefixes.map((prefix) => (prefix.rest.startsWith('>') ? '>' : '')).join('');
    this.lines.push(quote ? `${quote}` : '');
  }

  private prefix(): string {
    return this.prefixes
      .map((prefix) => {
        if (prefix.used) return prefix.rest;
        prefix.used = true;
        return prefix.first;
      })
      .join('');
  }

  result(): string {
    this.newline();
    return this.lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .replace(/^\n+|\n+$/g, '');
  }
}

const textTags = new Set<string>(allowedTags);
const paragraphTags = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'pre', 'blockquote', 'hr']);
const lineTags = new Set(['div', 'li', 'tr', 'caption', 'ul', 'ol']);

function collapse(text: string): string {
  return text.replace(/[ \t\r\n\f]+/g, ' ');
}

/** The text of one table cell or link label, on one line. */
function inlineText(node: Node): string {
  const writer = new TextWriter();
  walkChildren(node, writer, false);
  return writer.result().replace(/\s*\n+\s*/g, ' ');
}

function linkText(element: Element): string {
  const label = inlineText(element).trim();
  const href = element.getAttribute('href') ?? '';
  const shown = href.replace(/^mailto:/i, '');
  if (!href || label === href || label === shown) return label || shown;
  return label ? `${label} <${shown}>` : shown;
}

function walkChildren(node: Node, writer: TextWriter, pre: boolean): void {
  for (const child of node.childNodes) walk(child, writer, pre);
}

function walkList(list: Element, writer: TextWriter, pre: boolean): void {
  const ordered = list.localName === 'ol';
  let number = Number(list.getAttribute('start') ?? '1') || 1;
  const nested = list.parentElement?.closest('li') !== null && list.parentElement !== null;
  if (!nested) writer.paragraph();
  for (const child of list.childNodes) {
    if (child.nodeType !== 1 || (child as Element).localName !== 'li') {
      walk(child, writer, pre);
      continue;
    }
    const marker = ordered ? `${number}. ` : '- ';
    number += 1;
    writer.push(marker, ' '.repeat(marker.length));
    walkChildren(child, writer, pre);
    writer.pop();
  }
  if (!nested) writer.paragraph();
}

function walkTable(table: Element, writer: TextWriter): void {
  writer.paragraph();
  for (const row of table.querySelectorAll('tr')) {
    if (row.closest('table') !== table) continue;
    const cells = [...row.children].filter((cell) => cell.localName === 'td' || cell.localName === 'th');
    writer.text(cells.map((cell) => inlineText(cell).trim()).join(' | '));
    writer.newline();
  }
  writer.paragraph();
}

function walk(node: Node, writer: TextWriter, pre: boolean): void {
  if (node.nodeType === 3) {
    const text = node.textContent ?? '';
    if (!pre) {
      // Collapsing first keeps &nbsp; runs, which the author typed on purpose.
      writer.text(collapse(text).replace(/\u00a0/g, ' '));
      return;
    }
    const lines = text.split(/\r\n|\r|\n/);
    lines.forEach((line, index) => {
      if (index > 0) writer.newline(true);
      writer.text(line.replace(/\u00a0/g, ' '), true);
    });
    return;
  }
  if (node.nodeType !== 1 && node.nodeType !== 11) return;
  if (node.nodeType === 11) {
    walkChildren(node, writer, pre);
    return;
  }
  const element = node as Element;
  const tag = element.localName;
  // Only what the sanitizer lets through has text worth reading; anything else is skipped with its content.
  if (!textTags.has(tag)) return;
  switch (tag) {
    case 'br':
      writer.newline(true);
      return;
    case 'hr':
      writer.paragraph();
      writer.text('----------');
      writer.paragraph();
      return;
    case 'img': {
      const alt = element.getAttribute('alt')?.trim();
      writer.text(`[${alt || 'image'}]`);
      return;
    }
    case 'a':
      writer.text(linkText(element));
      return;
    case 'ul':
    case 'ol':
      walkList(element, writer, pre);
      return;
    case 'table':
      walkTable(element, writer);
      return;
    case 'blockquote':
      writer.paragraph();
      writer.push('> ');
      walkChildren(element, writer, pre);
      writer.pop();
      writer.paragraph();
      return;
  }
  const isParagraph = paragraphTags.has(tag);
  const isLine = lineTags.has(tag);
  if (isParagraph) writer.paragraph();
  else if (isLine) writer.newline();
  walkChildren(element, writer, pre || tag === 'pre');
  if (isParagraph) writer.paragraph();
  else if (isLine) writer.newline();
}

/** Plain text of a sanitized fragment (or any node under it). */
export function fragmentToText(root: Node): string {
  const writer = new TextWriter();
  walk(root, writer, false);
  return writer.result();
}
