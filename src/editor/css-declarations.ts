/**
 * Inline CSS as mail clients read it: a style attribute string in, only the properties mail keeps (colour, alignment,
 * table borders and padding) with values of a known, harmless shape out. Pure string work, no CSSOM: under our CSP a
 * parsed `style="…"` never reaches the CSSOM (Chromium blocks it even in a DOMParser document), so the browser cannot
 * parse it for us, and a value we did not recognise is dropped, never passed through.
 */

export type Declarations = Map<string, string>;

/** Splits `a:b; c:d` into pairs, honouring quotes and parentheses (`font-family:"A;B"`, `rgb(1, 2, 3)`). */
export function parseDeclarations(text: string): Declarations {
  const result: Declarations = new Map();
  let depth = 0;
  let quote = '';
  let start = 0;
  const pieces: string[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quote) {
      if (char === '\\') index += 1;
      else if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '(') depth += 1;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (char === ';' && depth === 0) {
      pieces.push(text.slice(start, index));
      start = index + 1;
    }
  }
  pieces.push(text.slice(start));
  for (const piece of pieces) {
    const colon = piece.indexOf(':');
    if (colon < 0) continue;
    const name = piece.slice(0, colon).trim().toLowerCase();
    const value = piece
      .slice(colon + 1)
      .replace(/\s*!important\s*$/i, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (name && value) result.set(name, value);
  }
  return result;
}

const namedColors = new Set([
  'black',
  'white',
  'red',
  'green',
  'blue',
  'yellow',
  'orange',
  'purple',
  'gray',
  'grey',
  'silver',
  'maroon',
  'navy',
  'teal',
  'olive',
  'lime',
  'aqua',
  'fuchsia',
]);

/**
 * A colour as `#rrggbb`, or null. Accepts hex, `rgb()`/`rgba()` with plain numbers, basic names and Office's
 * `windowtext`; anything else (functions, `var()`, escapes) is not a colour we keep. Fully transparent is null too:
 * Google Docs writes `background-color:transparent` on every span.
 */
export function normalizeColor(value: string): string | null {
  const text = value.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(text)) return text;
  if (/^#[0-9a-f]{3}$/.test(text)) return `#${[...text.slice(1)].map((digit) => digit + digit).join('')}`;
  if (text === 'windowtext') return '#000000';
  if (namedColors.has(text)) return text;
  const rgb = /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(text);
  if (!rgb) return null;
  if (rgb[4] !== undefined && Number(rgb[4]) === 0) return null;
  const channels = [rgb[1], rgb[2], rgb[3]].map((channel) => Math.min(255, Number(channel)));
  return `#${channels.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
}

const lengthPattern = /^(\d*\.?\d+)(px|pt)$|^0$/;

/** `5pt`, `1.5px`, `0` as whole pixels (mail clients round anyway; Outlook ignores fractions). */
function lengthToPx(token: string): number | null {
  const match = lengthPattern.exec(token);
  if (!match) return null;
  if (token === '0') return 0;
  const amount = Number(match[1]);
  return Math.round(match[2] === 'pt' ? (amount * 4) / 3 : amount);
}

/** One side's border in any token order (`solid #000 1pt` from Docs, `.5pt solid windowtext` from Excel). */
export function normalizeBorder(value: string): string | null {
  const text = value.trim().toLowerCase();
  if (text === 'none' || text === '0') return 'none';
  let width: number | null = null;
  let style: string | null = null;
  let color: string | null = null;
  for (const token of text.match(/rgba?\([^)]*\)|\S+/g) ?? []) {
    if (/^(solid|dashed|dotted|double)$/.test(token)) style = token;
    else if (token === 'none' || token === 'hidden') return 'none';
    else if (lengthToPx(token) !== null) width = Math.max(1, lengthToPx(token)!);
    else if (token === 'thin') width = 1;
    else if (token === 'medium') width = 3;
    else if (token === 'thick') width = 5;
    else if (token === 'currentcolor') color = null;
    else if (normalizeColor(token)) color = normalizeColor(token);
    else return null;
  }
  if (!style) return null;
  return `${width ?? 1}px ${style} ${color ?? '#000000'}`;
}

function normalizePadding(value: string): string | null {
  const sizes = value.trim().toLowerCase().split(' ').map(lengthToPx);
  if (sizes.length === 0 || sizes.length > 4 || sizes.some((size) => size === null || size > 64)) return null;
  return sizes.map((size) => `${size}px`).join(' ');
}

const keywords = (...allowed: string[]) => {
  const set = new Set(allowed);
  return (value: string) => (set.has(value.trim().toLowerCase()) ? value.trim().toLowerCase() : null);
};

/**
 * What an element may keep, by where it sits. Text formatting (bold, italic, underline, strike) becomes tags
 * elsewhere (semantic.ts); fonts and sizes are dropped on purpose: the recipient's client chooses them, as Gmail does.
 */
const inlineProperties: Record<string, (value: string) => string | null> = {
  color: normalizeColor,
  'background-color': normalizeColor,
};

