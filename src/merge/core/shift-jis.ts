/**
 * A Shift_JIS (CP932) encoder built from the platform's own decoder, for exporting results in the encoding a list came
 * in: `TextEncoder` writes UTF-8 only. Loaded only on export (a dynamic import), it ships no table: the first call
 * decodes every two-byte sequence once (about 9,600, a few milliseconds) and inverts the result, so what it writes
 * is exactly what `TextDecoder('shift_jis')` read, user-defined characters (外字, U+E000–U+E757) included.
 *
 * Where several byte pairs decode to one character, it picks the pair the WHATWG Encoding Standard's encoder picks
 * (§13.3.2: the first pointer, skipping the NEC-selected IBM extensions, rows 89–92), which is also what Windows
 * writes: 纊 as FA 5C, ∵ as 81 E6.
 */

/** UTF-16 code unit -> the two bytes (lead << 8 | trail), 0 where Shift_JIS has no such character. */
type Table = Uint16Array;

let table: Table | null = null;

const FIRST_TRAIL = 0x40;
const LAST_TRAIL = 0xfc;
/** Lead bytes ED and EE (pointers 8272–8835) duplicate characters found elsewhere: used only when nothing else has them. */
const NEC_IBM_LEADS = new Set([0xed, 0xee]);

function leadBytes(): number[] {
  const leads: number[] = [];
  for (let lead = 0x81; lead <= 0xfc; lead++) if (lead < 0xa0 || lead > 0xdf) leads.push(lead);
  // Rows ED/EE last, so the first-pointer rule of the standard holds for every duplicate.
  return [...leads.filter((lead) => !NEC_IBM_LEADS.has(lead)), ...[...NEC_IBM_LEADS]];
}

function buildTable(): Table {
  const built: Table = new Uint16Array(0x10000);
  const decoder = new TextDecoder('shift_jis');
  const trails: number[] = [];
  for (let trail = FIRST_TRAIL; trail <= LAST_TRAIL; trail++) if (trail !== 0x7f) trails.push(trail);
  // One decode per lead byte, each pair followed by a line feed: about 60 calls instead of 9,600. The line feed
  // keeps pairs apart whatever a decoder does with an unmapped pair (WHATWG §13.3.1 gives U+FFFD and reads an
  // ASCII trail byte again on its own; Node's ICU gives U+FFFD alone), and no pair decodes to a line feed.
  const row = new Uint8Array(trails.length * 3);
  for (const lead of leadBytes()) {
    trails.forEach((trail, i) => {
      row[i * 3] = lead;
      row[i * 3 + 1] = trail;
      row[i * 3 + 2] = 0x0a;
    });
    const pieces = decoder.decode(row).split('\n');
    trails.forEach((trail, i) => {
      const piece = pieces[i]!;
      if (piece.length !== 1 || piece === '\ufffd') return;
      const code = piece.charCodeAt(0);
      if (built[code] === 0) built[code] = (lead << 8) | trail;
    });
  }
  // Characters a Mac or JIS X 0208 table produces for the same glyphs CP932 maps elsewhere (the well-known
  // "wave dash" set): written to the bytes Windows uses, so text typed on a Mac still exports.
  const jisVariants: ReadonlyArray<readonly [number, number]> = [
    [0x301c, 0xff5e], // 〜 WAVE DASH -> ～
    [0x2016, 0x2225], // ‖ DOUBLE VERTICAL LINE -> ∥
    [0x2212, 0xff0d], // − MINUS SIGN -> － (WHATWG §13.3.2 step 5)
    [0x2014, 0x2015], // — EM DASH -> ―
    [0x00a2, 0xffe0], // ¢ -> ￠
    [0x00a3, 0xffe1], // £ -> ￡
    [0x00ac, 0xffe2], // ¬ -> ￢
  ];
  for (const [variant, cp932] of jisVariants) if (built[variant] === 0) built[variant] = built[cp932]!;
  return built;
}

export interface EncodedText {
  bytes: Uint8Array;
  /** Characters Shift_JIS cannot hold (emoji, most non-Japanese scripts), each written as `?`. */
  unencodable: number;
}

/** Encodes text as Shift_JIS (CP932); characters it cannot hold become `?` and are counted, never dropped silently. */
export function encodeShiftJis(text: string): EncodedText {
  table ??= buildTable();
  const out = new Uint8Array(text.length * 2);
  let length = 0;
  let unencodable = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // WHATWG §13.3.2: ASCII and U+0080 as themselves, ¥ and ‾ on the bytes JIS X 0201 gives them, half-width katakana.
    if (code <= 0x80) out[length++] = code;
    else if (code === 0xa5) out[length++] = 0x5c;
    else if (code === 0x203e) out[length++] = 0x7e;
    else if (code >= 0xff61 && code <= 0xff9f) out[length++] = code - 0xff61 + 0xa1;
    else {
      const bytes = table[code]!;
      if (bytes === 0) {
        // A surrogate pair is one character outside the BMP, which Shift_JIS never holds: one `?`, not two.
        if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
          const next = text.charCodeAt(i + 1);
          if (next >= 0xdc00 && next <= 0xdfff) i++;
        }
        out[length++] = 0x3f;
        unencodable++;
      } else {
        out[length++] = bytes >> 8;
        out[length++] = bytes & 0xff;
      }
    }
  }
  return { bytes: out.slice(0, length), unencodable };
}
