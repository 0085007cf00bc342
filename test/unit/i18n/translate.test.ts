import { describe, expect, it } from 'vitest';
import { createTranslator, interpolate, mergeTables } from '../../../src/i18n/translate.ts';
import { firstPaintText } from '../../../src/text/first-paint.ts';

const table = mergeTables(
  {
    greeting: { en: 'Hello, {name}', ja: 'こんにちは、{name} さん' },
    only: { en: 'English only', ja: '' },
    count: { en: '{n} files', ja: '{n} ファイル' },
  },
  { count: { en: '{n} file(s)', ja: '{n} 件のファイル' } },
);

describe('createTranslator', () => {
  it('uses the language’s own text', () => {
    expect(createTranslator(table, 'ja')('greeting', { name: '山田' })).toBe('こんにちは、山田 さん');
  });
  it('falls back to English for a sentence left empty', () => {
    expect(createTranslator(table, 'ja')('only')).toBe('English only');
  });
  it('shows the key itself when no table has it, never an empty string', () => {
    expect(createTranslator(table, 'en')('missing.key')).toBe('missing.key');
  });
  it('later tables win on a shared key', () => {
    expect(createTranslator(table, 'en')('count', { n: 2 })).toBe('2 file(s)');
    expect(createTranslator(table, 'ja')('count', { n: 2 })).toBe('2 件のファイル');
  });
  it('does not read inherited properties as sentences', () => {
    expect(createTranslator(table, 'en')('toString')).toBe('toString');
    expect(createTranslator(table, 'ja')('constructor')).toBe('constructor');
  });
});

describe('interpolate', () => {
  it('fills every placeholder, leaves unknown ones visible', () => {
    expect(interpolate('{a} and {b} and {c}', { a: 1, b: 'x' })).toBe('1 and x and {c}');
  });
  it.each([
    ['{n} {n|row is|rows are} left out', { n: 1 }, '1 row is left out'],
    ['{n} {n|row is|rows are} left out', { n: '1' }, '1 row is left out'],
    ['{n} {n|row is|rows are} left out', { n: 0 }, '0 rows are left out'],
    ['{n} {n|row is|rows are} left out', { n: '1,000' }, '1,000 rows are left out'],
    ['{n} {n|row is|rows are} left out', { n: 21 }, '21 rows are left out'],
    ['Attached {n} {n|file|files}', { n: 1 }, 'Attached 1 file'],
    ['{n|one|} left', { n: 2 }, ' left'],
    ['{n|a|b} {m}', {}, '{n|a|b} {m}'],
  ] as const)('singular and plural: %s with %o is %s', (template, params, expected) => {
    expect(interpolate(template, params)).toBe(expected);
  });
  it('inserts values literally (no second substitution, no HTML meaning)', () => {
    expect(interpolate('To {who}', { who: '<b>{who}</b>' })).toBe('To <b>{who}</b>');
  });
});

describe('the first-paint table', () => {
  it('keeps “Message” in the English body label (the first-screen test looks for it)', () => {
    expect(firstPaintText['compose.body'].en).toMatch(/message/i);
  });
});