const blockProperties: Record<string, (value: string) => string | null> = {
  // Not `justify`: Word's Japanese default (MsoNormal) that means nothing in a mail.
  'text-align': keywords('left', 'right', 'center'),
  // A quote's bar, as mail clients draw it (message-parts.ts adds it; pasted quotes keep theirs).
  'border-left': normalizeBorder,
  'padding-left': normalizePadding,
  margin: normalizePadding,
};

const tableProperties: Record<string, (value: string) => string | null> = {
  'border-collapse': keywords('collapse', 'separate'),
};

const cellProperties: Record<string, (value: string) => string | null> = {
  color: normalizeColor,
  'background-color': normalizeColor,
  'text-align': keywords('left', 'right', 'center'),
  'vertical-align': keywords('top', 'middle', 'bottom'),
  padding: normalizePadding,
  'border-top': normalizeBorder,
  'border-right': normalizeBorder,
  'border-bottom': normalizeBorder,
  'border-left': normalizeBorder,
};

export type StyleContext = 'inline' | 'block' | 'cell' | 'table';

const contexts: Record<StyleContext, Record<string, (value: string) => string | null>> = {
  inline: inlineProperties,
  block: blockProperties,
  cell: cellProperties,
  table: tableProperties,
};

const sides = ['top', 'right', 'bottom', 'left'] as const;
const tokensOf = (value: string) =>
  value
    .trim()
    .toLowerCase()
    .match(/rgba?\([^)]*\)|\S+/g) ?? [];

/** CSS box order: 1 to 4 values for top, right, bottom, left. */
function boxValues(value: string): string[] {
  const [top, right = top, bottom = top, left = right] = tokensOf(value);
  return top === undefined ? [] : [top, right!, bottom!, left!];
}

type BorderPart = 'width' | 'style' | 'color';

function partOf(token: string): BorderPart {
  if (/^(solid|dashed|dotted|double|none|hidden|groove|ridge|inset|outset)$/.test(token)) return 'style';
  if (lengthToPx(token) !== null || /^(thin|medium|thick)$/.test(token)) return 'width';
  return 'color';
}

/**
 * Every way a border can be written, resolved per side in source order: `border`, `border-top`, the box forms
 * `border-width/style/color` (what Chromium's CSSOM writes back when the sides differ: `border-style: solid solid
 * solid none`) and `border-top-width`. Each side becomes one `border-<side>` value for normalizeBorder.
 */
function resolveBorders(declarations: Declarations): Map<string, string> {
  const parts = new Map<string, Partial<Record<BorderPart, string>>>(sides.map((side) => [side, {}]));
  const setSide = (side: string, tokens: string[]) => {
    const part: Partial<Record<BorderPart, string>> = {};
    for (const token of tokens) part[partOf(token)] = token;
    parts.set(side, part);
  };
  for (const [name, value] of declarations) {
    if (name === 'border') for (const side of sides) setSide(side, tokensOf(value));
    const sideShorthand = /^border-(top|right|bottom|left)$/.exec(name);
    if (sideShorthand) setSide(sideShorthand[1]!, tokensOf(value));
    const box = /^border-(width|style|color)$/.exec(name);
    if (box)
      boxValues(value).forEach((token, index) => {
        parts.get(sides[index]!)![box[1] as BorderPart] = token;
      });
    const longhand = /^border-(top|right|bottom|left)-(width|style|color)$/.exec(name);
    if (longhand) parts.get(longhand[1]!)![longhand[2] as BorderPart] = tokensOf(value)[0] ?? '';
  }
  const resolved = new Map<string, string>();
  for (const [side, part] of parts) {
    if (!part.style) continue;
    const color = part.color === 'currentcolor' ? undefined : part.color;
    resolved.set(`border-${side}`, [part.width, part.style, color].filter(Boolean).join(' '));
  }
  return resolved;
}

/** Expands the shorthands the clipboard and the CSSOM use (`background`, every border form) into our longhands. */
function expandShorthands(declarations: Declarations): Declarations {
  const expanded: Declarations = new Map();
  for (const [name, value] of declarations) if (!name.startsWith('border')) expanded.set(name, value);
  const background = declarations.get('background');
  if (background && !expanded.has('background-color') && normalizeColor(background))
    expanded.set('background-color', background);
  for (const [name, value] of resolveBorders(declarations)) expanded.set(name, value);
  // border-collapse is a table's, not a border.
  const collapse = declarations.get('border-collapse');
  if (collapse) expanded.set('border-collapse', collapse);
  return expanded;
}

/** The declarations an element in `context` keeps, normalised; everything else is dropped. */
export function keepDeclarations(declarations: Declarations, context: StyleContext): Declarations {
  const allowed = contexts[context];
  const kept: Declarations = new Map();
  for (const [name, raw] of expandShorthands(declarations)) {
    const normalize = allowed[name];
    const value = normalize ? normalize(raw) : null;
    if (value) kept.set(name, value);
  }
  // Black text on no background is every client's default: keeping it only fights dark mode.
  if (kept.get('color') === '#000000' || kept.get('color') === 'black') kept.delete('color');
  if (kept.get('background-color') === '#ffffff' || kept.get('background-color') === 'white')
    kept.delete('background-color');
  return kept;
}

export function serializeDeclarations(declarations: Declarations): string {
  return [...declarations].map(([name, value]) => `${name}:${value}`).join(';');
}
