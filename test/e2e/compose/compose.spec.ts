/**
 * The compose page as a user meets it: by labels and roles, against the built app and the offline Google.
 */
import { tokensAtRest } from '../../support/at-rest.ts';
import { expect, test } from '../../support/fixtures.ts';
import {
  bccField,
  bodyField,
  ccField,
  file,
  google,
  onlyMessage,
  openConnected,
  pasteText,
  sendButton,
  subjectField,
  toField,
} from './helpers.ts';

test('a Japanese mail with Cc, Bcc and two attachments arrives decoded', async ({ page }) => {
  await openConnected(page);
  await toField(page).fill('山田 太郎 <taro@example.jp>,');
  await page.getByRole('button', { name: 'Cc and Bcc' }).click();
  await ccField(page).fill('hanako@example.jp');
  await ccField(page).press('Enter');
  await bccField(page).fill('boss@example.com;');
  await subjectField(page).fill('来週の打ち合わせについて');
  await bodyField(page).fill(
    '山田様\n\nいつもお世話になっております。\n資料を添付いたします。\n\nよろしくお願いいたします。',
  );
  await page
    .getByLabel('Attach files')
    .setInputFiles([
      file('議事録 2026年11月.txt', '第1回 打ち合わせ 議事録\n'),
      file('budget.csv', 'item,yen\n会場,50000\n', 'text/csv'),
    ]);
  await expect(page.getByText('議事録 2026年11月.txt')).toBeVisible();
  await sendButton(page).click();
  await expect(page.getByText('Message sent.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open in Gmail' }).first()).toHaveAttribute('href', /#sent\//);

  const { sent, mail } = await onlyMessage();
  expect(sent.account).toBe('alice@example.com');
  expect(mail.subject).toBe('来週の打ち合わせについて');
  expect(mail.to).toEqual([{ name: '山田 太郎', address: 'taro@example.jp' }]);
  expect(mail.cc?.map((each) => each.address)).toEqual(['hanako@example.jp']);
  expect(sent.parsed.bcc.map((each) => each.address)).toEqual(['boss@example.com']);
  expect(mail.text?.replace(/\r\n/g, '\n').trimEnd()).toBe(
    '山田様\n\nいつもお世話になっております。\n資料を添付いたします。\n\nよろしくお願いいたします。',
  );
  expect(mail.attachments.map((each) => each.filename).sort()).toEqual(['budget.csv', '議事録 2026年11月.txt']);
  const minutes = mail.attachments.find((each) => each.filename?.startsWith('議事録'));
  expect(Buffer.from(minutes?.content as ArrayBuffer).toString('utf8')).toBe('第1回 打ち合わせ 議事録\n');

  // The form is empty again, the draft is gone, and the send is in the log (without its body).
  await expect(subjectField(page)).toHaveValue('');
  const log = page.getByRole('region', { name: 'Sent from this browser' });
  await expect(log).toContainText('来週の打ち合わせについて');
  await expect(log).toContainText('taro@example.jp, hanako@example.jp, boss@example.com');
  await expect(log).not.toContainText('お世話になっております');
  await page.reload();
  await expect(subjectField(page)).toHaveValue('');
  await expect(page.getByText('Your unsent draft was restored.')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Sent from this browser' })).toContainText('来週の打ち合わせについて');
  await page.getByRole('button', { name: 'Clear list' }).click();
  await expect(page.getByText('Nothing sent from this browser yet.')).toBeVisible();
  // Drafts, the sent log and the language live in storage; the access token never does.
  expect(await tokensAtRest(page)).toEqual([]);
});

test('when the browser refuses storage, the page says so once and keeps working', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  });
  await openConnected(page);
  const notice = page.getByText(/not letting the page save drafts/);
  await expect(notice).toHaveCount(1);
  await toField(page).fill('taro@example.jp,');
  await subjectField(page).fill('保存できなくても送れる');
  await page.waitForTimeout(600);
  await expect(notice).toHaveCount(1);
  await sendButton(page).click();
  await expect(page.getByText('Message sent.')).toBeVisible();
  expect(await google.outbox()).toHaveLength(1);
});

