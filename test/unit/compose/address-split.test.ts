import { describe, expect, it } from 'vitest';
import { looksLikeList, splitAll, splitAtSeparators } from '../../../src/compose/address-split.ts';

describe('splitAtSeparators', () => {
  it.each([
    ['a@b.com', [], 'a@b.com'],
    ['a@b.com,', ['a@b.com'], ''],
    ['a@b.com; c@d.jp', ['a@b.com'], ' c@d.jp'],
    ['a@b.com\nc@d.jp\n', ['a@b.com', 'c@d.jp'], ''],
    ['a@b.com\r\nc@d.jp', ['a@b.com'], 'c@d.jp'],
    ['"Yamada, Taro" <t@example.jp>, b@c.com', ['"Yamada, Taro" <t@example.jp>'], ' b@c.com'],
    ['山田 太郎 <taro@example.jp>, b@c.com,', ['山田 太郎 <taro@example.jp>', 'b@c.com'], ''],
    ['"a \\" , b" <x@y.z>,', ['"a \\" , b" <x@y.z>'], ''],
    ['x@y.z (Sales, Tokyo),', ['x@y.z (Sales, Tokyo)'], ''],
    ['<a,b@c.d>,', ['<a,b@c.d>'], ''],
    [',,; ,', [], ''],
    ['a@b.com，c@d.jp；', ['a@b.com', 'c@d.jp'], ''],
    ['"unclosed, quote', [], '"unclosed, quote'],
  ])('%j', (text, complete, rest) => {
    expect(splitAtSeparators(text)).toEqual({ complete, rest });
  });
});

describe('splitAll and looksLikeList', () => {
  it('commits the unfinished tail too', () => {
    expect(splitAll('a@b.com, c@d.jp ')).toEqual(['a@b.com', 'c@d.jp']);
    expect(splitAll('   ')).toEqual([]);
  });
  it.each([
    ['a@b.com', false],
    ['山田 太郎 <taro@example.jp>', false],
    ['a@b.com, c@d.jp', true],
    ['a@b.com\nc@d.jp', true],
    ['a@b.com,', true],
    ['"Doe, John" <j@x.org>', false],
  ])('%j looks like a list: %s', (text, expected) => {
    expect(looksLikeList(text)).toBe(expected);
  });
});
