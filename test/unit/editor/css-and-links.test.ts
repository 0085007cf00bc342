/** The small pure pieces: inline CSS as mail keeps it, style attributes moved aside before parsing, link checks. */
import { describe, expect, it } from 'vitest';
import { readClassRules } from '../../../src/editor/clipboard-styles.ts';
import {
  keepDeclarations,
  normalizeBorder,
  normalizeColor,
  parseDeclarations,
} from '../../../src/editor/css-declarations.ts';
import { checkLinkUrl } from '../../../src/editor/link-url.ts';
import { renameStyleAttributes } from '../../../src/editor/style-attributes.ts';

describe('normalizeColor', () => {
  it.each([
    ['#FF0000', '#ff0000'],
    ['#abc', '#aabbcc'],
    ['rgb(255, 0, 0)', '#ff0000'],
    ['rgba(0, 0, 255, 0.5)', '#0000ff'],
    ['rgba(0, 0, 0, 0)', null],
    ['transparent', null],
    ['windowtext', '#000000'],
    ['red', 'red'],
    ['var(--x)', null],
    ['expression(alert(1))', null],
    ['\\72 ed', null],
  ])('%s -> %s', (input, expected) => {
    expect(normalizeColor(input)).toBe(expected);
  });
});

describe('normalizeBorder', () => {
  it.each([
    ['.5pt solid windowtext', '1px solid #000000'],
    ['solid #000000 1pt', '1px solid #000000'],
    ['1px dashed rgb(200, 0, 0)', '1px dashed #c80000'],
    ['none', 'none'],
    ['3pt double red', '4px double red'],
    ['1px solid url(x)', null],
    ['1px', null],
  ])('%s -> %s', (input, expected) => {
    expect(normalizeBorder(input)).toBe(expected);
  });
});

describe('parseDeclarations and keepDeclarations', () => {
  it('splits on semicolons outside quotes and parentheses', () => {
    const parsed = parseDeclarations(
      'font-family:"A;B", serif; color: rgb(1, 2, 3) !important;mso-list:l0 level1 lfo1',
    );
    expect([...parsed]).toEqual([
      ['font-family', '"A;B", serif'],
      ['color', 'rgb(1, 2, 3)'],
      ['mso-list', 'l0 level1 lfo1'],
    ]);
  });

  it.each([
    ['inline', 'color:#c00;font-size:20px;position:fixed;background:#ff0', 'color=#cc0000 background-color=#ffff00'],
    ['inline', 'color:#000000;background-color:#ffffff', ''],
    ['block', 'text-align:center;margin-left:18pt;text-indent:-18pt', 'text-align=center'],
    ['block', 'text-align:justify', ''],
    [
      'cell',
      'border:.5pt solid windowtext;border-left:none;padding:5pt',
      'padding=7px border-top=1px solid #000000 border-right=1px solid #000000 border-bottom=1px solid #000000 border-left=none',
    ],
    // What Chromium's CSSOM writes back for Excel's cells (sides differ): the box forms, medium and currentcolor.
    [
      'cell',
      'border-width: medium 1px 1px medium; border-style: none solid solid none; border-color: currentcolor rgb(0, 0, 0) rgb(0, 0, 0) currentcolor; padding: 7px',
      'padding=7px border-top=none border-right=1px solid #000000 border-bottom=1px solid #000000 border-left=none',
    ],
    [
      'cell',
      'border-width: 1px; border-style: solid; border-color: rgb(0, 0, 0);',
      'border-top=1px solid #000000 border-right=1px solid #000000 border-bottom=1px solid #000000 border-left=1px solid #000000',
    ],
    [
      'block',
      'margin: 0px 0px 0px 6px; border-left: 1px solid rgb(204, 204, 204); padding-left: 8px;',
      'margin=0px 0px 0px 6px padding-left=8px border-left=1px solid #cccccc',
    ],
  ] as const)('%s: %s', (context, css, expected) => {
    const kept = keepDeclarations(parseDeclarations(css), context);
    expect([...kept].map(([name, value]) => `${name}=${value}`).join(' ')).toBe(expected);
  });
});

describe('readClassRules', () => {
  it('reads Office class rules and skips @-rules and other selectors', () => {
    const rules = readClassRules(
      '<style><!--\n@font-face {font-family:"ＭＳ 明朝";}\ntd {font-weight:400}\n.xl65 {font-weight:700;\n border:.5pt solid windowtext;}\np.MsoNormal, li.MsoNormal {margin:0mm}\n@list l0:level1 {mso-level-text:;}\n--></style>',
    );
    expect([...rules.keys()]).toEqual(['xl65', 'MsoNormal']);
    expect(rules.get('xl65')).toContain('font-weight:700');
  });
});

describe('renameStyleAttributes', () => {
  it.each([
    ['<p style="color:red">x</p>', '<p data-fumi-style="color:red">x</p>'],
    [
      "<span lang=EN-US style='font-family:Wingdings'>l</span>",
      "<span lang=EN-US data-fumi-style='font-family:Wingdings'>l</span>",
    ],
    ['<td class=xl65 STYLE=height:13.5pt>品名</td>', '<td class=xl65 data-fumi-style=height:13.5pt>品名</td>'],
    // Text and other attributes that mention style= are left as they are.
    ['<p title="a style=b">style="x" です</p>', '<p title="a style=b">style="x" です</p>'],
    ['<p data-style="x">y</p>', '<p data-style="x">y</p>'],
  ])('%s', (input, expected) => {
    expect(renameStyleAttributes(input)).toBe(expected);
  });
});

describe('checkLinkUrl', () => {
  it.each([
    ['https://example.jp/a?b=1', { ok: true, href: 'https://example.jp/a?b=1' }],
    ['example.jp/page', { ok: true, href: 'https://example.jp/page' }],
    ['taro@example.jp', { ok: true, href: 'mailto:taro@example.jp' }],
    ['mailto:taro@example.jp', { ok: true, href: 'mailto:taro@example.jp' }],
    ['https://例え.jp/', { ok: true, href: 'https://例え.jp/' }],
    ['https://example.jp/o/{{id}}', { ok: true, href: 'https://example.jp/o/{{id}}' }],
    ['', { ok: false, problem: 'empty' }],
    ['javascript:alert(1)', { ok: false, problem: 'scheme' }],
    ['JaVaScRiPt:alert(1)', { ok: false, problem: 'scheme' }],
    ['java\tscript:alert(1)', { ok: false, problem: 'invalid' }],
    ['data:text/html,<b>x</b>', { ok: false, problem: 'scheme' }],
    ['file:///C:/secret.txt', { ok: false, problem: 'scheme' }],
    ['ftp://example.jp/', { ok: false, problem: 'scheme' }],
    ['https://', { ok: false, problem: 'invalid' }],
    ['こんにちは', { ok: false, problem: 'invalid' }],
    ['mailto:not-an-address', { ok: false, problem: 'invalid' }],
  ])('%s', (input, expected) => {
    expect(checkLinkUrl(input)).toEqual(expected);
  });
});
