/**
 * Placeholders: `{{氏名}}`, fallbacks, Japanese names, full-width braces from an IME, escapes, unknown names and
 * empty values flagged before sending, and the exact subject, text and HTML each row gets.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileTemplate,
  decodeHtmlText,
  escapeHtml,
  type MergeTemplate,
  parseTemplate,
  renderRow,
} from '../../../src/merge/core/placeholders.ts';
import { formatRowProblem, formatTemplateProblem } from '../../../src/text/merge.ts';

const headers = ['氏名', 'company', '会社名', 'メールアドレス', 'R&D 担当', '備考'];
const row = (cells: Partial<Record<string, string>>) => (column: number) => cells[headers[column]!] ?? '';
const render = (template: MergeTemplate, cells: Partial<Record<string, string>>) =>
  renderRow(compileTemplate(template, headers), row(cells));

describe('renderRow: text', () => {
  const cells = { 氏名: '山田 太郎', company: 'Example Inc.', 会社名: ' 株式会社サンプル ', 備考: '' };

  it.each([
    ['a Japanese column name', '{{氏名}} 様', '山田 太郎 様'],
    ['an English column name', 'Dear {{company}}', 'Dear Example Inc.'],
    ['spaces inside the braces', '{{ 氏名 }}', '山田 太郎'],
    ['case and width folded', '{{COMPANY}} / {{ｃｏｍｐａｎｙ}}', 'Example Inc. / Example Inc.'],
    ['full-width braces typed by an IME', '｛｛氏名｝｝ 様', '山田 太郎 様'],
    ['mixed braces', '{｛氏名}｝', '山田 太郎'],
    ['values trimmed', '[{{会社名}}]', '[株式会社サンプル]'],
    ['a fallback, value present', '{{氏名|お客様}}', '山田 太郎'],
    ['a fallback, value empty', '{{備考|特になし}}', '特になし'],
    ['a full-width bar', '{{備考｜特になし}}', '特になし'],
    ['an empty fallback', '[{{備考|}}]', '[]'],
    ['an escaped opening pair', '\\{{氏名}} は {{氏名}}', '{{氏名}} は 山田 太郎'],
    ['an escaped full-width pair', '\\｛｛氏名｝｝', '｛｛氏名｝｝'],
    ['single braces are text', '{氏名} {x}', '{氏名} {x}'],
    ['triple braces: a literal brace each side', '{{{氏名}}}', '{山田 太郎}'],
    ['no placeholder at all', 'こんにちは', 'こんにちは'],
  ])('%s: %s', (_label, text, expected) => {
    const rendered = render({ subject: '', text }, cells);
    expect(rendered.text).toBe(expected);
    expect(rendered.problems).toEqual([]);
  });

  it('gives the exact subject and body for one row', () => {
    const rendered = render(
      {
        subject: '【{{会社名}}】{{氏名}}様へのご案内',
        text: '{{氏名}}様\n\nいつもお世話になっております。\n{{備考|}}',
      },
      cells,
    );
    expect(rendered).toEqual({
      subject: '【株式会社サンプル】山田 太郎様へのご案内',
      text: '山田 太郎様\n\nいつもお世話になっております。\n',
      problems: [],
    });
  });
});

describe('renderRow: HTML', () => {
  it('escapes values and fallbacks, turns line breaks into <br>, and reads names after their character references', () => {
    const rendered = render(
      { subject: 's', text: 't', html: '<p>{{氏名}}様</p><p>{{R&amp;D 担当|&lt;未定&gt;}}</p><p>{{備考}}</p>' },
      { 氏名: '<b>山田</b> & "太郎"', 備考: '一行目\n二行目' },
    );
    expect(rendered.html).toBe(
      '<p>&lt;b&gt;山田&lt;/b&gt; &amp; &quot;太郎&quot;様</p><p>&lt;未定&gt;</p><p>一行目<br>二行目</p>',
    );
    expect(rendered.problems).toEqual([]);
  });

  it('leaves the editor’s own markup alone', () => {
    expect(
      render(
        { subject: '', text: '', html: '<a href="https://example.jp/?a=1&amp;b=2">{{氏名}}</a>' },
        { 氏名: '山田' },
      ).html,
    ).toBe('<a href="https://example.jp/?a=1&amp;b=2">山田</a>');
  });

  it.each([
    ['&amp;&lt;&gt;&quot;&#39;&apos;&nbsp;', "&<>\"'' "],
    ['&#x5C71;&#30000;', '山田'],
    ['&unknown; &#0; &#x110000;', '&unknown; &#0; &#x110000;'],
  ])('decodeHtmlText(%j)', (html, text) => {
    expect(decodeHtmlText(html)).toBe(text);
  });

  it('escapes any text so that decoding gives it back (line breaks aside)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const flat = text.replace(/[\r\n]/g, ' ');
        expect(decodeHtmlText(escapeHtml(flat))).toBe(flat);
        expect(escapeHtml(text)).not.toMatch(/[<>"']/);
      }),
    );
  });
});

describe('problems of the template itself (nothing can be sent)', () => {
  it.each([
    [
      { subject: '{{氏名}} {{部署}}', text: '' },
      [{ code: 'unknown-placeholder', part: 'subject', name: '部署', start: 7, end: 13 }],
    ],
    [{ subject: '', text: 'こんにちは {{氏名' }, [{ code: 'unclosed-placeholder', part: 'text', start: 6 }]],
    [{ subject: '', text: '{{氏名\n}}' }, [{ code: 'unclosed-placeholder', part: 'text', start: 0 }]],
    [
      { subject: '', text: '{{}} {{|x}}' },
      [
        { code: 'empty-placeholder', part: 'text', start: 0, end: 4 },
        { code: 'empty-placeholder', part: 'text', start: 5, end: 11 },
      ],
    ],
    [
      { subject: '', text: '', html: '<p>{{<b>氏名</b>}}</p>' },
      [{ code: 'unknown-placeholder', part: 'html', name: '<b>氏名</b>', start: 3, end: 16 }],
    ],
  ])('%j', (template, problems) => {
    expect(compileTemplate(template as MergeTemplate, headers).problems).toEqual(problems);
  });

  it.each([
    [
      { code: 'unknown-placeholder', part: 'subject', name: '部署', start: 0, end: 6 },
      'ja',
      '件名: 「部署」という列がありません。',
    ],
    [
      { code: 'unclosed-placeholder', part: 'text', start: 0 },
      'en',
      'Body: a {{ is not closed with }} on the same line. To write {{ as text, type \\{{.',
    ],
    [{ code: 'empty-placeholder', part: 'html', start: 0, end: 4 }, 'ja', '本文: {{}} の中に列名がありません。'],
  ] as const)('%j reads as a sentence (%s)', (problem, language, sentence) => {
    expect(formatTemplateProblem(problem, language)).toBe(sentence);
  });

  it('matches a header written with full-width letters', () => {
    const compiled = compileTemplate({ subject: '{{Company}}', text: '' }, ['Ｃｏｍｐａｎｙ']);
    expect(compiled.problems).toEqual([]);
    expect(renderRow(compiled, () => 'Example').subject).toBe('Example');
  });

  it('finds the fallback bar after a name with an emoji', () => {
    expect(parseTemplate('{{😀絵文字|なし}}', 'text').segments).toEqual([
      { kind: 'placeholder', placeholder: { name: '😀絵文字', fallback: 'なし', start: 0, end: 12 } },
    ]);
  });

  it('lists every placeholder segment with its position', () => {
    expect(parseTemplate('a{{氏名|様}}b', 'text').segments).toEqual([
      { kind: 'text', text: 'a' },
      { kind: 'placeholder', placeholder: { name: '氏名', fallback: '様', start: 1, end: 9 } },
      { kind: 'text', text: 'b' },
    ]);
  });
});

describe('problems of one row (flagged before anything is sent)', () => {
  it('flags an empty value without a fallback, once per part', () => {
    const rendered = render(
      { subject: '{{氏名}}様', text: '{{氏名}}様 {{氏名}}', html: '<p>{{備考|}}</p>' },
      { 氏名: '  ' },
    );
    expect(rendered.problems).toEqual([
      { code: 'empty-value', part: 'subject', name: '氏名' },
      { code: 'empty-value', part: 'text', name: '氏名' },
    ]);
    expect(rendered.subject).toBe('様');
    expect(formatRowProblem(rendered.problems[0]!, 'ja')).toBe(
      'この行の {{氏名}} が空欄です。セルに入力するか、空欄のときの文字を {{氏名|…}} のように指定してください。',
    );
  });

  it('flags a line break that would go into the subject, but not into the body', () => {
    const rendered = render({ subject: '{{備考}}', text: '{{備考}}' }, { 備考: '一行目\n二行目' });
    expect(rendered.problems).toEqual([{ code: 'line-break-in-subject', name: '備考' }]);
    expect(rendered.text).toBe('一行目\n二行目');
    expect(formatRowProblem(rendered.problems[0]!, 'en')).toBe(
      'The value of {{備考}} contains a line break, which a subject cannot hold.',
    );
  });
});
