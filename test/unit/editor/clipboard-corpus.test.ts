// @vitest-environment jsdom
/**
 * The sanitizer and the text alternative on clipboard HTML shaped like what Word, Google Docs, Excel and a web page
 * put on the clipboard (test/support/clipboard). jsdom, not happy-dom: DOMPurify under happy-dom 21 walks nothing
 * and removes nothing (measured), which would make every test here pass for the wrong reason.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../src/editor/message-parts.ts';
import { createMailSanitizer } from '../../../src/editor/sanitize.ts';
import { findUnsafe } from '../../support/mail-html-check.ts';

const sanitizer = createMailSanitizer(window);
const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '../../support/clipboard', `${name}.html`), 'utf8');
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html').body;

interface Case {
  name: string;
  /** Selectors that must match, with the text they must hold (or '' for any). */
  present: Array<[selector: string, text: string]>;
  absent: string[];
  /** Lines the plain-text alternative must contain, in this order. */
  textLines: string[];
}

const cases: Case[] = [
  {
    name: 'word',
    present: [
      ['b', '定例会議のお知らせ'],
      ['span[style="color:red"]', '会議室B'],
      ['i', '資料は事前に'],
      ['u', 'ご確認ください'],
      ['ul > li:first-child', '日時：12月5日（金）10:00'],
      ['ul > li:nth-child(2)', '場所：本社3階'],
      ['ol > li:first-child', '前回の議事録の確認'],
      ['a[href="https://intra.example.co.jp/kaigi"]', '社内サイト'],
    ],
    // Word's bullet glyph ("l" in Wingdings), its classes, mso- styles and <o:p> must all be gone.
    absent: ['[class]', '[lang]', 'o\\:p', 'p[style*="mso"]', 'span[style*="font"]'],
    textLines: [
      '定例会議のお知らせ',
      '- 日時：12月5日（金）10:00',
      '- 場所：本社3階',
      '1. 前回の議事録の確認',
      '2. 来期の予算について',
      '詳細は社内サイト <https://intra.example.co.jp/kaigi>をご覧ください。',
    ],
  },
  {
    name: 'google-docs',
    present: [
      ['b', 'お見積りの件'],
      ['i', '添付の資料'],
      ['span[style="background-color:#ffff00"] u', 'をご確認ください'],
      ['s', '（旧版）'],
      ['ul > li', '納期：2週間'],
      ['a[href="https://docs.example.com/d/abc123/edit"]', '見積書（共有リンク）'],
      ['td b', '項目'],
      ['td[style*="border-top:1px solid #000000"]', '設計費'],
    ],
    // The docs-internal-guid <b style="font-weight:normal"> wrapper must not make the whole paste bold.
    absent: ['[id]', 'b b', 'b p', 'b ul', 'b table', '[dir]', 'colgroup', 'col'],
    textLines: [
      'お見積りの件',
      '山田様、いつもお世話になっております。添付の資料をご確認ください（旧版）',
      '- 納期：2週間',
      '項目 | 金額',
      '設計費 | ¥120,000',
    ],
  },
  {
    name: 'excel',
    present: [
      ['table tr:first-child td b', '品名'],
      ['td[style*="background-color:#d9e1f2"]', '数量'],
      ['td[style*="border-bottom:1px solid #000000"]', 'りんご'],
      ['td[style*="text-align:right"]', '3,600'],
      ['td[style*="color:red"]', '-1,500'],
    ],
    absent: ['[class]', 'col', '[x\\:str]', '[x\\:num]', '[height]', '[width]'],
    textLines: ['品名 | 数量 | 金額', 'りんご | 12 | 3,600', 'みかん | 30 | -1,500'],
  },
  {
    name: 'web-page',
    present: [
      ['h2', '東京の天気予報'],
      ['strong', '晴れ'],
      ['em', 'くもり'],
      ['a[href="https://weather.example.jp/tokyo?utm_source=share"]', '気象情報ページ'],
      ['blockquote p', '傘を忘れずに。'],
      ['ol > li > ul > li', '夜は冷え込みます'],
    ],
    absent: [
      'script',
      'style',
      'form',
      'input',
      'button',
      'img',
      '[onclick]',
      '[class]',
      '[target]',
      '[style*="position"]',
    ],
    textLines: [
      '東京の天気予報',
      '明日は晴れのちくもり。詳しくは気象情報ページ <https://weather.example.jp/tokyo?utm_source=share>へ。',
      '> 傘を忘れずに。',
      '1. 最高気温 18℃',
      '2. 最低気温 9℃',
      '   - 夜は冷え込みます',
      '[晴れ] PR共有',
    ],
  },
];

describe.each(cases)('clipboard from $name', ({ name, present, absent, textLines }) => {
  const html = sanitizer.sanitizeMailHtml(fixture(name));
  const body = parse(html);

  it('parses back to nothing unsafe', () => {
    expect(findUnsafe(body)).toEqual([]);
  });

  it.each(present)('keeps %s "%s"', (selector, text) => {
    const matches = [...body.querySelectorAll(selector)].map((element) => element.textContent?.trim());
    expect(matches, `${selector} in ${html}`).toContain(text);
  });

  it.each(absent)('drops %s', (selector) => {
    expect(body.querySelector(selector), html).toBeNull();
  });

  it('gives a readable text part', () => {
    const lines = htmlToText(fixture(name), sanitizer).split('\n');
    let from = 0;
    for (const line of textLines) {
      const at = lines.indexOf(line, from);
      expect(at, `"${line}" after line ${from} in:\n${lines.join('\n')}`).toBeGreaterThanOrEqual(0);
      from = at + 1;
    }
  });

  it('is stable: sanitizing its own output changes nothing', () => {
    expect(sanitizer.sanitizeMailHtml(html)).toBe(html);
  });
});
