/**
 * Every on-screen sentence README.md quotes is one the app really shows (issue 18), in the language it is quoted in.
 *
 * The convention (written down in README.md's "Development" section):
 * - outside code, “…” (curly double quotes) holds English text of src/text, and 「…」 Japanese text of src/text;
 * - a quote is a whole sentence of the catalog or its beginning; “…” inside it (the ellipsis) stands for words left
 *   out, and a catalog `{placeholder}` matches any example value (“Sending as alice@example.com”);
 * - Google's words (console labels, Google's own screens) are quoted differently: *italics* in English and
 *   [brackets] in Japanese, as Google's Japanese help pages write them; so are straight "quotes".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTextTables } from './load-tables.ts';
import { type Language, quoteMatches, quotesIn } from './readme-quotes.ts';

const root = join(import.meta.dirname, '../../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

const tables = await loadTextTables();
const sentences: Record<Language, string[]> = {
  en: [...tables.values()].map(({ sentence }) => sentence.en),
  ja: [...tables.values()].map(({ sentence }) => sentence.ja),
};
const quotes = quotesIn(readme);

describe('the quote matcher', () => {
  it.each([
    ['Sending as alice@example.com', 'Sending as {email}', true],
    ['Trying again in 4 s', 'Gmail had a temporary problem. Trying again in {seconds} s.', false],
    ['… Trying again in 4 s', 'Gmail had a temporary problem. Trying again in {seconds} s.', true],
    ['Not sure this was sent', 'Not sure this was sent: the connection dropped.', true],
    ['Not sure it was sent', 'Not sure this was sent: the connection dropped.', false],
    [
      'This page … tick “Send email on your behalf”',
      'This page was not given permission. Reconnect and tick “Send email on your behalf” on Google’s screen.',
      true,
    ],
    [
      '送信できたか確認できませんでした。',
      '送信できたか確認できませんでした。メッセージを送った直後に接続が切れたためです。',
      true,
    ],
    ['送信されたか確認できません', '送信できたか確認できませんでした。', false],
    ['送信されたか確認できません', '{count} 件のファイルを添付しました', false],
    ['alice@example.com で接続', '{email} で接続', true],
  ])('“%s” against “%s”: %s', (quote, sentence, expected) => {
    expect(quoteMatches(quote, sentence)).toBe(expected);
  });

  it('finds outermost quotes outside code, keeping nested ones inside', () => {
    const sample = 'A “tick “Box” now” and `“not this”` and 「外「内」」.\n```\n“nor this”\n```\n';
    expect(quotesIn(sample).map((quote) => [quote.language, quote.text])).toEqual([
      ['en', 'tick “Box” now'],
      ['ja', '外「内」'],
    ]);
  });
});

describe('README.md quotes the app as it is', () => {
  it('quotes the app in both languages', () => {
    expect(quotes.filter((quote) => quote.language === 'en').length).toBeGreaterThan(15);
    expect(quotes.filter((quote) => quote.language === 'ja').length).toBeGreaterThan(15);
  });

  it.each(quotes.map((quote) => [`README.md:${quote.line} ${quote.language}`, quote] as const))(
    '%s is a sentence of src/text',
    (_, quote) => {
      const known = sentences[quote.language].some((sentence) => quoteMatches(quote.text, sentence));
      expect(known, `“${quote.text}” is not (the beginning of) any ${quote.language} sentence in src/text`).toBe(true);
    },
  );
});
