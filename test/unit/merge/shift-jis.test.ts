/**
 * The Shift_JIS (CP932) encoder used for exporting results: the exact inverse of the platform's decoder, byte for
 * byte what glibc's iconv writes for CP932 on a Japanese Excel-like file, and `?` (counted) for what cannot fit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeShiftJis } from '../../../src/merge/core/shift-jis.ts';
import { fixture } from './fixtures.ts';

const hex = (bytes: Uint8Array) => [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join(' ');
const decode = (bytes: Uint8Array) => new TextDecoder('shift_jis').decode(bytes);

/** Every character the decoder produces from some two-byte sequence. */
function decodableCharacters(): string[] {
  const chars = new Set<string>();
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead >= 0xa0 && lead <= 0xdf) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      try {
        chars.add(new TextDecoder('shift_jis', { fatal: true }).decode(Uint8Array.of(lead, trail)));
      } catch {
        // unmapped pair
      }
    }
  }
  return [...chars];
}

describe('encodeShiftJis', () => {
  it.each([
    ['ASCII', 'taro@example.jp,1', '74 61 72 6f 40 65 78 61 6d 70 6c 65 2e 6a 70 2c 31'],
    ['kana and kanji', '送信済み', '91 97 90 4d 8d cf 82 dd'],
    ['half-width katakana', 'ｶﾌﾞｼｷ', 'b6 cc de bc b7'],
    ['NEC row 13', '①', '87 40'],
    // WHATWG §13.3.2 and Windows: the IBM extension pair, not the NEC-selected duplicate in rows ED/EE.
    ['IBM extension kanji', '纊髙﨑', 'fa 5c fb fc fa b1'],
    ['a JIS X 0208 symbol also in NEC row 13: the first pair', '∵', '81 e6'],
    ['fullwidth tilde and minus', '～－', '81 60 81 7c'],
    ['a Mac wave dash and minus sign, written as Windows writes their glyphs', '〜−', '81 60 81 7c'],
    ['yen sign and overline on their JIS X 0201 bytes', '¥‾', '5c 7e'],
    ['user-defined characters (外字)', '\ue000\ue757', 'f0 40 f9 fc'],
  ])('%s', (_label, text, bytes) => {
    const encoded = encodeShiftJis(text);
    expect(hex(encoded.bytes)).toBe(bytes);
    expect(encoded.unencodable).toBe(0);
  });

  it('writes ? for what Shift_JIS cannot hold, one per character, and counts it', () => {
    const encoded = encodeShiftJis('山田😀 Ω ñ 한');
    expect(decode(encoded.bytes)).toBe('山田? Ω ? ?');
    expect(encoded.unencodable).toBe(3);
  });

  it('is the inverse of the decoder for every character the decoder produces', () => {
    const chars = decodableCharacters();
    expect(chars.length).toBeGreaterThan(9000);
    const all = chars.join('');
    const encoded = encodeShiftJis(all);
    expect(encoded.unencodable).toBe(0);
    expect(decode(encoded.bytes)).toBe(all);
  });

  it('gives back the very bytes iconv wrote for a Japanese Excel CSV', () => {
    const bytes = fixture('japanese-excel-cp932.csv');
    expect(hex(encodeShiftJis(decode(bytes)).bytes)).toBe(hex(bytes));
  });

  it('round-trips any text made of Shift_JIS characters', () => {
    const alphabet = [...decodableCharacters(), ...'abcXYZ019,"\r\n\tｱｶﾞﾝ'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 200 }), (chars) => {
        const text = chars.join('');
        expect(decode(encodeShiftJis(text).bytes)).toBe(text);
      }),
    );
  });
});
