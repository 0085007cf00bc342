/**
 * The rich editor in the real compose page, against the offline Google: what arrives is read back at the double's
 * outbox and by CPython's `email` package (an HTML part, a readable text part, the pasted picture inline by cid:,
 * nothing unsafe); a Japanese IME composition leaves exactly the committed text; the signature and a template go
 * round trip; the draft keeps rich content and its picture across a reload; rich to plain says what goes.
 */
import { spawnSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import PostalMime from 'postal-mime';
import { expect, test } from '../../support/fixtures.ts';
import { google, onlyMessage, openConnected, sendButton, subjectField, toField } from '../compose/helpers.ts';

test.use({ bodyMode: null }); // the app's default: rich text

const body = (page: Page) => page.getByRole('textbox', { name: 'Message' });
const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Formatting: Message' });

/** A 2×2 PNG (red), as a screenshot pasted from the clipboard would be. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

async function startRich(page: Page, subject: string) {
  await openConnected(page);
  await toField(page).fill('taro@example.jp');
  await toField(page).press('Enter');
  await subjectField(page).fill(subject);
  // The first click in the body brings the editor in.
  await page.locator('#body').click();
  await expect(toolbar(page)).toBeVisible();
  await expect(body(page)).toBeFocused();
}

/** A paste as the browser delivers it: a paste event whose clipboardData carries an image file. */
async function pasteImage(page: Page) {
  await page.evaluate(
    (bytes) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], 'スクリーンショット.png', { type: 'image/png' }));
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    [...png],
  );
}

const python = spawnSync('python3', ['--version']).status === 0;
const pythonScript = `
import sys, json, email
from email import policy
msg = email.message_from_bytes(sys.stdin.buffer.read(), policy=policy.default)
html = msg.get_body(('html',))
related = [p for p in msg.walk() if p.get('content-id')]
print(json.dumps({
  'defects': [type(d).__name__ for p in msg.walk() for d in p.defects],
  'types': [p.get_content_type() for p in msg.walk()],
  'html': html.get_content() if html else None,
  'text': msg.get_body(('plain',)).get_content(),
  'cids': [p['content-id'] for p in related],
  'image_bytes': [len(p.get_content()) for p in related],
}, ensure_ascii=False))
`;

