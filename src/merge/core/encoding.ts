/**
 * Which character encoding a list file is in, and its text. Decoding is the platform's `TextDecoder` (WHATWG
 * Encoding), which browsers, workers and Node all ship with Shift_JIS included, so no decoder tables are bundled.
 */

/** The encodings a list can come in, as WHATWG labels. `shift_jis` is WHATWG's Shift_JIS, i.e. Windows CP932. */
export type ListEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis';

export const listEncodings: readonly ListEncoding[] = ['utf-8', 'shift_jis', 'utf-16le', 'utf-16be'];

/**
 * Why the detector chose what it chose, so the preview can say "found a byte-order mark" or "looks like Shift_JIS",
 * and how sure it is: only `bom`, `ascii` and `valid-utf-8` are near-certain; the user can change every guess.
 */
export type DetectionReason =
  | 'bom'
  | 'ascii'
  | 'valid-utf-8'
  | 'utf-16-zero-bytes'
  | 'mostly-utf-8'
  | 'valid-shift-jis'
  | 'fewest-errors';

export interface EncodingGuess {
  encoding: ListEncoding;
  /** The file starts with this encoding's byte-order mark (kept on export, so Excel reads the results the same way). */
  bom: boolean;
  reason: DetectionReason;
}

const BOMS: ReadonlyArray<readonly [ListEncoding, readonly number[]]> = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

/** The encoding whose byte-order mark starts `bytes`, if any. */
export function bomEncoding(bytes: Uint8Array): ListEncoding | null {
  for (const [encoding, bom] of BOMS) {
    if (bom.every((byte, i) => bytes[i] === byte)) return encoding;
  }
  return null;
}

/** Valid and invalid multi-byte sequences by UTF-8's structure (RFC 3629 §4), ASCII not counted. */
function scanUtf8(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length =
      lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    // The second byte's range is narrower after E0, ED, F0 and F4 (no overlongs, no surrogates, nothing past U+10FFFF).
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) {
      const byte = bytes[i + k]!;
      ok = k === 1 ? byte >= low && byte <= high : byte >= 0x80 && byte <= 0xbf;
    }
    if (ok) {
      valid++;
      i += length;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

/** UTF-16 without a BOM shows as zero bytes on one side: Latin text, digits and delimiters have a zero high byte. */
function utf16ByZeroBytes(bytes: Uint8Array): ListEncoding | null {
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = sample / 2;
  // A text file in an 8-bit encoding has no zero bytes at all, so a quarter of the pairs is a strong sign.
  if (oddZeros >= pairs / 4 && evenZeros <= pairs / 20) return 'utf-16le';
  if (evenZeros >= pairs / 4 && oddZeros <= pairs / 20) return 'utf-16be';
  return null;
}

function decodesCleanly(bytes: Uint8Array, encoding: ListEncoding): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function countReplacements(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) count++;
  return count;
}

/**
 * Guesses the encoding of a list file, in this order (the first rule that applies wins):
 * 1. a byte-order mark (UTF-8, UTF-16 LE, UTF-16 BE): Excel writes one for "CSV UTF-8" and "Unicode text";
 * 2. UTF-16 without a BOM, recognised by zero bytes on one side of each pair;
 * 3. only ASCII bytes: UTF-8 (every candidate reads ASCII the same way);
 * 4. valid UTF-8: multi-byte UTF-8 is so regular that Shift_JIS text almost never passes by chance, whereas UTF-8
 *    Japanese often *is* valid Shift_JIS (E3 81 82 reads as two kanji), so UTF-8 is tried first;
 * 5. mostly UTF-8: at least 10 valid sequences for each broken one (a file cut short, one bad cell);
 * 6. valid Shift_JIS (CP932, Japanese Excel's "CSV (comma delimited)");
 * 7. otherwise whichever of UTF-8 and Shift_JIS gives fewer replacement characters, UTF-8 on a tie.
 */
export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  const bom = bomEncoding(bytes);
  if (bom) return { encoding: bom, bom: true, reason: 'bom' };
  const utf16 = utf16ByZeroBytes(bytes);
  if (utf16) return { encoding: utf16, bom: false, reason: 'utf-16-zero-bytes' };
  const { valid, invalid } = scanUtf8(bytes);
  if (valid === 0 && invalid === 0) return { encoding: 'utf-8', bom: false, reason: 'ascii' };
  if (invalid === 0) return { encoding: 'utf-8', bom: false, reason: 'valid-utf-8' };
  if (valid >= invalid * 10) return { encoding: 'utf-8', bom: false, reason: 'mostly-utf-8' };
  if (decodesCleanly(bytes, 'shift_jis')) return { encoding: 'shift_jis', bom: false, reason: 'valid-shift-jis' };
  const utf8Errors = countReplacements(new TextDecoder('utf-8').decode(bytes));
  const sjisErrors = countReplacements(new TextDecoder('shift_jis').decode(bytes));
  return { encoding: sjisErrors < utf8Errors ? 'shift_jis' : 'utf-8', bom: false, reason: 'fewest-errors' };
}

export interface DecodedList {
  text: string;
  /** The file started with the BOM of the encoding it was decoded with (the BOM is not part of `text`). */
  bom: boolean;
  /** Bytes that were not valid in this encoding, each shown as U+FFFD: a sign the encoding is wrong. */
  replacements: number;
}

/** Decodes a list file in the given encoding, its own BOM removed; invalid bytes become U+FFFD and are counted. */
export function decodeList(bytes: Uint8Array, encoding: ListEncoding): DecodedList {
  const text = new TextDecoder(encoding).decode(bytes);
  return { text, bom: bomEncoding(bytes) === encoding, replacements: countReplacements(text) };
}
