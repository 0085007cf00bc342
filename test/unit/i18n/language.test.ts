import { describe, expect, it } from 'vitest';
import { matchLanguage, resolveLanguage } from '../../../src/i18n/language.ts';

describe('matchLanguage', () => {
  it.each([
    ['ja', 'ja'],
    ['ja-JP', 'ja'],
    ['JA_jp', 'ja'],
    ['en-GB', 'en'],
    [' en ', 'en'],
    ['fr', null],
    ['', null],
    [null, null],
    ['jav', null],
  ])('%s -> %s', (tag, expected) => {
    expect(matchLanguage(tag)).toBe(expected);
  });
});

describe('resolveLanguage: ?lang, then the saved choice, then the browser, then English', () => {
  it.each([
    [{ query: 'ja', saved: 'en', browser: ['en-US'] }, 'ja'],
    [{ query: 'en', saved: 'ja', browser: ['ja-JP'] }, 'en'],
    [{ query: null, saved: 'ja', browser: ['en-US'] }, 'ja'],
    [{ query: 'xx', saved: 'ja', browser: ['en-US'] }, 'ja'],
    [{ query: null, saved: null, browser: ['fr-FR', 'ja-JP', 'en-US'] }, 'ja'],
    [{ query: null, saved: 'de', browser: ['de-DE', 'en-GB'] }, 'en'],
    [{ query: null, saved: null, browser: ['zh-CN', 'ko'] }, 'en'],
    [{ query: null, saved: null, browser: [] }, 'en'],
  ] as const)('%o -> %s', (sources, expected) => {
    expect(resolveLanguage(sources)).toBe(expected);
  });
});
