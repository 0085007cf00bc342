import { encodeWords } from './encoded-word.ts';
import { InvalidHeaderValueError } from './errors.ts';
import { assertHeaderSafe, FOLD_COLUMN } from './header.ts';

const utf8 = new TextEncoder();
const TOKEN = "[!#$%&'*+\\-.^_`|~0-9A-Za-z]+";
const MEDIA_TYPE = new RegExp(`^${TOKEN}/${TOKEN}$`);
/** Printable ASCII safe inside a quoted parameter value without escapes and not mistakable for an encoded-word. */
const PLAIN_VALUE = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/**
 * Validates a `type/subtype` (RFC 2045 §5.1) and lower-cases it. An empty type is what browsers report for unknown
 * files (File.type), and means application/octet-stream.
 */
export function mediaType(contentType: string, field: string): string {
  assertHeaderSafe(contentType, field);
  const value = contentType.trim();
  if (value === '') return 'application/octet-stream';
  // RFC 6838 §4.2 caps type and subtype at 127 characters each.
  if (!MEDIA_TYPE.test(value) || value.length > 255) throw new InvalidHeaderValueError(field, 'bad-content-type');
  return value.toLowerCase();
}

function isPlain(value: string, parameter: string): boolean {
  return PLAIN_VALUE.test(value) && !value.includes('=?') && ` ${parameter}="${value}";`.length <= FOLD_COLUMN;
}

/**
 * The legacy `name=` of Content-Type: plain when short printable ASCII, otherwise encoded-words inside the quotes.
 * RFC 2047 §5 forbids that, yet Gmail writes it and some webmail reads nothing else (nodemailer/buildmail#4).
 */
export function legacyNameWords(filename: string): string[] {
  if (isPlain(filename, 'name')) return [`name="${filename}"`];
  const words = encodeWords(filename);
  words[0] = `name="${words[0]}`;
  words[words.length - 1] += '"';
  return words;
}

// RFC 2231 §7 attribute-char: CHAR except SPACE, CTLs, "*", "'", "%" and tspecials.
const ATTRIBUTE_CHAR = /^[A-Za-z0-9!#$&+\-.^_`{|}~]$/;

function percentEncode(codePoint: string): string {
  if (ATTRIBUTE_CHAR.test(codePoint)) return codePoint;
  let out = '';
  for (const byte of utf8.encode(codePoint)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}

/**
 * `filename` of Content-Disposition. Short printable ASCII is quoted; anything else uses RFC 2231 §4 `filename*` in
 * UTF-8, split into `filename*0*`, `filename*1*`... continuations (§3) when longer than a line. Every segment is
 * starred because every one may hold %-escapes, and segments end between code points so each one decodes alone.
 */
export function filenameParamWords(filename: string): string[] {
  if (isPlain(filename, 'filename')) return [`filename="${filename}"`];
  const pieces = Array.from(filename, percentEncode);
  const single = `filename*=UTF-8''${pieces.join('')}`;
  if (single.length + 1 <= FOLD_COLUMN) return [single];
  const words: string[] = [];
  let current = "filename*0*=UTF-8''";
  for (const piece of pieces) {
    // Each segment line is " " + segment + ";", at most 78 columns.
    if (current.length + piece.length + 2 > FOLD_COLUMN) {
      words.push(`${current};`);
      current = `filename*${words.length}*=`;
    }
    current += piece;
  }
  words.push(current);
  return words;
}
