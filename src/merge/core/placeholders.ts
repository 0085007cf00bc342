/**
 * Placeholders in a mail merge's subject and body: `{{氏名}}` is replaced by the row's cell in the column 氏名, and
 * `{{氏名|お客様}}` by お客様 when that cell is empty. Pure; rendering gives the exact subject and body each row gets.
 *
 * Syntax decisions (each one shown to the user by the preview, which renders the real result):
 * - Braces may be half-width `{{ }}` or full-width `｛｛ ｝｝`, even mixed: a Japanese IME in kana mode types ｛, and a
 *   placeholder that silently stays literal in 2,000 messages is worse than a rare literal ｛｛ needing an escape.
 *   The fallback bar may be `|` or `｜` for the same reason.
 * - Names match column headers after NFKC, trimming, single spaces and case folding: `{{ Company }}` and
 *   `{{ｃｏｍｐａｎｙ}}` both find "company". The fallback is trimmed as well.
 * - A backslash right before an opening pair writes it literally: `\{{` gives `{{` (the backslash is dropped).
 *   Single braces never need escaping. `{{{x}}}` is a literal brace, the placeholder x, and a literal brace.
 * - A placeholder does not span lines; `{{` without `}}` on the same line is an error, not literal text.
 * - In HTML, names and fallbacks are read after decoding character references (`{{R&amp;D}}` names "R&D"); values
 *   and fallbacks are written HTML-escaped, their line breaks as `<br>`.
 */

export type TemplatePart = 'subject' | 'text' | 'html';

export interface Placeholder {
  /** The name as written (entity-decoded in HTML), trimmed. */
  name: string;
  /** The text used when the cell is empty; null when none was given (`{{x|}}` gives an empty fallback). */
  fallback: string | null;
  /** Offsets of the whole `{{…}}` in the part's source. */
  start: number;
  end: number;
}

export type Segment = { kind: 'text'; text: string } | { kind: 'placeholder'; placeholder: Placeholder };

export type TemplateProblem =
  | { code: 'unknown-placeholder'; part: TemplatePart; name: string; start: number; end: number }
  | { code: 'unclosed-placeholder'; part: TemplatePart; start: number }
  | { code: 'empty-placeholder'; part: TemplatePart; start: number; end: number };

const isOpenBrace = (char: string | undefined) => char === '{' || char === '｛';
const isCloseBrace = (char: string | undefined) => char === '}' || char === '｝';

const NAMED_REFERENCES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** Decodes the character references an HTML editor writes (named basics, decimal, hex); others stay as written. */
export function decodeHtmlText(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_REFERENCES[body.toLowerCase()] ?? whole;
  });
}

/** `& < > " '` as character references, line breaks as `<br>`: a cell's text placed into an HTML body. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/\r\n|\r|\n/g, '<br>');
}

/** The form in which placeholder names and headers are compared. */
export function placeholderKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

/** Splits one part of a template into text and placeholders, with the syntax problems found on the way. */
export function parseTemplate(
  source: string,
  part: TemplatePart,
): { segments: Segment[]; problems: TemplateProblem[] } {
  const segments: Segment[] = [];
  const problems: TemplateProblem[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') segments.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    const opens = isOpenBrace(char) && isOpenBrace(source[i + 1]);
    if (char === '\\' && isOpenBrace(source[i + 1]) && isOpenBrace(source[i + 2])) {
      text += source.slice(i + 1, i + 3);
      i += 3;
      continue;
    }
    if (!opens) {
      text += char;
      i++;
      continue;
    }
    let close = -1;
    let nested = false;
    for (let j = i + 2; j < source.length; j++) {
      const inner = source[j]!;
      if (inner === '\n' || inner === '\r') break;
      if (isOpenBrace(inner)) {
        nested = true;
        break;
      }
      if (isCloseBrace(inner) && isCloseBrace(source[j + 1])) {
        close = j;
        break;
      }
    }
    if (nested) {
      // `{{{x}}}`: this brace is literal; the placeholder starts at the next one.
      text += char;
      i++;
      continue;
    }
    if (close < 0) {
      problems.push({ code: 'unclosed-placeholder', part, start: i });
      text += source.slice(i, i + 2);
      i += 2;
      continue;
    }
    const inner = source.slice(i + 2, close);
    const bar = inner.search(/[|｜]/u);
    const decode = part === 'html' ? decodeHtmlText : (value: string) => value;
    const name = decode(bar < 0 ? inner : inner.slice(0, bar)).trim();
    const fallback = bar < 0 ? null : decode(inner.slice(bar + 1)).trim();
    const end = close + 2;
    if (name === '') problems.push({ code: 'empty-placeholder', part, start: i, end });
    flush();
    segments.push({ kind: 'placeholder', placeholder: { name, fallback, start: i, end } });
    i = end;
  }
  flush();
  return { segments, problems };
}

