import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeWord, encodeWords, MAX_WORD_LENGTH } from '../../../src/mail/encoded-word.ts';
import { HeaderInjectionError } from '../../../src/mail/errors.ts';
import { assertHeaderSafe, foldHeader } from '../../../src/mail/header.ts';
import { phraseWords, unstructuredWords } from '../../../src/mail/header-values.ts';
import { filenameParamWords, legacyNameWords } from '../../../src/mail/params.ts';
import { encodeQuotedPrintable } from '../../../src/mail/quoted-printable.ts';
import { decodeEncodedWordAlone } from './raw-invariants.ts';

const utf8 = new TextEncoder();
const decodeWords = (words: string[]) => words.map(decodeEncodedWordAlone).join('');

describe('RFC 2047 encoded-words: public vectors', () => {
  it.each([
    // nodemailer/libmime test/libmime-test.js, "#encodeWord".
    ['See on õhin test', 'Q', '=?UTF-8?Q?See_on_=C3=B5hin_test?='],
    ['See on õhin test', 'B', '=?UTF-8?B?U2VlIG9uIMO1aGluIHRlc3Q=?='],
    // golang/go src/mime/encodedword_test.go (ExampleWordEncoder_Encode): B payload wqFIb2xhLCBzZcOxb3Ih.
    ['¡Hola, señor!', 'B', '=?UTF-8?B?wqFIb2xhLCBzZcOxb3Ih?='],
    // Same Go example in Q, with "," escaped: RFC 2047 §5(3) allows fewer literals in a phrase than Go's encoder uses.
    ['¡Hola, señor!', 'Q', '=?UTF-8?Q?=C2=A1Hola=2C_se=C3=B1or!?='],
  ] as const)('%s as %s', (text, encoding, expected) => {
    expect(encodeWord(text, encoding)).toBe(expected);
    expect(decodeEncodedWordAlone(expected)).toBe(text);
  });

  it('decodes the libmime decodeWords vector word by word (each word is whole characters)', () => {
    // nodemailer/libmime test/libmime-test.js, "should decode mime words".
    expect(decodeWords(['=?UTF-8?B?U3NzxZsgTGHFgmFsYQ==?=', '=?UTF-8?B?bGFsYQ==?='])).toBe('Sssś Lałalalala');
  });

  it('rejects a word that splits a character, which is the bug we guard against', () => {
    // shared/reference/mime.md §4: 日本 split inside 本.
    expect(() => decodeEncodedWordAlone('=?UTF-8?B?5pel5g==?=')).toThrow();
  });
});

const samples = [
  ['Japanese', '会議の件について、来週の予定を確認させてください。よろしくお願いいたします。'],
  ['emoji ZWJ', '家族 👨‍👩‍👧‍👦 と 🏳️‍🌈 と 👩🏽‍💻 のテスト '.repeat(3)],
  [
    'combining marks',
    'Ame\u0301lie e\u0301te\u0301 Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359a\u035a\u035b\u035c\u035d\u035e\u035f\u0360\u0361lgo'.repeat(
      2,
    ),
  ],
  ['RTL', 'שלום עולם — مرحبا بالعالم — שלום עולם — مرحبا بالعالم'],
  ['lone surrogate-free astral', '𠮷野家で𩸽を食べた𠮷野家で𩸽を食べた𠮷野家で𩸽を食べた'],
] as const;

