/**
 * A person's walk through a small campaign in the built app against the offline Google, by labels and roles:
 * a list file (UTF-8, and Shift_JIS with Japanese column names in the Japanese page), its problems listed and left
 * out, a placeholder with a text for empty cells, the preview row by row, a test to oneself, then five rows that
 * each arrive exactly once. The campaign's clock is sped up (src/merge/time-scale.ts), so each test takes seconds.
 */
import type { Page } from '@playwright/test';
import { encodeShiftJis } from '../../../src/merge/core/shift-jis.ts';
import { expect, test } from '../../support/fixtures.ts';
import {
  arrived,
  choosePace,
  countsByAddress,
  importFile,
  newCampaign,
  openMerge,
  speedUpCampaigns,
  writeMessage,
} from './helpers.ts';

const alice = 'alice@example.com';

/** Seven rows: five to send, one invalid address and one repeated address, both left out. */
const utf8List = [
  '氏名,メールアドレス,会社',
  '山田 太郎,taro@example.jp,山田商事',
  ',hanako@example.jp,佐藤工業',
  '鈴木 一郎,ichiro@example,鈴木電機',
  '田中 次郎,taro@example.jp,田中建設',
  '高橋 三郎,saburo@example.jp,高橋物産',
  '伊藤 四郎,shiro@example.jp,伊藤製作所',
  '渡辺 五郎,goro@example.jp,渡辺建設',
].join('\r\n');

/** What each row that is sent gets, by address. */
const expected = new Map([
  ['taro@example.jp', ['山田 太郎 様：山田商事 へのご案内', '山田 太郎 様\n\n山田商事 のご担当者様へ。']],
  ['hanako@example.jp', ['お客様 様：佐藤工業 へのご案内', 'お客様 様\n\n佐藤工業 のご担当者様へ。']],
  ['saburo@example.jp', ['高橋 三郎 様：高橋物産 へのご案内', '高橋 三郎 様\n\n高橋物産 のご担当者様へ。']],
  ['shiro@example.jp', ['伊藤 四郎 様：伊藤製作所 へのご案内', '伊藤 四郎 様\n\n伊藤製作所 のご担当者様へ。']],
  ['goro@example.jp', ['渡辺 五郎 様：渡辺建設 へのご案内', '渡辺 五郎 様\n\n渡辺建設 のご担当者様へ。']],
]);

const previewRegion = (page: Page) => page.getByRole('region', { name: 'Message of this row' });