test('a pasted list becomes tokens; invalid ones stay, marked, with the reason; duplicates are pointed out', async ({
  page,
}) => {
  await openConnected(page);
  await toField(page).focus();
  await pasteText(
    page,
    '山田 太郎 <taro@example.jp>, b@c.com\n"Doe, John" <john@example.org>; taro＠example.jp, B@C.com',
  );
  const to = page.getByRole('list', { name: 'To' });
  await expect(to.getByRole('listitem')).toHaveCount(5);
  await expect(to).toContainText('山田 太郎');
  await expect(to).toContainText('john@example.org');

  const invalid = to.getByRole('listitem').filter({ hasText: 'taro＠example.jp' }).locator('[tabindex="0"]');
  await invalid.focus();
  await expect(invalid).toHaveAccessibleDescription(/full-width/);
  await expect(page.getByRole('tooltip').filter({ hasText: 'full-width' })).toBeVisible();

  const duplicate = to.getByRole('listitem').filter({ hasText: 'B@C.com' }).locator('[tabindex="0"]');
  await expect(duplicate).toHaveAccessibleDescription('Already in To');

  // Backspace in the empty field removes the last token; Send points at what is wrong.
  await toField(page).focus();
  await page.keyboard.press('Backspace');
  await expect(to.getByRole('listitem')).toHaveCount(4);
  await sendButton(page).click();
  await expect(page.getByText('Fix or remove the addresses marked as invalid.')).toBeVisible();
  await expect(invalid).toBeFocused();
  expect(await google.outbox()).toHaveLength(0);
});

test('a display name that looks like an address shows the real address', async ({ page }) => {
  await openConnected(page);
  await toField(page).fill('"bank@example.com" <evil@attacker.example>,');
  const token = page.getByRole('list', { name: 'To' }).getByRole('listitem');
  await expect(token).toContainText('evil@attacker.example');
  await expect(token.locator('[tabindex="0"]')).toHaveAccessibleDescription(/This mail goes to evil@attacker\.example/);
});

test('reload mid-compose brings everything back, attachments included, and Discard forgets it', async ({ page }) => {
  await openConnected(page);
  await toField(page).fill('taro@example.jp, hanako@example.jp');
  await page.getByRole('button', { name: 'Cc and Bcc' }).click();
  await bccField(page).fill('secret@example.com,');
  await subjectField(page).fill('下書きの件');
  await bodyField(page).fill('途中まで書いた本文です。');
  await page.getByLabel('Attach files').setInputFiles([file('見積書.txt', '見積')]);
  await page.waitForTimeout(800);
  await page.reload();
  await expect(page.getByText('Your unsent draft was restored.')).toBeVisible();
  // Leaving the To field (for Cc and Bcc) committed what was typed there.
  await expect(page.getByRole('list', { name: 'To' })).toContainText('taro@example.jp');
  await expect(page.getByRole('list', { name: 'To' })).toContainText('hanako@example.jp');
  await expect(page.getByRole('list', { name: 'Bcc' })).toContainText('secret@example.com');
  await expect(subjectField(page)).toHaveValue('下書きの件');
  await expect(bodyField(page)).toHaveValue('途中まで書いた本文です。');
  await expect(page.getByText('見積書.txt')).toBeVisible();

  await page.getByRole('button', { name: 'Discard draft' }).click();
  await expect(subjectField(page)).toHaveValue('');
  await page.reload();
  await expect(bodyField(page)).toHaveValue('');
  await expect(page.getByText('Your unsent draft was restored.')).toHaveCount(0);
});

test('keyboard only: type, move with Tab, send with Ctrl+Enter', async ({ page }) => {
  await openConnected(page);
  await toField(page).focus();
  await page.keyboard.type('taro@example.jp');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Cc and Bcc' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(subjectField(page)).toBeFocused();
  await page.keyboard.type('キーボードだけで');
  await page.keyboard.press('Tab');
  await expect(bodyField(page)).toBeFocused();
  await page.keyboard.type('マウスなしで送信します。');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Message sent.')).toBeVisible();
  const { mail } = await onlyMessage();
  expect(mail.subject).toBe('キーボードだけで');
  // A second Ctrl+Enter on the now empty form sends nothing.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Add at least one recipient.')).toBeVisible();
  expect(await google.outbox()).toHaveLength(1);
});

test('attachments over 25 MB disable Send with the reason; a hidden-direction file name is shown safely', async ({
  page,
}) => {
  // 30 MB of files go through the browser's file input: 94 s once when the CPU was shared with three other runs.
  test.setTimeout(150_000);
  await openConnected(page);
  await toField(page).fill('taro@example.jp,');
  await page
    .getByLabel('Attach files')
    .setInputFiles([
      file('big.bin', Buffer.alloc(26 * 1024 * 1024), 'application/octet-stream'),
      file('invoice\u202Efdp.exe', 'x'),
    ]);
  await expect(sendButton(page)).toBeDisabled();
  await expect(page.getByText(/over Gmail’s 25 MB limit/)).toBeVisible();
  await expect(page.getByText('invoice⟨U+202E⟩fdp.exe')).toBeVisible();
  await page.getByRole('button', { name: 'Remove big.bin' }).click();
  await expect(sendButton(page)).toBeEnabled();
});

test('the first screen is usable in Japanese, with <html lang> following the switch', async ({ page }) => {
  await openConnected(page, '/?lang=ja');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('heading', { name: '新規メッセージ' })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'New message' })).toBeVisible();
  await expect(page).toHaveURL(/lang=en/);
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
