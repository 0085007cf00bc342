/**
 * What the editor keeps in this browser and shows: signatures per sending address and templates (IndexedDB,
 * across a reload), a draft body with a picture across a reload, the preview frame, and the hostile corpus
 * sanitized in Chromium under the production CSP and parsed back by Chromium.
 */
import { expect, test } from '../../support/fixtures.ts';
import { hostileHtml } from '../../support/hostile-html.ts';
import { findUnsafeIn, type ParsedElement } from '../../support/mail-html-check.ts';
import { buildHarness, editorOrigin, openEditor, paste, removeHarness } from './helpers.ts';

let outDir = '';
test.beforeAll(async () => {
  outDir = await buildHarness();
});
test.afterAll(() => removeHarness(outDir));

test('a signature per sending address survives a reload and ends the message after "-- "', async ({ page }) => {
  await openEditor(page, outDir);
  const settings = page.getByRole('region', { name: '署名' });
  const signature = settings.getByRole('textbox', { name: '署名 (taro@example.jp)' });
  await signature.click();
  await page.keyboard.press('Control+b');
  await page.keyboard.type('山田太郎');
  await page.keyboard.press('Control+b');
  await page.keyboard.press('Enter');
  await page.keyboard.type('株式会社サンプル');
  await settings.getByRole('button', { name: '署名を保存' }).click();
  await expect(settings.getByRole('status')).toHaveText('署名を保存しました。');

  await settings.getByLabel('署名を使う差出人').selectOption('hanako@example.jp');
  const other = settings.getByRole('textbox', { name: '署名 (hanako@example.jp)' });
  await expect(other).toHaveText('');
  await other.click();
  await page.keyboard.type('佐藤花子');
  await settings.getByRole('button', { name: '署名を保存' }).click();
  await expect(settings.getByRole('status')).toHaveText('署名を保存しました。');

  await page.reload();
  await page.waitForFunction(() => 'editorTest' in globalThis);
  await expect(signature.locator('b')).toHaveText('山田太郎');
  await page.getByRole('textbox', { name: '本文' }).click();
  await page.keyboard.type('よろしくお願いいたします。');
  const parts = await page.evaluate(() => editorTest.parts('TARO@example.jp'));
  expect(parts.text).toBe('よろしくお願いいたします。\n\n-- \n山田太郎\n株式会社サンプル');
  expect(parts.html.replace(/<br><\/div>/g, '</div>')).toContain(
    '<div>-- <br><div><b>山田太郎</b></div><div>株式会社サンプル</div></div>',
  );
  expect((await page.evaluate(() => editorTest.parts('hanako@example.jp'))).text).toMatch(/\n-- \n佐藤花子$/);

  await settings.getByRole('button', { name: '署名を削除' }).click();
  await expect(settings.getByRole('status')).toHaveText('署名を削除しました。');
  expect((await page.evaluate(() => editorTest.parts('taro@example.jp'))).text).toBe('よろしくお願いいたします。');
});

test('a template is saved, survives a reload, is renamed, inserted with its placeholders and deleted', async ({
  page,
}) => {
  await openEditor(page, outDir);
  await page.getByLabel('件名').fill('{{company}} 様 お見積りのお願い');
  await page.getByRole('textbox', { name: '本文' }).click();
  await page.keyboard.type('{{name}} 様');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('至急');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('お見積りをお願いします。');
  const panel = page.getByRole('region', { name: 'テンプレート' });
  await expect(panel).toContainText('テンプレートはまだありません。');
  await panel.getByRole('button', { name: 'テンプレートとして保存' }).click();
  await expect(panel.getByRole('status')).toHaveText('テンプレート名を入力してください。');
  await panel.getByLabel('テンプレート名').fill('見積もり依頼');
  await panel.getByRole('button', { name: 'テンプレートとして保存' }).click();
  await expect(panel.getByRole('status')).toHaveText('テンプレート「見積もり依頼」を保存しました。');

  await page.reload();
  await page.waitForFunction(() => 'editorTest' in globalThis);
  const item = panel.getByRole('listitem').filter({ hasText: '見積もり依頼' });
  await item.getByRole('button', { name: '名前を変更' }).click();
  await panel.getByLabel('テンプレート名').first().fill('見積もり依頼（標準）');
  await panel.getByRole('button', { name: '名前を保存' }).click();
  const renamed = panel.getByRole('listitem').filter({ hasText: '見積もり依頼（標準）' });
  await expect(renamed).toBeVisible();

  // Start another message, then insert the template: subject and body come back, placeholders as written.
  await page.getByLabel('件名').fill('');
  const body = page.getByRole('textbox', { name: '本文' });
  await body.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await renamed.getByRole('button', { name: '挿入' }).click();
  await expect(page.getByLabel('件名')).toHaveValue('{{company}} 様 お見積りのお願い');
  await expect(body.locator('b')).toHaveText('至急');
  await expect(body).toContainText('{{name}} 様');
  // Squire may end a line with a <br> placeholder; it is not text.
  expect((await page.evaluate(() => editorTest.value().html)).replace(/<br><\/div>/g, '</div>')).toBe(
    '<div>{{name}} 様</div><div><b>至急</b>お見積りをお願いします。</div>',
  );

  await renamed.getByRole('button', { name: '削除' }).click();
  await expect(panel.getByRole('status')).toHaveText('テンプレート「見積もり依頼（標準）」を削除しました。');
  await expect(panel).toContainText('テンプレートはまだありません。');
});

