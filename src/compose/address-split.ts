/**
 * Splitting what a person types or pastes into a recipient field into one piece per address.
 * Commas and semicolons separate addresses (Outlook copies lists with `;`), and so do line breaks (a column pasted
 * from a spreadsheet), but not inside a quoted display name (`"Yamada, Taro" <t@example.jp>`), an angle-bracket
 * address or a comment (RFC 5322 §3.4, §3.2.2).
 */

export interface SplitResult {
  /** Pieces that ended with a separator: ready to become tokens. Trimmed, never empty. */
  complete: string[];
  /** The text after the last separator, still being typed. */
  rest: string;
}

// Full-width comma and semicolon too: a Japanese IME left in full-width mode types them.
const separators = new Set([',', ';', '\n', '\r', '\uff0c', '\uff1b']);

/** Splits at separators outside quotes, angle brackets and comments; the unfinished tail is returned as `rest`. */
export function splitAtSeparators(text: string): SplitResult {
  const complete: string[] = [];
  let current = '';
  let inQuotes = false;
  let angleDepth = 0;
  let commentDepth = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (inQuotes) {
      current += char;
      if (char === '\\' && index + 1 < text.length) {
        current += text[index + 1];
        index += 1;
      } else if (char === '"') inQuotes = false;
      continue;
    }
    if (char === '"') inQuotes = true;
    else if (char === '(') commentDepth += 1;
    else if (char === ')' && commentDepth > 0) commentDepth -= 1;
    else if (char === '<' && commentDepth === 0) angleDepth += 1;
    else if (char === '>' && angleDepth > 0) angleDepth -= 1;
    else if (separators.has(char) && angleDepth === 0 && commentDepth === 0) {
      const piece = current.trim();
      if (piece) complete.push(piece);
      current = '';
      continue;
    }
    current += char;
  }
  return { complete, rest: current };
}

/** Everything as finished pieces: what Enter, leaving the field or Send do with the text being typed. */
export function splitAll(text: string): string[] {
  const { complete, rest } = splitAtSeparators(text);
  const last = rest.trim();
  return last ? [...complete, last] : complete;
}

/** True when pasted text holds more than one address, so it should become tokens at once. */
export function looksLikeList(text: string): boolean {
  return splitAll(text).length > 1 || /[,;\r\n\uff0c\uff1b]\s*$/.test(text);
}
