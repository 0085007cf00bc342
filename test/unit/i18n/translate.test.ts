import { describe, expect, it } from 'vitest';
import { composeMessages } from '../../../src/i18n/compose-messages.ts';
import { composeNoticeMessages } from '../../../src/i18n/compose-notices-messages.ts';
import { createTranslator, interpolate, mergeTables } from '../../../src/i18n/translate.ts';

const tables = mergeTables(
  {
    en: { greeting: 'Hello, {name}', only: 'English only', count: '{n} files' },
    ja: { greeting: 'こんにちは、{name} さん' },
  },
  { en: { count: '{n} file(s)' }, ja: { count: '{n} 件のファイル' } },
);

describe('createTranslator', () => {
  it('uses the language’s own text', () => {
    expect(createTranslator(tables, 'ja')('greeting', { name: '山田' })).toBe('こんにちは、山田 さん');
  });
  it('falls back to English per key', () => {
    expect(createTranslator(tables, 'ja')('only')).toBe('English only');
  });
  it('shows the key itself when no table has it, never an empty string', () => {
    expect(createTranslator(tables, 'en')('missing.key')).toBe('missing.key');
  });
  it('later tables win on a shared key', () => {
    expect(createTranslator(tables, 'en')('count', { n: 2 })).toBe('2 file(s)');
    expect(createTranslator(tables, 'ja')('count', { n: 2 })).toBe('2 件のファイル');
  });
  it('does not read inherited properties as messages', () => {
    expect(createTranslator(tables, 'en')('toString')).toBe('toString');
    expect(createTranslator(tables, 'ja')('constructor')).toBe('constructor');
  });
});

describe('interpolate', () => {
  it('fills every placeholder, leaves unknown ones visible', () => {
    expect(interpolate('{a} and {b} and {c}', { a: 1, b: 'x' })).toBe('1 and x and {c}');
  });
  it('inserts values literally (no second substitution, no HTML meaning)', () => {
    expect(interpolate('To {who}', { who: '<b>{who}</b>' })).toBe('To <b>{who}</b>');
  });
});

describe('the compose tables', () => {
  for (const [name, table] of Object.entries({ composeMessages, composeNoticeMessages })) {
    it(`${name}: every English key has Japanese text with the same placeholders`, () => {
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      const en = table.en as Record<string, string>;
      const ja = table.ja as Record<string, string>;
      expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en)) {
        expect(placeholders(ja[key] ?? ''), key).toEqual(placeholders(en[key] ?? ''));
        expect(ja[key]?.trim(), key).not.toBe('');
      }
    });
  }
  it('keeps “Message” in the English body label (the first-screen test looks for it)', () => {
    expect(composeMessages.en['compose.body']).toMatch(/message/i);
  });
});