describe('encodeWords', () => {
  it.each(samples)('%s: words ≤ %i, each decodes alone, together they are the text', (_label, text) => {
    const words = encodeWords(text);
    expect(words.length).toBeGreaterThan(1);
    for (const word of words) {
      expect(word.length).toBeLessThanOrEqual(MAX_WORD_LENGTH);
      decodeEncodedWordAlone(word);
    }
    expect(decodeWords(words)).toBe(text);
  });

  it('keeps a ZWJ family in one word when it fits', () => {
    const family = '👨‍👩‍👧‍👦';
    const words = encodeWords(`${'あ'.repeat(10)}${family}${'あ'.repeat(10)}`);
    expect(words.some((word) => decodeEncodedWordAlone(word).includes(family))).toBe(true);
  });

  it('cuts an over-long grapheme (hundreds of combining marks) between code points, never inside one', () => {
    const zalgo = `a${'\u0301'.repeat(200)}`;
    const words = encodeWords(zalgo);
    expect(decodeWords(words)).toBe(zalgo);
  });

  it('property: any string round-trips and no word is over 75 or undecodable alone', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (text) => {
        const words = encodeWords(text);
        for (const word of words) expect(word.length).toBeLessThanOrEqual(75);
        expect(decodeWords(words)).toBe(text);
      }),
    );
  });
});

describe('header values', () => {
  it.each([
    ['John Smith', ['John', 'Smith']],
    ['Doe, John', ['"Doe, John"']],
    ['Say "hi" \\o/', ['"Say \\"hi\\" \\\\o/"']],
    ['(x) <y>', ['"(x) <y>"']],
    ['=?UTF-8?B?abc?=', ['=?UTF-8?B?PT9VVEYtOD9CP2FiYz89?=']],
    ['山田 太郎', ['=?UTF-8?B?5bGx55SwIOWkqumDjg==?=']],
  ])('display name %j -> %j', (name, words) => {
    expect(phraseWords(name, 'to[0].name')).toEqual(words);
  });

  it('keeps ASCII subjects readable and folds them at their own spaces', () => {
    const subject = 'Quarterly report: numbers for the northern region, revised after the review meeting';
    const header = foldHeader('Subject', unstructuredWords(subject, 'subject'));
    expect(header).toBe(
      'Subject: Quarterly report: numbers for the northern region, revised after the\r\n review meeting\r\n',
    );
    expect(header.replace(/\r\n /g, ' ')).toBe(`Subject: ${subject}\r\n`);
  });

  it('never leaves a folded line of white space only, even with runs of spaces', () => {
    const subject = `${'word '.repeat(14)}${' '.repeat(90)}end`;
    const header = foldHeader('Subject', unstructuredWords(subject, 'subject'));
    for (const line of header.split('\r\n').slice(0, -1)) expect(line.trim()).not.toBe('');
    expect(header.replace(/\r\n(?= )/g, '')).toBe(`Subject: ${subject}\r\n`);
  });

  it('folds a Japanese subject into lines ≤ 78 of whole encoded-words', () => {
    const header = foldHeader('Subject', unstructuredWords(samples[0][1], 'subject'));
    const lines = header.split('\r\n').slice(0, -1);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(78);
  });

  it.each(['\r', '\n', '\0', '\u0007', '\u001b', '\u007f'])('throws on %j, naming the field', (char) => {
    expect(() => assertHeaderSafe(`a${char}b`, 'subject')).toThrow(HeaderInjectionError);
    try {
      assertHeaderSafe(`a${char}b`, 'subject');
    } catch (error) {
      expect((error as HeaderInjectionError).field).toBe('subject');
      expect((error as HeaderInjectionError).codePoint).toBe(char.codePointAt(0));
    }
  });

  it('lets TAB through (it is white space, RFC 5322 §2.2)', () => {
    expect(() => assertHeaderSafe('a\tb', 'subject')).not.toThrow();
  });
});

