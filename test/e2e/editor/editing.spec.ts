/**
 * The editor in Chromium under the production CSP (every test also fails on any CSP violation, through the shared
 * fixtures): formatting from the toolbar and Gmail's shortcuts, links checked, real clipboard pastes of the Office
 * and web fixtures, pictures as cid: parts, Japanese IME composition, undo and redo.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../../support/fixtures.ts';
import { buildHarness, compose, editorOrigin, openEditor, paste, removeHarness } from './helpers.ts';

let outDir = '';
test.beforeAll(async () => {
  outDir = await buildHarness();
});
test.afterAll(() => removeHarness(outDir));

const html = () => editorTest.value().html;
const fixture = (name: string) =>
  readFileSync(path.resolve(import.meta.dirname, '../../support/clipboard', `${name}.html`), 'utf8');

test('toolbar buttons and Gmail shortcuts format the text', async ({ page }) => {
  await openEditor(page, outDir);
  const body = page.getByRole('textbox', { name: '本文' });
  await body.click();
  await page.keyboard.type('太字');
  await page.keyboard.press('Shift+Home');
  const toolbar = page.getByRole('toolbar', { name: '本文の書式' });
  const bold = toolbar.getByRole('button', { name: '太字' });
  await bold.click();
  await expect(bold).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+b');
  for (const [keys, word] of [
    ['Control+i', '斜体'],
    ['Control+u', '下線'],
    ['Alt+Shift+5', '取り消し'],
  ] as const) {
    await page.keyboard.press(keys);
    await page.keyboard.type(word);
    await page.keyboard.press(keys);
    await page.keyboard.type('、');
  }
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Shift+8');
  await page.keyboard.type('箇条');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Shift+7');
  await page.keyboard.type('番号');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Shift+9');
  await page.keyboard.type('引用');
  await expect.poll(() => page.evaluate(html)).toContain('<blockquote><div>引用</div></blockquote>');
  const value = await page.evaluate(html);
  expect(value).toContain('<b>太字</b>');
  expect(value).toContain('<div><i>斜体</i>、<u>下線</u>、<s>取り消し</s>、</div>');
  expect(value).toContain('<ul><li>箇条</li></ul>');
  expect(value).toContain('<ol><li>番号</li></ol>');
  await expect(toolbar.getByRole('button', { name: '引用' })).toHaveAttribute('aria-pressed', 'true');

  // Remove formatting (Ctrl+\) over everything leaves the words.
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+\\');
  await expect.poll(() => page.evaluate(html)).not.toMatch(/<(b|i|u|s)>/);
  expect(await page.evaluate(() => editorTest.value().html)).toContain('斜体');
});

test('a link is checked before it is made; undo and redo take it back and forth', async ({ page }) => {
  await openEditor(page, outDir);
  await page.getByRole('textbox', { name: '本文' }).click();
  await page.keyboard.type('詳しくはサイト');
  for (let step = 0; step < 'サイト'.length; step += 1) await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Control+k');
  const address = page.getByLabel('リンク先');
  await address.fill('javascript:alert(1)');
  await address.press('Enter');
  await expect(page.getByRole('alert')).toHaveText(
    'メッセージに入れられるのは、ウェブ（https://）とメール（mailto:）のリンクだけです。',
  );
  expect(await page.evaluate(html)).not.toContain('href');
  await address.fill('example.jp/page');
  await address.press('Enter');
  await expect.poll(() => page.evaluate(html)).toContain('<a href="https://example.jp/page">サイト</a>');
  await expect(address).toBeHidden();

  const toolbar = page.getByRole('toolbar', { name: '本文の書式' });
  await toolbar.getByRole('button', { name: '元に戻す' }).click();
  await expect.poll(() => page.evaluate(html)).not.toContain('<a ');
  await toolbar.getByRole('button', { name: 'やり直す' }).click();
  await expect.poll(() => page.evaluate(html)).toContain('<a href="https://example.jp/page">サイト</a>');
  await page.keyboard.press('Control+z');
  await expect.poll(() => page.evaluate(html)).not.toContain('<a ');
  await page.keyboard.press('Control+y');
  await expect.poll(() => page.evaluate(html)).toContain('<a href="https://example.jp/page">サイト</a>');
});

const pastes: Array<{ name: string; contains: string[]; lacks: string[] }> = [
  {
    name: 'word',
    contains: [
      '<b>定例会議のお知らせ</b>',
      '<span style="color:red">会議室B</span>',
      '<ul><li>日時',
      '<ol><li>前回の議事録の確認',
    ],
    lacks: ['class=', 'mso-', 'o:p', '>l&nbsp;'],
  },
  {
    name: 'google-docs',
    contains: [
      '<b>お見積りの件</b>',
      '<i>添付の資料</i>',
      '<s>（旧版）</s>',
      'href="https://docs.example.com/d/abc123/edit"',
      '<table',
      // Cell borders survive the round trip through the editor's CSSOM, which writes them back as
      // border-width/border-style/border-color.
      'border-top:1px solid #000000',
    ],
    lacks: ['docs-internal-guid', '<b><div>山田様'],
  },
  {
    name: 'excel',
    contains: [
      '<table',
      'background-color:#d9e1f2',
      '<b>品名</b>',
      'text-align:right',
      '-1,500',
      'border-right:1px solid #000000',
      'border-left:none',
    ],
    lacks: ['class=', 'x:num', '<col'],
  },
  {
    name: 'web-page',
    // Squire writes <strong> and <em> as <b> and <i>, as Gmail does.
    contains: [
      '<b>晴れ</b>',
      '<i>くもり</i>',
      '<blockquote',
      '[晴れ]',
      'href="https://weather.example.jp/tokyo?utm_source=share"',
    ],
    lacks: ['script', 'onclick', 'button', '<form', '<input', 'position', 'cdn.example.jp'],
  },
];

for (const { name, contains, lacks } of pastes) {
  test(`a real paste from ${name} arrives clean`, async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await openEditor(page, outDir);
    await paste(page, fixture(name));
    await expect.poll(() => page.evaluate(html)).toContain(contains[0]!);
    const value = await page.evaluate(html);
    for (const part of contains) expect(value, value).toContain(part);
    for (const part of lacks) expect(value, value).not.toContain(part);
    // What the editor shows has its styles applied through the CSSOM (a parsed style attribute would be refused).
    if (name === 'word') {
      const red = page.getByRole('textbox', { name: '本文' }).getByText('会議室B');
      await expect(red).toHaveCSS('color', 'rgb(255, 0, 0)');
    }
    expect(dialogs).toEqual([]);
  });
}

test('styled text keeps its colour through undo and redo (the CSP-safe undo path)', async ({ page }) => {
  await openEditor(page, outDir);
  await paste(page, '<p>前 <span style="color:#ff0000">赤い文字</span> 後</p>');
  const red = page.getByRole('textbox', { name: '本文' }).getByText('赤い文字');
  await expect(red).toHaveCSS('color', 'rgb(255, 0, 0)');
  // Squire keeps an undo step per line break (and per paste), not per character.
  await page.keyboard.press('Enter');
  await page.keyboard.type('追記');
  await page.keyboard.press('Control+z');
  await expect.poll(() => page.evaluate(html)).not.toContain('追記');
  await expect(red).toHaveCSS('color', 'rgb(255, 0, 0)');
  await page.keyboard.press('Control+y');
  await expect.poll(() => page.evaluate(html)).toContain('追記');
  await expect(page.getByRole('textbox', { name: '本文' }).getByText('赤い文字')).toHaveCSS('color', 'rgb(255, 0, 0)');
});

test('a pasted picture becomes an inline part referenced by cid:, and arrives inline', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: editorOrigin });
  await openEditor(page, outDir);
  const body = page.getByRole('textbox', { name: '本文' });
  await body.click();
  await page.keyboard.type('スクリーンショット：');
  // A screenshot as the system clipboard holds it: PNG bytes only, no HTML, no text.
  await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(4, 3);
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#c00';
    context.fillRect(0, 0, 4, 3);
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
  });
  await page.keyboard.press('Control+V');
  await expect(body.locator('img')).toHaveCount(1);
  await expect.poll(() => body.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

  const value = await page.evaluate(() => editorTest.value());
  const contentId = value.inlineImages[0]?.contentId ?? '';
  expect(contentId).toMatch(/^img-[0-9a-f-]+@fumi$/);
  expect(value.html).toContain(`<img src="cid:${contentId}"`);
  expect(value.html).not.toContain('blob:');

  const parts = await page.evaluate(() => editorTest.parts(null));
  expect(parts.images).toEqual([
    {
      contentId,
      contentType: 'image/png',
      size: expect.any(Number),
      head: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    },
  ]);
  const received = await page.evaluate(() => editorTest.received(null));
  expect(received.raw).toMatch(/Content-Type: multipart\/related;/);
  expect(received.raw).toContain(`Content-ID: <${contentId}>`);
  expect(received.html).toContain(`cid:${contentId}`);
  expect(received.text).toContain('スクリーンショット：');
  expect(received.attachments).toEqual([
    { contentId: `<${contentId}>`, disposition: 'inline', mimeType: 'image/png', related: true },
  ]);
});

test('a dropped picture over the size limit is refused with a message, and nothing is inserted', async ({ page }) => {
  await openEditor(page, outDir);
  const body = page.getByRole('textbox', { name: '本文' });
  await body.click();
  await body.evaluate((area) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(6 * 1024 * 1024)], '写真.png', { type: 'image/png' }));
    area.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByRole('list', { name: 'notices' })).toContainText('写真.png は 5 MB を超えている');
  await expect(body.locator('img')).toHaveCount(0);
});

test('Japanese IME composition leaves exactly the committed text', async ({ page }) => {
  await openEditor(page, outDir);
  const body = page.getByRole('textbox', { name: '本文' });
  await body.click();
  const cdp = await page.context().newCDPSession(page);
  await compose(cdp, ['n', 'に', 'にh', 'にほ', 'にほn', 'にほん', 'にほんg', 'にほんご'], '日本語');
  await compose(cdp, ['で', 'です'], 'です');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+b');
  await compose(cdp, ['か', 'かん', 'かんじ'], '漢字');
  // A composition committed as something else entirely (the user picked another candidate).
  await page.keyboard.press('Control+b');
  await compose(cdp, ['き', 'きし', 'きしゃ'], '貴社');
  // Squire ends a line with a <br> placeholder when it likes; it is not text.
  await expect
    .poll(async () => (await page.evaluate(html)).replace(/<br><\/div>/g, '</div>'))
    .toBe('<div>日本語です</div><div><b>漢字</b>貴社</div>');
  // Squire keeps a zero-width space where the caret changed format (it is never in the value); the rest is exact.
  const text = (await body.textContent())!.replace(/\u200b/g, '');
  expect(text).toBe('日本語です漢字貴社');
  for (const preedit of ['にほ', 'かん', 'きし', 'n', 'h', 'g']) expect(text).not.toContain(preedit);

  // Undo steps back over committed text only; no preedit string ever becomes part of the history.
  await page.keyboard.press('Control+z');
  await expect.poll(() => page.evaluate(html)).not.toContain('貴社');
  expect((await page.evaluate(html)).replace(/<[^>]+>/g, '')).not.toMatch(/[a-z]|に|ほ|か|き/);
});
