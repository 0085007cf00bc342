/** Encoding detection and decoding of list files: BOMs, UTF-16, UTF-8 and Shift_JIS (CP932) from Japanese Excel. */
import { describe, expect, it } from 'vitest';
import { decodeList, detectEncoding, type ListEncoding } from '../../../src/merge/core/encoding.ts';
import { fixture } from './fixtures.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const utf16le = (text: string) => {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    bytes[i * 2] = text.charCodeAt(i) & 0xff;
    bytes[i * 2 + 1] = text.charCodeAt(i) >> 8;
  }
  return bytes;
};
const utf16be = (text: string) => {
  const le = utf16le(text);
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
};
const join = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]));
// 氏名,メール (CP932), written out byte by byte so the test does not depend on any encoder.
const sjisHeader = Uint8Array.from([0x8e, 0x81, 0x96, 0xbc, 0x2c, 0x83, 0x81, 0x81, 0x5b, 0x83, 0x8b, 0x0d, 0x0a]);
const text = '氏名,メールアドレス\r\n山田 太郎,taro@example.jp\r\n';

describe('detectEncoding', () => {
  it.each<[string, Uint8Array, ListEncoding, boolean, string]>([
    ['UTF-8 with BOM', join(Uint8Array.of(0xef, 0xbb, 0xbf), utf8(text)), 'utf-8', true, 'bom'],
    ['UTF-16 LE with BOM', join(Uint8Array.of(0xff, 0xfe), utf16le(text)), 'utf-16le', true, 'bom'],
    ['UTF-16 BE with BOM', join(Uint8Array.of(0xfe, 0xff), utf16be(text)), 'utf-16be', true, 'bom'],
    [
      'UTF-16 LE without BOM',
      utf16le('name,email\r\ntaro,taro@example.jp\r\n'),
      'utf-16le',
      false,
      'utf-16-zero-bytes',
    ],
    [
      'UTF-16 BE without BOM',
      utf16be('name,email\r\ntaro,taro@example.jp\r\n'),
      'utf-16be',
      false,
      'utf-16-zero-bytes',
    ],
    ['ASCII only', utf8('name,email\r\ntaro,taro@example.jp\r\n'), 'utf-8', false, 'ascii'],
    ['UTF-8 Japanese without BOM', utf8(text), 'utf-8', false, 'valid-utf-8'],
    [
      'UTF-8 cut in the middle of a character',
      utf8(`${text.repeat(3)}山`).slice(0, -1),
      'utf-8',
      false,
      'mostly-utf-8',
    ],
    [
      'UTF-8 with one stray byte among many characters',
      join(utf8(text.repeat(4)), Uint8Array.of(0xff), utf8(text)),
      'utf-8',
      false,
      'mostly-utf-8',
    ],
    ['Shift_JIS (CP932)', sjisHeader, 'shift_jis', false, 'valid-shift-jis'],
    [
      'Shift_JIS half-width katakana only',
      Uint8Array.of(0xb6, 0xc5, 0x2c, 0xb1),
      'shift_jis',
      false,
      'valid-shift-jis',
    ],
    ['Japanese Excel CSV (fixture)', fixture('japanese-excel-cp932.csv'), 'shift_jis', false, 'valid-shift-jis'],
    ['Excel "Unicode text" (fixture)', fixture('japanese-excel-unicode-text.txt'), 'utf-16le', true, 'bom'],
    ['Excel "CSV UTF-8" (fixture)', fixture('japanese-excel-utf8-bom.csv'), 'utf-8', true, 'bom'],
    // Broken in both: Shift_JIS with a lead byte at the very end reads with one error, UTF-8 with many.
    [
      'broken Shift_JIS',
      join(fixture('japanese-excel-cp932.csv'), Uint8Array.of(0x81)),
      'shift_jis',
      false,
      'fewest-errors',
    ],
  ])('%s', (_label, bytes, encoding, bom, reason) => {
    expect(detectEncoding(bytes)).toEqual({ encoding, bom, reason });
  });

  it('reads an empty file as UTF-8', () => {
    expect(detectEncoding(new Uint8Array())).toEqual({ encoding: 'utf-8', bom: false, reason: 'ascii' });
  });
});

describe('decodeList', () => {
  it('decodes Shift_JIS with the platform decoder (Node and browsers ship it)', () => {
    expect(new TextDecoder('shift_jis').encoding).toBe('shift_jis');
    // Windows' and Excel's names for it are WHATWG labels of the same decoder.
    expect(new TextDecoder('windows-31j').encoding).toBe('shift_jis');
    expect(new TextDecoder('sjis').encoding).toBe('shift_jis');
    expect(decodeList(sjisHeader, 'shift_jis')).toEqual({ text: '氏名,メール\r\n', bom: false, replacements: 0 });
  });

  it('removes the BOM of the chosen encoding and says it was there', () => {
    const bytes = join(Uint8Array.of(0xff, 0xfe), utf16le('氏名'));
    expect(decodeList(bytes, 'utf-16le')).toEqual({ text: '氏名', bom: true, replacements: 0 });
  });

  it('counts bytes the chosen encoding cannot read: the sign of a wrong choice', () => {
    const wrong = decodeList(fixture('japanese-excel-cp932.csv'), 'utf-8');
    expect(wrong.replacements).toBeGreaterThan(50);
    expect(decodeList(fixture('japanese-excel-cp932.csv'), 'shift_jis').replacements).toBe(0);
  });
});
