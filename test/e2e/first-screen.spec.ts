import { expect, test } from '../support/fixtures.ts';

test('the page shows its title and an empty compose area', async ({ page }) => {
  await page.goto('./');
  await expect(page).toHaveTitle(/Fumi/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const body = page.getByRole('textbox', { name: /message/i });
  await expect(body).toBeEmpty();
  await body.fill('こんにちは');
  await expect(body).toHaveValue('こんにちは');
  expect(await page.evaluate(() => document.documentElement.lang)).toMatch(/^(en|ja)$/);
});

test('the skip link lands on To, the first field of a new message', async ({ page }) => {
  await page.goto('./?lang=ja');
  await expect(page.getByRole('textbox', { name: '宛先' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: '新規メッセージへ移動' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: '宛先' })).toBeFocused();
});
