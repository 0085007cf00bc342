/**
 * RFC 2047 encoded-words for non-ASCII header text. Each word is at most MAX_WORD_LENGTH characters and holds whole
 * characters only (§5: "an integral number of characters"): text is cut between grapheme clusters, or between code
 * points when one cluster alone is too long, so a surrogate pair or a UTF-8 sequence is never split and every word
 * decodes on its own.
 */

const utf8 = new TextEncoder();

/**
 * 67 so that the longest header name we put encoded-words after ("Reply-To: ", 10 columns) plus one word still fits
 * in 78 columns (RFC 5322 §2.1.1); well under the 75 of RFC 2047 §2.
 */
export const MAX_WORD_LENGTH = 67;
const PREFIX_LENGTH = '=?UTF-8?B?'.length;
const OVERHEAD = PREFIX_LENGTH + '?='.length;

export type WordEncoding = 'B' | 'Q';

/** Q literals safe in every position, including a `phrase` (RFC 2047 §5 rule 3). */
function isQLiteral(byte: number): boolean {
  return (
    (byte >= 0x30 && byte <= 0x39) ||
    (byte >= 0x41 && byte <= 0x5a) ||
    (byte >= 0x61 && byte <= 0x7a) ||
    byte === 0x21 ||
    byte === 0x2a ||
    byte === 0x2b ||
    byte === 0x2d ||
    byte === 0x2f
  );
}

const HEX = '0123456789ABCDEF';

function qEncode(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    if (byte === 0x20) out += '_';
    else if (isQLiteral(byte)) out += String.fromCharCode(byte);
    else out += `=${HEX[byte >> 4]}${HEX[byte & 15]}`;
  }
  return out;
}

function qLength(bytes: Uint8Array): number {
  let length = 0;
  for (const byte of bytes) length += byte === 0x20 || isQLiteral(byte) ? 1 : 3;
  return length;
}

function bEncode(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function payloadLength(bytes: Uint8Array, encoding: WordEncoding): number {
  return encoding === 'B' ? Math.ceil(bytes.length / 3) * 4 : qLength(bytes);
}

/** Encodes `text` as one encoded-word, however long: the building block, and what test vectors describe. */
export function encodeWord(text: string, encoding: WordEncoding): string {
  const bytes = utf8.encode(text);
  return `=?UTF-8?${encoding}?${encoding === 'B' ? bEncode(bytes) : qEncode(bytes)}?=`;
}

const graphemes =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('en', { granularity: 'grapheme' }) : null;

/** Grapheme clusters where the runtime can tell them, else code points. */
function clusters(text: string): string[] {
  return graphemes ? Array.from(graphemes.segment(text), (part) => part.segment) : Array.from(text);
}

/** Cuts `text` into pieces whose encoded payload fits `budget` characters, never inside a code point. */
function chunk(text: string, encoding: WordEncoding, budget: number): string[] {
  const pieces: string[] = [];
  let current = '';
  const fits = (candidate: string) => payloadLength(utf8.encode(candidate), encoding) <= budget;
  for (const cluster of clusters(text)) {
    if (fits(current + cluster)) {
      current += cluster;
      continue;
    }
    if (current !== '') pieces.push(current);
    current = '';
    // A cluster too long for one word (a long run of combining marks) is cut between its code points.
    for (const codePoint of fits(cluster) ? [cluster] : Array.from(cluster)) {
      if (!fits(current + codePoint)) {
        pieces.push(current);
        current = '';
      }
      current += codePoint;
    }
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/**
 * Encodes `text` as a list of encoded-words, each ≤ MAX_WORD_LENGTH characters, to be joined by folding white space
 * (which decoders drop between adjacent encoded-words, RFC 2047 §6.2). B or Q is chosen by the shorter total, so
 * Japanese gets base64 and mostly-Latin text stays readable.
 */
export function encodeWords(text: string, maxLength = MAX_WORD_LENGTH): string[] {
  if (text === '') return [];
  const budget = maxLength - OVERHEAD;
  const best = (['Q', 'B'] as const)
    .map((encoding) => chunk(text, encoding, budget).map((piece) => encodeWord(piece, encoding)))
    .sort((a, b) => a.join(' ').length - b.join(' ').length)[0]!;
  return best;
}