test('the draft body keeps its formatting and its picture across a reload', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: editorOrigin });
  await openEditor(page, outDir);
  const body = page.getByRole('textbox', { name: '本文' });
  await paste(page, '<p>図の<b>とおり</b>です。</p>');
  await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(8, 8);
    canvas.getContext('2d')!.fillRect(0, 0, 8, 8);
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': await canvas.convertToBlob() })]);
  });
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Control+V');
  await expect(body.locator('img')).toHaveCount(1);
  const before = await page.evaluate(() => editorTest.value());
  expect(before.inlineImages).toHaveLength(1);

  await page.reload();
  await page.waitForFunction(() => 'editorTest' in globalThis);
  await expect(body.locator('b')).toHaveText('とおり');
  await expect(body.locator('img')).toHaveAttribute('src', /^blob:/);
  await expect.poll(() => body.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(8);
  const after = await page.evaluate(() => editorTest.value());
  expect(after.html).toBe(before.html);
  expect(after.inlineImages.map((image) => image.contentId)).toEqual(
    before.inlineImages.map((image) => image.contentId),
  );
});

test('the preview shows the message as it will arrive, light and dark, in a frame that runs nothing', async ({
  page,
}) => {
  await openEditor(page, outDir);
  await paste(
    page,
    '<p><b>太字</b>と<span style="color:#0000ff">青</span></p><blockquote><p>引用文</p></blockquote><p><a href="https://example.jp/">リンク</a></p>',
  );
  await page.getByRole('button', { name: 'Show preview' }).click();
  const frameElement = page.getByTitle('受信者に表示されるメッセージ');
  await expect(frameElement).toHaveAttribute('sandbox', 'allow-same-origin');
  const frame = page.frameLocator('iframe[title="受信者に表示されるメッセージ"]');
  await expect(frame.locator('b')).toHaveText('太字');
  await expect(frame.getByText('青')).toHaveCSS('color', 'rgb(0, 0, 255)');
  await expect(frame.locator('blockquote')).toHaveCSS('border-left-style', 'solid');
  await expect(frame.getByText('リンク')).toHaveAttribute('title', 'https://example.jp/');
  await expect(frame.locator('body')).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  await page.getByRole('button', { name: 'ダーク' }).click();
  await expect(frame.locator('body')).toHaveCSS('background-color', 'rgb(31, 31, 31)');
  await expect(frame.locator('b')).toHaveText('太字');
  // No script can run in it: the sandbox has no allow-scripts, and the frame's own CSP has no script source.
  const frameHandle = await frameElement.elementHandle();
  const inner = await frameHandle!.contentFrame();
  const policy = await inner!.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toBe("default-src 'none'; img-src blob:");
});

test('hostile HTML sanitized in Chromium parses back, in Chromium, to nothing unsafe', async ({ page, browser }) => {
  await openEditor(page, outDir);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const outputs = await page.evaluate(
    (inputs) => inputs.map((html) => editorTest.sanitize(html)),
    hostileHtml.map((entry) => entry.html),
  );
  // Parsed back in a page without our CSP, so style attributes reach the parser as a recipient's client sees them.
  const reader = await browser.newPage();
  const parsed = await reader.evaluate(
    (htmls) =>
      htmls.map((html) =>
        [...new DOMParser().parseFromString(html, 'text/html').body.querySelectorAll('*')].map((element) => ({
          tag: element.localName,
          attributes: [...element.attributes].map((attribute) => [attribute.name, attribute.value]),
        })),
      ),
    outputs,
  );
  await reader.close();
  hostileHtml.forEach((entry, index) => {
    expect(findUnsafeIn(parsed[index] as ParsedElement[]), `${entry.name}: ${outputs[index]}`).toEqual([]);
    for (const needle of entry.mustNotContain)
      expect(outputs[index]!.toLowerCase(), entry.name).not.toContain(needle.toLowerCase());
  });
  expect(dialogs).toEqual([]);
});

test('hostile HTML pasted into the editor runs nothing and leaves only allowed markup', async ({ page }) => {
  await openEditor(page, outDir);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const body = page.getByRole('textbox', { name: '本文' });
  for (const entry of hostileHtml) {
    await paste(page, entry.html);
    await page.keyboard.press('Enter');
  }
  await expect.poll(() => page.evaluate(() => editorTest.value().html.length)).toBeGreaterThan(100);
  const live = await body.evaluate((root) =>
    [...root.querySelectorAll('*')].map((element) => ({
      tag: element.localName,
      attributes: [...element.attributes].map((attribute) => [attribute.name, attribute.value]),
    })),
  );
  expect(findUnsafeIn(live as ParsedElement[], { allowBlobImages: true })).toEqual([]);
  const value = await page.evaluate(() => editorTest.value().html);
  expect(value).not.toMatch(/onerror|javascript:|<script|<svg|<iframe|<form|evil\.example|tracker\.example/i);
  expect(dialogs).toEqual([]);
});