/** A merge template as the editor produces it: the HTML body is a string (the rich editor's output), or absent. */
export interface MergeTemplate {
  subject: string;
  text: string;
  html?: string;
}

export interface CompiledTemplate {
  parts: Partial<Record<TemplatePart, Segment[]>>;
  /** Placeholder name (as written) -> column index, for every placeholder that names a column. */
  columns: ReadonlyMap<string, number>;
  /** Problems that hold for every row: nothing can be sent while there is one. */
  problems: TemplateProblem[];
}

/** Parses every part of a template and resolves each placeholder to a column of the list. */
export function compileTemplate(template: MergeTemplate, headers: readonly string[]): CompiledTemplate {
  const byKey = new Map<string, number>();
  headers.forEach((header, column) => {
    const key = placeholderKey(header);
    if (key !== '' && !byKey.has(key)) byKey.set(key, column);
  });
  const parts: CompiledTemplate['parts'] = {};
  const columns = new Map<string, number>();
  const problems: TemplateProblem[] = [];
  const sources: Array<[TemplatePart, string | undefined]> = [
    ['subject', template.subject],
    ['text', template.text],
    ['html', template.html],
  ];
  for (const [part, source] of sources) {
    if (source === undefined) continue;
    const parsed = parseTemplate(source, part);
    parts[part] = parsed.segments;
    problems.push(...parsed.problems);
    for (const segment of parsed.segments) {
      if (segment.kind !== 'placeholder' || segment.placeholder.name === '') continue;
      const { name, start, end } = segment.placeholder;
      const exact = headers.indexOf(name);
      const column = exact >= 0 ? exact : byKey.get(placeholderKey(name));
      if (column === undefined) problems.push({ code: 'unknown-placeholder', part, name, start, end });
      else columns.set(name, column);
    }
  }
  return { parts, columns, problems };
}

export type RowTemplateProblem =
  | { code: 'empty-value'; part: TemplatePart; name: string }
  | { code: 'line-break-in-subject'; name: string };

export interface RenderedMessage {
  subject: string;
  text: string;
  html?: string;
  /** Empty cells without a fallback, values a subject cannot hold: flagged per row before anything is sent. */
  problems: RowTemplateProblem[];
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: a header cannot hold control characters (src/mail/header.ts).
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;

/**
 * The exact subject and bodies for one row. `cell(column)` gives the row's text (after the user's corrections);
 * values are trimmed, so "山田 " reads "山田". Call only with a template that has no problems of its own.
 */
export function renderRow(compiled: CompiledTemplate, cell: (column: number) => string): RenderedMessage {
  const problems: RowTemplateProblem[] = [];
  const seen = new Set<string>();
  const report = (problem: RowTemplateProblem) => {
    const key = JSON.stringify(problem);
    if (!seen.has(key)) problems.push(problem);
    seen.add(key);
  };
  const render = (part: TemplatePart): string | undefined => {
    const segments = compiled.parts[part];
    if (!segments) return undefined;
    let out = '';
    for (const segment of segments) {
      if (segment.kind === 'text') {
        out += segment.text;
        continue;
      }
      const { name, fallback } = segment.placeholder;
      const column = compiled.columns.get(name);
      let value = column === undefined ? '' : cell(column).trim();
      if (value === '') {
        if (fallback === null) report({ code: 'empty-value', part, name });
        value = fallback ?? '';
      }
      if (part === 'subject' && CONTROL.test(value)) report({ code: 'line-break-in-subject', name });
      out += part === 'html' ? escapeHtml(value) : value;
    }
    return out;
  };
  const rendered: RenderedMessage = { subject: render('subject') ?? '', text: render('text') ?? '', problems };
  const html = render('html');
  if (html !== undefined) rendered.html = html;
  return rendered;
}
