/**
 * The list step in the built app: a Shift_JIS file from Japanese Excel keeps its Japanese through the picker, the
 * encoding is shown and can be changed, pasted cells from a spreadsheet work, and problems are listed with their
 * reason and left out until fixed or excluded.
 */

import { expect, test } from '../../support/fixtures.ts';
import { fixture } from '../../unit/merge/fixtures.ts';
import { importFile, newCampaign, openMerge } from './helpers.ts';

test('a Shift_JIS file from Japanese Excel imports with its Japanese intact; the encoding can be changed', async ({
  page,
}) => {
  await openMerge(page);
  await newCampaign(page);
  await importFile(page, '顧客リスト.csv', Buffer.from(fixture('japanese-excel-cp932.csv')));
  await expect(page.getByText('顧客リスト.csv: 5 rows')).toBeVisible();
  await expect(page.getByText('Read as Shift_JIS (Japanese Excel) (it is valid Shift_JIS).')).toBeVisible();
  const table = page.getByRole('table', { name: 'Rows of the list' });
  for (const text of ['髙橋 一郎', 'ｶﾌﾞｼｷｶﾞｲｼｬ ﾃｽﾄ', '第①営業部, 東京', '﨑田 次郎', '株式会社纊', 'saburo@例え.jp'])
    await expect(table).toContainText(text);
  await expect(page.getByLabel('Address column (To)')).toHaveValue('1');
  await expect(page.getByLabel('Name column')).toHaveValue('0');
  await expect(page.getByRole('status').filter({ hasText: /^\d+ will be sent · / })).toHaveText(
    '5 will be sent · 0 left out (need a fix) · 0 excluded',
  );
  // Read as UTF-8 the same bytes are garbled, and the page says so.
  await page.getByLabel('Encoding').selectOption('utf-8');
  await expect(page.getByText(/characters could not be read in this encoding/)).toBeVisible();
  await expect(table).not.toContainText('髙橋 一郎');
  await page.getByLabel('Encoding').selectOption('auto');
  await expect(table).toContainText('髙橋 一郎');
});

test('pasted cells: problems are listed with the reason, left out until fixed or excluded', async ({ page }) => {
  await openMerge(page);
  await newCampaign(page);
  const cells = [
    '氏名\tメールアドレス',
    '山田\ttaro@example.jp',
    '佐藤\thanako@example',
    '鈴木\ttaro@example.jp',
    '田中\t',
  ].join('\n');
  await page.getByLabel('Or paste cells from Google Sheets or Excel').fill(cells);
  await page.getByRole('button', { name: 'Use these cells' }).click();
  const counts = page.getByRole('status').filter({ hasText: /^\d+ will be sent · / });
  await expect(counts).toHaveText('1 will be sent · 3 left out (need a fix) · 0 excluded');
  const table = page.getByRole('table', { name: 'Rows of the list' });
  await expect(table).toContainText('taro@example.jp already appears in row 2');
  await expect(table.getByRole('row', { name: /^3 / })).toContainText('To:');
  // Fix row 3's address, send the repeated one anyway, exclude the empty one.
  await page.getByRole('button', { name: 'Edit row 3' }).click();
  await page.getByRole('form', { name: 'Row 3' }).getByLabel('メールアドレス').fill('hanako@example.jp');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('button', { name: 'Send row 4 anyway' }).click();
  await page.getByRole('button', { name: 'Exclude row 5' }).click();
  await expect(counts).toHaveText('3 will be sent · 0 left out (need a fix) · 1 excluded');
  await expect(table).toContainText('corrected');
});