describe('RFC 2231 filename parameters', () => {
  it('quotes short printable ASCII, as libmime does for "document a.pdf" and "receipt(3).pdf"', () => {
    // nodemailer/libmime test/libmime-test.js, "should quote filename with spaces / special characters".
    expect(filenameParamWords('document a.pdf')).toEqual(['filename="document a.pdf"']);
    expect(filenameParamWords('receipt(3).pdf')).toEqual(['filename="receipt(3).pdf"']);
    expect(filenameParamWords('jack,jill.pdf')).toEqual(['filename="jack,jill.pdf"']);
  });

  it('percent-encodes UTF-8 like libmime ("Unicode title 😊" -> Unicode%20title%20%F0%9F%98%8A)', () => {
    expect(filenameParamWords('Unicode title 😊')).toEqual(["filename*=UTF-8''Unicode%20title%20%F0%9F%98%8A"]);
  });

  it('escapes tspecials and *\'% (libmime "should handle unicode filename" vector)', () => {
    const words = filenameParamWords('😁😂 *\'%()<>@,;:\\"[]?=😃😄zzz😊õäöü😓.pdf');
    const joined = words.map((word) => word.replace(/^filename\*\d+\*=/, '').replace(/;$/, '')).join('');
    expect(joined).toBe(
      "UTF-8''%F0%9F%98%81%F0%9F%98%82%20%2A%27%25%28%29%3C%3E%40%2C%3B%3A%5C%22%5B%5D%3F%3D%F0%9F%98%83%F0%9F%98%84zzz%F0%9F%98%8A%C3%B5%C3%A4%C3%B6%C3%BC%F0%9F%98%93.pdf",
    );
  });

  it('splits long names into starred continuations of ≤ 78 columns that end between characters', () => {
    const name = '令和7年度 第3四半期 営業報告書（最終版・社外秘）— 東京本社 営業企画部 作成.pdf';
    const words = filenameParamWords(name);
    expect(words.length).toBeGreaterThan(2);
    words.forEach((word, index) => {
      expect(word.startsWith(`filename*${index}*=${index === 0 ? "UTF-8''" : ''}`)).toBe(true);
      expect(` ${word}`.length).toBeLessThanOrEqual(78);
      const value = word.replace(/^filename\*\d+\*=(UTF-8'')?/, '').replace(/;$/, '');
      expect(() => decodeURIComponent(value)).not.toThrow();
    });
    const decoded = words.map((word) =>
      decodeURIComponent(word.replace(/^filename\*\d+\*=(UTF-8'')?/, '').replace(/;$/, '')),
    );
    expect(decoded.join('')).toBe(name);
  });

  it('writes the legacy name= as encoded-words inside quotes, the form Gmail itself writes', () => {
    expect(legacyNameWords('report.pdf')).toEqual(['name="report.pdf"']);
    const words = legacyNameWords('報告書.pdf');
    expect(words).toEqual(['name="=?UTF-8?B?5aCx5ZGK5pu4LnBkZg==?="']);
    expect(legacyNameWords('say "hi".txt')[0]).toMatch(/^name="=\?UTF-8\?[BQ]\?/);
  });
});

describe('quoted-printable', () => {
  const qp = (text: string) => new TextDecoder().decode(encodeQuotedPrintable(utf8.encode(text)));

  it.each([
    // nodemailer/libqp test/libqp-test.js, "simple string".
    ['tere jõgeva', 'tere j=C3=B5geva'],
    ['a=b', 'a=3Db'],
    ['trailing space \r\nnext', 'trailing space=20\r\nnext'],
    ['tab at end\t', 'tab at end=09'],
    ['', ''],
  ])('%j -> %j', (input, expected) => {
    expect(qp(input)).toBe(expected);
  });

  it('soft-breaks at 76 columns without splitting an escape', () => {
    const encoded = qp(`${'x'.repeat(74)}é${'y'.repeat(100)}`);
    const lines = encoded.split('\r\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(76);
    expect(lines[0]).toBe(`${'x'.repeat(74)}=`);
    expect(lines[1]!.startsWith('=C3=A9')).toBe(true);
  });

  it('property: lines ≤ 76 and decoding gives the text back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (raw) => {
        const text = raw.replace(/\r\n|\r|\n/g, '\r\n');
        const encoded = qp(text);
        for (const line of encoded.split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
        const bytes = Uint8Array.from(
          encoded
            .replace(/=\r\n/g, '')
            .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
          (char) => char.charCodeAt(0),
        );
        expect(new TextDecoder().decode(bytes)).toBe(text);
      }),
    );
  });
});