test('a UTF-8 list: problems left out, {{氏名|お客様}} fills an empty name, preview row by row, a test to me, five rows each arrive once', async ({
  page,
  context,
}) => {
  await speedUpCampaigns(context, 60);
  await openMerge(page);
  await newCampaign(page);
  // Excel's "CSV UTF-8" starts with a byte-order mark.
  await importFile(page, '顧客.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(utf8List)]));
  await expect(page.getByText('顧客.csv: 7 rows')).toBeVisible();
  await expect(page.getByText('Read as UTF-8 (it starts with a byte-order mark).')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^\d+ will be sent · / })).toHaveText(
    '5 will be sent · 2 left out (need a fix) · 0 excluded',
  );
  const table = page.getByRole('table', { name: 'Rows of the list' });
  await expect(table.getByRole('row', { name: /^4 / })).toContainText('“ichiro@example”');
  await expect(table.getByRole('row', { name: /^5 / })).toContainText('taro@example.jp already appears in row 2');

  await writeMessage(
    page,
    '{{氏名|お客様}} 様：{{会社}} へのご案内',
    '{{氏名|お客様}} 様\n\n{{会社}} のご担当者様へ。',
  );

  // The preview steps through every row, with the buttons and with the arrow keys.
  const preview = previewRegion(page);
  await expect(page.getByText('Row 2 (1 of 7)')).toBeVisible();
  await expect(preview).toContainText('山田 太郎 様：山田商事 へのご案内');
  await page.getByRole('button', { name: 'Next row', exact: true }).click();
  await expect(page.getByText('Row 3 (2 of 7)')).toBeVisible();
  await expect(preview).toContainText('お客様 様：佐藤工業 へのご案内');
  await expect(preview).toContainText('hanako@example.jp');
  await preview.press('ArrowRight');
  await expect(page.getByText('Row 4 (3 of 7)')).toBeVisible();
  await expect(preview).toContainText('This row will not be sent:');
  await preview.press('ArrowLeft');
  await expect(page.getByText('Row 3 (2 of 7)')).toBeVisible();

  // A test of the row shown, to the connected account only.
  await page.getByRole('button', { name: `Send a test to me (${alice})` }).click();
  await expect(page.getByText(`Test message sent to ${alice}. Check it in your inbox.`)).toBeVisible();
  const tests = await arrived();
  expect(tests.map((message) => message.to)).toEqual([alice]);
  expect(tests[0]?.subject).toContain('お客様 様：佐藤工業 へのご案内');
  expect(tests[0]?.text).toContain('お客様 様\n\n佐藤工業 のご担当者様へ。');

  await choosePace(page, 59);
  await expect(page.getByText(`5 messages will be sent, as ${alice}.`)).toBeVisible();
  await page.getByRole('button', { name: 'Start sending' }).click();
  await expect(page.getByText('Finished.', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Sent 5 · Failed 0 · Not sure 0 · Remaining 0')).toBeVisible();

  const rows = (await arrived()).filter((message) => message.to !== alice);
  const counts = countsByAddress(rows);
  expect([...counts.keys()].sort()).toEqual([...expected.keys()].sort());
  expect([...counts.values()].every((count) => count === 1)).toBe(true);
  for (const message of rows) {
    expect([message.subject, message.text]).toEqual(expected.get(message.to));
    expect(message.sent.parsed.from?.address).toBe(alice);
  }
  expect(rows.some((message) => message.to === 'ichiro@example')).toBe(false);
});

test('a Shift_JIS file with Japanese column names, in the Japanese page: detected, and its Japanese intact in every message', async ({
  page,
  context,
}) => {
  await speedUpCampaigns(context, 60);
  const names = ['髙橋 一郎', '﨑田 次郎', '渡邉 三郎', 'ｻﾄｳ ﾊﾅｺ', '斎藤 ①子'];
  const lines = ['お名前,メールアドレス,会員番号'];
  for (const [i, name] of names.entries()) lines.push(`${name},member${i + 1}@example.jp,№${101 + i}`);
  const { bytes, unencodable } = encodeShiftJis(`${lines.join('\r\n')}\r\n`);
  expect(unencodable).toBe(0);

  await openMerge(page, 'ja');
  await page.getByRole('button', { name: '新しい一斉送信' }).click();
  await expect(page.getByRole('heading', { name: '1. 宛先リスト' })).toBeVisible();
  await page
    .getByLabel('ファイルを選択')
    .setInputFiles({ name: '会員.csv', mimeType: 'text/csv', buffer: Buffer.from(bytes) });
  await expect(page.getByText('会員.csv: 5 行')).toBeVisible();
  await expect(
    page.getByText('Shift_JIS（日本語版 Excel）として読み込みました（Shift_JIS として正しく読めます）。'),
  ).toBeVisible();
  await expect(page.getByLabel('メールアドレスの列（宛先）')).toHaveValue('1');
  await expect(page.getByRole('table', { name: '宛先リストの行' })).toContainText('﨑田 次郎');

  await page.getByRole('textbox', { name: '件名' }).fill('{{お名前}} 様：会員番号 {{会員番号}}');
  await page.getByRole('textbox', { name: '本文' }).fill('{{お名前}} 様\n\nいつもありがとうございます。');
  await expect(page.getByRole('region', { name: 'この行のメッセージ' })).toContainText('髙橋 一郎 様：会員番号 №101');
  await page.getByLabel('送信ペース').selectOption('59');
  await expect(page.getByText(`${alice} から 5 通のメッセージを送信します。`)).toBeVisible();
  await page.getByRole('button', { name: '送信を開始' }).click();
  await expect(page.getByText('完了しました。', { exact: true })).toBeVisible({ timeout: 30_000 });

  const messages = await arrived();
  expect(messages).toHaveLength(5);
  for (const [i, name] of names.entries()) {
    const message = messages.find((each) => each.to === `member${i + 1}@example.jp`);
    expect(message?.subject).toBe(`${name} 様：会員番号 №${101 + i}`);
    expect(message?.text).toBe(`${name} 様\n\nいつもありがとうございます。`);
  }
});
