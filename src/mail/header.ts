import { HeaderInjectionError } from './errors.ts';

/** Recommended line length (RFC 5322 §2.1.1); folding aims for it wherever a space allows. */
export const FOLD_COLUMN = 78;

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const FORBIDDEN = /[\x00-\x08\x0a-\x1f\x7f]/;

/**
 * Throws HeaderInjectionError when `value` holds CR, LF, NUL, DEL or another C0 control (TAB excepted, it is
 * white space). We refuse rather than strip: mimetext and nodemailer replace them, which hides both paste accidents
 * and injection attempts (`victim@x\r\nBcc: evil@x`).
 */
export function assertHeaderSafe(value: string, field: string): void {
  const match = FORBIDDEN.exec(value);
  if (match) throw new HeaderInjectionError(field, match[0].codePointAt(0)!);
}

/**
 * Folds a header made of `words` that may be separated by one space each: a line break (CRLF + the space) goes
 * before a word that would pass column 78. Words themselves are never cut, so an encoded-word, an address or a
 * msg-id stays whole; an empty word (from a run of spaces) is never a fold point, so no line is only white space.
 * Returns the header with its final CRLF.
 */
export function foldHeader(name: string, words: string[]): string {
  let out = `${name}:`;
  let lineLength = out.length;
  let first = true;
  for (const word of words) {
    const wouldBe = lineLength + 1 + word.length;
    if (!first && word !== '' && wouldBe > FOLD_COLUMN) {
      out += `\r\n ${word}`;
      lineLength = 1 + word.length;
    } else {
      out += ` ${word}`;
      lineLength = wouldBe;
    }
    first = false;
  }
  return `${out}\r\n`;
}
