/**
 * Checks on raw message bytes that no parser makes (shared/reference/mime.md §5.1). Returns a list of violations so
 * a failing test shows all of them at once.
 */

const fatal = new TextDecoder('utf-8', { fatal: true });

/** Decodes one encoded-word's payload alone, as postal-mime does; throws on a split UTF-8 sequence. */
export function decodeEncodedWordAlone(word: string): string {
  const match = /^=\?([^?]+)\?([BbQq])\?([^?]*)\?=$/.exec(word);
  if (!match) throw new Error(`not an encoded-word: ${word}`);
  const [, charset, encoding, payload] = match as unknown as [string, string, string, string];
  if (charset.toUpperCase() !== 'UTF-8') throw new Error(`unexpected charset ${charset}`);
  let bytes: Uint8Array;
  if (encoding.toUpperCase() === 'B') {
    bytes = Uint8Array.from(atob(payload), (char) => char.charCodeAt(0));
  } else {
    const out: number[] = [];
    for (let i = 0; i < payload.length; i++) {
      const char = payload[i]!;
      if (char === '_') out.push(0x20);
      else if (char === '=') {
        out.push(Number.parseInt(payload.slice(i + 1, i + 3), 16));
        i += 2;
      } else out.push(char.charCodeAt(0));
    }
    bytes = Uint8Array.from(out);
  }
  return fatal.decode(bytes);
}

export interface RawReport {
  violations: string[];
  encodedWords: string[];
  boundaries: string[];
  headerBlocks: string[][];
}

/** Scans the message line by line, following multipart boundaries to tell header blocks from bodies. */
export function inspectRaw(bytes: Uint8Array): RawReport {
  const violations: string[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte > 0x7f) {
      violations.push(`8-bit byte 0x${byte.toString(16)} at ${i}`);
      break;
    }
    if (byte === 0x0d && bytes[i + 1] !== 0x0a) violations.push(`bare CR at ${i}`);
    if (byte === 0x0a && bytes[i - 1] !== 0x0d) violations.push(`bare LF at ${i}`);
  }
  const text = new TextDecoder('latin1').decode(bytes);
  const lines = text.split('\r\n');
  // A multipart message ends in CRLF; a single-part one ends with its body (see mime-parts.ts serialize).
  if (lines.at(-1) === '') lines.pop();
  const boundaries: string[] = [];
  const encodedWords: string[] = [];
  const headerBlocks: string[][] = [];
  let inHeader = true;
  let block: string[] = [];
  headerBlocks.push(block);
  for (const line of lines) {
    if (line.length > 998) violations.push(`line over 998 octets (${line.length})`);
    const delimiter = boundaries.find((b) => line === `--${b}` || line === `--${b}--`);
    if (delimiter) {
      inHeader = line === `--${delimiter}`;
      if (inHeader) {
        block = [];
        headerBlocks.push(block);
      }
      continue;
    }
    for (const b of boundaries) if (line.includes(b)) violations.push(`boundary ${b} inside a body: ${line}`);
    if (inHeader) {
      if (line === '') {
        inHeader = false;
        continue;
      }
      block.push(line);
      if (/^[ \t]*$/.test(line)) violations.push('header line of white space only');
      const boundary = /boundary="([^"]+)"/.exec(line);
      if (boundary) boundaries.push(boundary[1]!);
      for (const word of line.match(/=\?[^?\s]+\?[BbQq]\?[^?\s]*\?=/g) ?? []) {
        encodedWords.push(word);
        if (word.length > 75) violations.push(`encoded-word over 75: ${word}`);
        try {
          decodeEncodedWordAlone(word);
        } catch (error) {
          violations.push(`encoded-word does not decode alone: ${word} (${String(error)})`);
        }
      }
    } else if (line.length > 76) {
      violations.push(`body line over 76 (${line.length})`);
    }
  }
  return { violations, encodedWords, boundaries, headerBlocks };
}

/** Header lines longer than 78 columns (allowed only for unbreakable tokens). */
export function longHeaderLines(report: RawReport): string[] {
  return report.headerBlocks.flat().filter((line) => line.length > 78);
}
