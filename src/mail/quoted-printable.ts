/**
 * Quoted-printable (RFC 2045 §6.7) for text bodies already normalized to CRLF line breaks. Lines are at most 76
 * characters including the `=` of a soft break; an `=XX` escape is never split; white space before a line break is
 * escaped so that transports stripping trailing blanks cannot change the text.
 */

const HEX = new Uint8Array([...'0123456789ABCDEF'].map((char) => char.charCodeAt(0)));
const CR = 0x0d;
const LF = 0x0a;
const EQUALS = 0x3d;
const MAX_LINE = 76;

/** Encodes UTF-8 text bytes (line breaks already CRLF) as quoted-printable bytes, without a trailing line break. */
export function encodeQuotedPrintable(source: Uint8Array): Uint8Array {
  // Worst case: every byte escaped (3x) plus a soft break (3 bytes) per 25 escapes.
  const out = new Uint8Array(source.length * 3 + Math.ceil(source.length / 24) * 3 + 3);
  let o = 0;
  let column = 0;
  for (let i = 0; i < source.length; i++) {
    const byte = source[i]!;
    if (byte === CR && source[i + 1] === LF) {
      out[o++] = CR;
      out[o++] = LF;
      column = 0;
      i++;
      continue;
    }
    const atLineEnd = i + 1 === source.length || (source[i + 1] === CR && source[i + 2] === LF);
    const literal =
      (byte >= 0x21 && byte <= 0x7e && byte !== EQUALS) || ((byte === 0x20 || byte === 0x09) && !atLineEnd);
    const width = literal ? 1 : 3;
    // The last piece of a line may reach column 76; any other piece must leave room for the soft-break "=".
    const limit = atLineEnd ? MAX_LINE : MAX_LINE - 1;
    if (column + width > limit) {
      out[o++] = EQUALS;
      out[o++] = CR;
      out[o++] = LF;
      column = 0;
    }
    if (literal) {
      out[o++] = byte;
    } else {
      out[o++] = EQUALS;
      out[o++] = HEX[byte >> 4]!;
      out[o++] = HEX[byte & 15]!;
    }
    column += width;
  }
  return out.slice(0, o);
}
