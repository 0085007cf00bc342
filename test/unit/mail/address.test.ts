import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAddress, mailboxToText, parseAddressList } from '../../../src/mail/address.ts';

const hasControl = (text: string) => [...text].some((char) => char.charCodeAt(0) < 0x20 || char === '\u007f');

describe('parseAddressList', () => {
  it('reads the mixed paste from the issue', () => {
    const result = parseAddressList('山田 太郎 <taro@example.jp>, "Doe, John" <j@x.org>; b@c.com');
    expect(result.problems).toEqual([]);
    expect(result.mailboxes).toEqual([
      { name: '山田 太郎', address: 'taro@example.jp' },
      { name: 'Doe, John', address: 'j@x.org' },
      { address: 'b@c.com' },
    ]);
  });

  it.each([
    ['a@b.com', [{ address: 'a@b.com' }]],
    ['  a@b.com  ,  ', [{ address: 'a@b.com' }]],
    ['a@b.com\nc@d.org\r\ne@f.net', [{ address: 'a@b.com' }, { address: 'c@d.org' }, { address: 'e@f.net' }]],
    ['<a@b.com>', [{ address: 'a@b.com' }]],
    ['"O\'Brien, \\"Pat\\"" <pat@x.ie>', [{ name: 'O\'Brien, "Pat"', address: 'pat@x.ie' }]],
    ['a@b.com (Alice)', [{ name: 'Alice', address: 'a@b.com' }]],
    ['<a@b.com> (Alice)', [{ name: 'Alice', address: 'a@b.com' }]],
    ['Taro Yamada taro@example.jp', [{ name: 'Taro Yamada', address: 'taro@example.jp' }]],
    ['👩‍💻 Dev <dev@例え.jp>', [{ name: '👩‍💻 Dev', address: 'dev@例え.jp' }]],
    ['שלום עליכם <shalom@example.co.il>', [{ name: 'שלום עליכם', address: 'shalom@example.co.il' }]],
    [
      '"a;b" <x@y.com>; "c,d" <z@y.com>',
      [
        { name: 'a;b', address: 'x@y.com' },
        { name: 'c,d', address: 'z@y.com' },
      ],
    ],
    ['Zoë (café) <zoe@example.fr>', [{ name: 'Zoë (café)', address: 'zoe@example.fr' }]],
  ])('%j', (input, mailboxes) => {
    const result = parseAddressList(input);
    expect(result.problems).toEqual([]);
    expect(result.mailboxes).toEqual(mailboxes);
  });

  it('reports each bad entry with its text, offsets and reason, and keeps the good ones', () => {
    const input = 'ok@a.jp, nobody, taro＠example.jp, "Unclosed <u@x.com>';
    const result = parseAddressList(input);
    expect(result.mailboxes).toEqual([{ address: 'ok@a.jp' }]);
    expect(result.problems).toEqual([
      { input: 'nobody', code: 'missing-at', start: 9, end: 15 },
      { input: 'taro＠example.jp', code: 'fullwidth-at', start: 17, end: 32 },
      { input: '"Unclosed <u@x.com>', code: 'unclosed-quote', start: 34, end: 53 },
    ]);
    for (const problem of result.problems) expect(input.slice(problem.start, problem.end)).toBe(problem.input);
  });

  it.each([
    ['Name <a@b.com', 'unclosed-angle'],
    ['<a@b.com> trailing', 'trailing-text'],
    ['a@b@c.com', 'multiple-at'],
    ['bad\u0000@x.com', 'control-char'],
  ])('%j -> %s', (input, code) => {
    expect(parseAddressList(input).problems.map((problem) => problem.code)).toEqual([code]);
  });

  it('round-trips any mailbox through mailboxToText', () => {
    const name = fc.string({ unit: 'grapheme', maxLength: 20 }).filter((s) => !hasControl(s));
    fc.assert(
      fc.property(name, (raw) => {
        const mailbox = { name: raw, address: 'someone@example.com' };
        const result = parseAddressList(mailboxToText(mailbox));
        const expectedName = raw.replace(/\s+/gu, ' ').trim();
        expect(result.problems).toEqual([]);
        expect(result.mailboxes).toEqual([
          expectedName ? { name: expectedName, address: mailbox.address } : { address: mailbox.address },
        ]);
      }),
    );
  });
});

describe('checkAddress', () => {
  it.each([
    ['taro@example.jp', 'taro@example.jp'],
    ['Taro.Yamada+tag@Example.JP', 'Taro.Yamada+tag@example.jp'],
    ['user@例え.jp', 'user@xn--r8jz45g.jp'],
    ["o'hara!#$%&*=?^_`{|}~-@x.org", "o'hara!#$%&*=?^_`{|}~-@x.org"],
  ])('%s is valid, written %s', (input, ascii) => {
    expect(checkAddress(input)).toEqual({ ok: true, ascii });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['a b@c.com', 'contains-space'],
    ['a\u3000b@c.com', 'contains-space'],
    ['ab.com', 'missing-at'],
    ['a＠b.com', 'fullwidth-at'],
    ['a@b@c.com', 'multiple-at'],
    ['@b.com', 'missing-local'],
    ['a@', 'missing-domain'],
    ['太郎@example.jp', 'non-ascii-local'],
    ['.a@b.com', 'bad-local'],
    ['a..b@b.com', 'bad-local'],
    ['"quoted"@b.com', 'bad-local'],
    ['a(b)@b.com', 'bad-local'],
    ['human@f', 'bad-domain'],
    ['a@-x.com', 'bad-domain'],
    ['a@x_y.com', 'bad-domain'],
    ['a@x.com.', 'bad-domain'],
    ['a@1.2.3.4', 'bad-domain'],
    ['a@[1.2.3.4]', 'bad-domain'],
    [`${'a'.repeat(65)}@b.com`, 'too-long'],
    [`a@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(61)}.com`, 'too-long'],
    ['a\u0007@b.com', 'control-char'],
  ])('%j -> %s', (input, code) => {
    expect(checkAddress(input)).toEqual({ ok: false, code });
  });
});