test('a rich mail: bold from the toolbar and Ctrl+B, a pasted picture inline, read back by postal-mime and CPython', async ({
  page,
}) => {
  await startRich(page, 'リッチテキストの確認');
  await page.keyboard.type('こんにちは、');
  await toolbar(page).getByRole('button', { name: 'Bold' }).click();
  await page.keyboard.type('太字');
  await page.keyboard.press('Control+B');
  await page.keyboard.type(' と普通の文字。');
  await page.keyboard.press('Enter');
  await pasteImage(page);
  await expect(body(page).locator('img')).toHaveCount(1);
  await sendButton(page).click();
  await expect(page.getByText('Message sent.')).toBeVisible();

  const { sent, mail } = await onlyMessage();
  expect(mail.html).toMatch(/<b>太字<\/b>/);
  expect(mail.text).toContain('こんにちは、太字 と普通の文字。');
  const image = mail.attachments.find((part) => part.mimeType === 'image/png');
  expect(image?.contentId).toBeTruthy();
  expect(mail.html).toContain(`cid:${image?.contentId?.replace(/^<|>$/g, '')}`);
  // Nothing unsafe reached the message.
  expect(mail.html).not.toMatch(/<script|\son\w+=|javascript:|class=/i);
  const raw = Buffer.from(sent.originalRawBase64, 'base64');
  expect(raw.toString('latin1')).toMatch(/Content-Type: multipart\/related/);

  if (python) {
    const run = spawnSync('python3', ['-c', pythonScript], { input: raw, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const parsed = JSON.parse(run.stdout) as {
      types: string[];
      html: string;
      text: string;
      cids: string[];
      image_bytes: number[];
    };
    expect(parsed.types).toEqual(
      expect.arrayContaining(['multipart/alternative', 'text/plain', 'text/html', 'image/png']),
    );
    expect(parsed.html).toContain('<b>太字</b>');
    expect(parsed.text).toContain('こんにちは、太字 と普通の文字。');
    expect(parsed.cids).toHaveLength(1);
    expect(parsed.image_bytes).toEqual([png.length]);
  }
});

test('Japanese IME input in the editor leaves exactly the committed text', async ({ page }) => {
  await startRich(page, 'IME の確認');
  const cdp = await page.context().newCDPSession(page);
  for (const text of ['き', 'きょ', 'きょう']) {
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  }
  await cdp.send('Input.insertText', { text: '今日' });
  await cdp.send('Input.imeSetComposition', { text: 'は', selectionStart: 1, selectionEnd: 1 });
  await cdp.send('Input.insertText', { text: 'は' });
  await expect(body(page)).toHaveText('今日は');
  await sendButton(page).click();
  await expect(page.getByText('Message sent.')).toBeVisible();
  const { mail } = await onlyMessage();
  expect(mail.text?.trim()).toBe('今日は');
});

test('text typed before the editor took over goes with it, and rich content with its picture survives a reload', async ({
  page,
}) => {
  await openConnected(page);
  await toField(page).fill('taro@example.jp');
  await toField(page).press('Enter');
  await subjectField(page).fill('下書きの確認');
  await page.locator('#body').click();
  await page.keyboard.type('最初の行');
  await expect(toolbar(page)).toBeVisible();
  await expect(body(page)).toContainText('最初の行');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await pasteImage(page);
  await expect(body(page).locator('img')).toHaveCount(1);
  await page.waitForTimeout(800); // the autosave's quiet time
  await page.reload();
  await expect(page.getByText('Your unsent draft was restored.')).toBeVisible();
  await expect(body(page)).toContainText('最初の行');
  await expect(body(page).locator('img')).toHaveCount(1);
  await sendButton(page).click();
  await expect(page.getByText('Message sent.')).toBeVisible();
  const { mail } = await onlyMessage();
  expect(mail.attachments.filter((part) => part.mimeType === 'image/png')).toHaveLength(1);
});

test('a signature for the account is added to new mail, with "-- " in the text part; it can be left out', async ({
  page,
}) => {
  await startRich(page, '署名の確認');
  await page.getByRole('button', { name: 'Signature', exact: true }).click();
  const signature = page.getByRole('textbox', { name: 'Signature' });
  await signature.click();
  await page.keyboard.type('山田 太郎');
  await page.keyboard.press('Enter');
  await page.keyboard.type('営業部');
  await page.getByRole('button', { name: 'Save signature' }).click();
  await expect(page.getByText('Signature saved.')).toBeVisible();
  await body(page).click();
  await page.keyboard.type('本文です。');
  await expect(page.getByLabel('Add my signature')).toBeChecked();
  await sendButton(page).click();
  await expect(page.getByText('Message sent.')).toBeVisible();
  const { mail } = await onlyMessage();
  expect(mail.text?.replace(/\r\n/g, '\n')).toMatch(/本文です。\n\n-- \n山田 太郎\n営業部/);
  expect(mail.html).toContain('営業部');

  // The next message, without it.
  await toField(page).fill('hanako@example.jp');
  await toField(page).press('Enter');
  await subjectField(page).fill('署名なし');
  await body(page).click();
  await page.keyboard.type('署名を付けません。');
  await page.getByLabel('Add my signature').uncheck();
  await sendButton(page).click();
  await expect(page.getByRole('region', { name: 'Sent from this browser' })).toContainText('署名なし');
  const second = (await google.outbox()).find((message) => message.parsed.subject === '署名なし');
  expect(second?.parsed.text).not.toContain('-- ');
  expect(second?.parsed.text).not.toContain('営業部');
});

test('a template: saved from the current message, inserted into a new one, renamed and deleted', async ({ page }) => {
  await startRich(page, '見積もりのご依頼');
  await page.keyboard.type('{{会社名}} 御中');
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByLabel('Template name').fill('見積もり');
  await page.getByRole('button', { name: 'Save as template' }).click();
  await expect(page.getByText('Saved template “見積もり”.')).toBeVisible();
  await page
    .getByRole('button', { name: 'Discard draft' })
    .or(page.getByRole('button', { name: 'Insert' }))
    .first()
    .waitFor();
  // Start a new message: clear what is written, then insert the template.
  await subjectField(page).fill('');
  await body(page).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.getByRole('button', { name: 'Insert' }).click();
  await expect(subjectField(page)).toHaveValue('見積もりのご依頼');
  await expect(body(page)).toContainText('{{会社名}} 御中');
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.locator('[id^="template-rename-"]').fill('見積もり（新）');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByText('見積もり（新）')).toBeVisible();
  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('Deleted template “見積もり（新）”.')).toBeVisible();
});

test('the preview shows the message in a sandboxed frame, light and dark', async ({ page }) => {
  await startRich(page, 'プレビュー');
  await page.keyboard.type('プレビューで見る文');
  await page.getByRole('button', { name: 'Preview' }).click();
  const frame = page.frameLocator('iframe[title="The message as the recipient sees it"]');
  await expect(frame.getByText('プレビューで見る文')).toBeVisible();
  const sandbox = await page.locator('iframe[title="The message as the recipient sees it"]').getAttribute('sandbox');
  expect(sandbox).not.toContain('allow-scripts');
  await page.getByRole('button', { name: 'Dark' }).click();
  await expect(frame.locator('html')).toHaveCSS('color-scheme', 'dark');
});

test('switching rich to plain says what will be lost first, and keeps the text', async ({ page }) => {
  await startRich(page, '形式の切り替え');
  await toolbar(page).getByRole('button', { name: 'Bold' }).click();
  await page.keyboard.type('太字の文');
  await page.getByRole('button', { name: 'Plain text' }).click();
  await expect(page.getByText('Switching to plain text will remove:')).toBeVisible();
  await expect(page.getByText('formatting (bold, colours, quotes, alignment)')).toBeVisible();
  await page.getByRole('button', { name: 'Switch to plain text' }).click();
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveValue('太字の文');
  expect(await google.outbox()).toHaveLength(0);
});
