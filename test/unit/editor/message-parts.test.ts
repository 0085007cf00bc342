// @vitest-environment jsdom
/** From a rich body (and signature) to the builder's input: html, text, inline parts; the rich -> plain check. */
import { describe, expect, it } from 'vitest';
import { losesSomething, plainTextLoss, toMessageParts } from '../../../src/editor/message-parts.ts';
import { isEmptyRichBody, plainToRich, type RichBody, richBodyFromStored } from '../../../src/editor/rich-body.ts';
import { createMailSanitizer } from '../../../src/editor/sanitize.ts';

const sanitizer = createMailSanitizer(window);
const image = (contentId: string, bytes = [1, 2, 3]) => ({
  contentId,
  filename: 'スクリーンショット.png',
  type: 'image/png',
  blob: new Blob([new Uint8Array(bytes)], { type: 'image/png' }),
});

describe('toMessageParts', () => {
  it('adds the signature after "-- " in the text part (RFC 3676 §4.3) and in the HTML', async () => {
    const body: RichBody = {
      html: '<div>お世話になっております。</div><div>よろしくお願いします。</div>',
      inlineImages: [],
    };
    const signature: RichBody = { html: '<div><b>山田太郎</b></div><div>営業部</div>', inlineImages: [] };
    const parts = await toMessageParts(body, signature, sanitizer);
    expect(parts.text).toBe('お世話になっております。\nよろしくお願いします。\n\n-- \n山田太郎\n営業部');
    expect(parts.html).toBe(
      '<div>お世話になっております。</div><div>よろしくお願いします。</div><div><br></div><div>-- <br><div><b>山田太郎</b></div><div>営業部</div></div>',
    );
  });

  it('leaves out an empty signature entirely', async () => {
    const parts = await toMessageParts(
      { html: '<div>本文</div>', inlineImages: [] },
      { html: '<div><br></div>', inlineImages: [] },
      sanitizer,
    );
    expect(parts).toEqual({ html: '<div>本文</div>', text: '本文', inlineAttachments: [] });
  });

  it('carries only referenced pictures, once each, with their bytes and Content-ID', async () => {
    const body: RichBody = {
      html: '<div><img src="cid:img-a@fumi" alt="図"></div><div><img src="cid:img-a@fumi"></div>',
      inlineImages: [image('img-a@fumi', [9, 8, 7]), image('img-deleted@fumi')],
    };
    const signature: RichBody = {
      html: '<div><img src="cid:img-logo@fumi" alt="ロゴ"></div>',
      inlineImages: [image('img-logo@fumi')],
    };
    const parts = await toMessageParts(body, signature, sanitizer);
    expect(parts.inlineAttachments.map((part) => part.contentId)).toEqual(['img-a@fumi', 'img-logo@fumi']);
    expect([...parts.inlineAttachments[0]!.data]).toEqual([9, 8, 7]);
    expect(parts.inlineAttachments[0]).toMatchObject({ filename: 'スクリーンショット.png', contentType: 'image/png' });
    expect(parts.text).toBe('[図]\n[image]\n\n-- \n[ロゴ]');
  });

  it('styles quotes and tables inline, and the result sanitizes to itself', async () => {
    const parts = await toMessageParts(
      { html: '<blockquote><div>引用</div></blockquote><table><tr><td>a</td></tr></table>', inlineImages: [] },
      null,
      sanitizer,
    );
    expect(parts.html).toBe(
      '<blockquote style="margin:0px 0px 0px 6px;padding-left:8px;border-left:1px solid #cccccc"><div>引用</div></blockquote>' +
        '<table style="border-collapse:collapse"><tbody><tr><td>a</td></tr></tbody></table>',
    );
    expect(sanitizer.sanitizeMailHtml(parts.html)).toBe(parts.html);
  });

  it('never lets the editor-only blob: images or data-cid through', async () => {
    const parts = await toMessageParts(
      {
        html: '<img src="blob:http://x/1" data-cid="img-a@fumi"><img src="data:image/png;base64,iVBORw0KGgo=">',
        inlineImages: [image('img-a@fumi')],
      },
      null,
      sanitizer,
    );
    expect(parts.html).toBe('');
    expect(parts.inlineAttachments).toEqual([]);
  });
});

describe('plainTextLoss', () => {
  it.each([
    ['<div>ただの文章</div><ul><li>箇条書きは残る</li></ul>', { formatting: false, links: 0, images: 0, tables: 0 }],
    ['<div><b>太字</b></div>', { formatting: true, links: 0, images: 0, tables: 0 }],
    ['<div><span style="color:red">赤</span></div>', { formatting: true, links: 0, images: 0, tables: 0 }],
    [
      '<div><a href="https://example.jp/">a</a><a href="mailto:a@b.jp">b</a></div>',
      { formatting: false, links: 2, images: 0, tables: 0 },
    ],
    [
      '<div><img src="cid:x@fumi"></div><table><tr><td>1</td></tr></table>',
      { formatting: false, links: 0, images: 1, tables: 1 },
    ],
  ])('%s', (html, expected) => {
    const loss = plainTextLoss({ html, inlineImages: [] }, sanitizer);
    expect(loss).toEqual(expected);
    expect(losesSomething(loss)).toBe(Object.values(expected).some(Boolean));
  });
});

describe('rich bodies', () => {
  it('turns plain text into one block per line, escaped, keeping double spaces', () => {
    expect(plainToRich('1行目 <b>\n\n3行目  です').html).toBe(
      '<div>1行目 &lt;b&gt;</div><div><br></div><div>3行目 &nbsp;です</div>',
    );
    expect(plainToRich('').html).toBe('');
  });

  it.each([
    ['typed ', '<div>typed&nbsp;</div>'],
    [' 字下げ', '<div>&nbsp;字下げ</div>'],
    ['a   b', '<div>a &nbsp; b</div>'],
    ['   ', '<div>&nbsp;&nbsp;&nbsp;</div>'],
    ['終わり  ', '<div>終わり &nbsp;</div>'],
  ])('keeps the spaces HTML would collapse: %j', (text, html) => {
    expect(plainToRich(text).html).toBe(html);
  });

  it.each([
    ['', true],
    ['<div><br></div>', true],
    ['<div>&nbsp;</div>', true],
    ['<div>あ</div>', false],
  ])('isEmptyRichBody(%s) is %s', (html, empty) => {
    expect(isEmptyRichBody({ html, inlineImages: [] })).toBe(empty);
  });

  it('reads a stored body defensively', () => {
    const good = image('img-a@fumi');
    expect(
      richBodyFromStored({
        html: '<div>x</div>',
        inlineImages: [good, { contentId: 'bad id', blob: good.blob }, { contentId: 'img-b@fumi' }, 'junk'],
      }),
    ).toEqual({
      html: '<div>x</div>',
      inlineImages: [good],
    });
    expect(richBodyFromStored(null)).toEqual({ html: '', inlineImages: [] });
    expect(richBodyFromStored({ html: 42 })).toEqual({ html: '', inlineImages: [] });
  });
});
