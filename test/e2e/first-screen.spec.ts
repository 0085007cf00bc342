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
