// @vitest-environment jsdom
/** The plain-text alternative, one table of HTML -> text, Japanese first. */
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../src/editor/message-parts.ts';
import { createMailSanitizer } from '../../../src/editor/sanitize.ts';

const sanitizer = createMailSanitizer(window);

describe('htmlToText', () => {
  it.each([
    ['Squire lines', '<div>一行目</div><div><br></div><div>三行目</div>', '一行目\n\n三行目'],
    ['paragraphs', '<p>段落その一。</p><p>段落その二。</p>', '段落その一。\n\n段落その二。'],
    ['line breaks', '<div>住所：東京都<br>千代田区</div>', '住所：東京都\n千代田区'],
    ['whitespace collapses', '<div>  たくさんの\n   空白  </div>', 'たくさんの 空白'],
    ['pre keeps it', '<pre>a  b\n  c</pre>', 'a  b\n  c'],
    ['bulleted list', '<ul><li>りんご</li><li>みかん</li></ul>', '- りんご\n- みかん'],
    ['numbered list from 3', '<ol start="3"><li>三</li><li>四</li></ol>', '3. 三\n4. 四'],
    [
      'nested lists',
      '<ol><li>親<ul><li>子</li><li>子2</li></ul></li><li>次</li></ol>',
      '1. 親\n   - 子\n   - 子2\n2. 次',
    ],
    ['link with text', '<a href="https://example.jp/a">詳細</a>', '詳細 <https://example.jp/a>'],
    ['link that is its address', '<a href="https://example.jp/">https://example.jp/</a>', 'https://example.jp/'],
    ['mail link', '<a href="mailto:taro@example.jp">taro@example.jp</a>', 'taro@example.jp'],
    [
      'quote',
      '<div>返信です</div><blockquote><div>元の文</div><div>二行目</div></blockquote>',
      '返信です\n\n> 元の文\n> 二行目',
    ],
    ['nested quote', '<blockquote><div>外</div><blockquote><div>内</div></blockquote></blockquote>', '> 外\n>\n> > 内'],
    ['quote with paragraphs', '<blockquote><p>一</p><p>二</p></blockquote>', '> 一\n>\n> 二'],
    [
      'table',
      '<table><tr><th>品名</th><th>数量</th></tr><tr><td>りんご</td><td>12</td></tr></table>',
      '品名 | 数量\nりんご | 12',
    ],
    ['table cell with a line break', '<table><tr><td>a<br>b</td><td>c</td></tr></table>', 'a b | c'],
    ['image', '<div>図：<img src="cid:x@fumi" alt="売上グラフ"></div>', '図：[売上グラフ]'],
    ['horizontal rule', '<div>上</div><hr><div>下</div>', '上\n\n----------\n\n下'],
    ['nbsp', '<div>A&nbsp;&nbsp;B</div>', 'A  B'],
    ['placeholders stay', '<div>{{name}} 様</div>', '{{name}} 様'],
  ])('%s', (_name, html, text) => {
    expect(htmlToText(html, sanitizer)).toBe(text);
  });
});
