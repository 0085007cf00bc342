/**
 * Issue 18: "Check setup" says where each value goes in the Google Cloud console, in the reader's language, next
 * to the value itself (the origin to paste, with a copy button).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '../../support/fixtures.ts';

test('Check setup shows this page’s origin and where to paste it in the console, in Japanese', async ({ page }) => {
  await page.goto('./?lang=ja');
  const origin = new URL(page.url()).origin;
  await page.getByText('設定の確認', { exact: true }).click();
  const originRow = page.getByRole('definition').filter({ hasText: origin });
  await expect(originRow).toContainText('「Google Auth Platform」→「クライアント」');
  await expect(originRow).toContainText('「承認済みの JavaScript 生成元」');
  await expect(page.getByRole('button', { name: 'コピー: このページのオリジン' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Google Identity Services' })).toContainText(
    '読み込み済み',
  );
  const axe = await new AxeBuilder({ page })
    .include('details.check-setup')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);
});

test('Check setup in English names the console field as the English console does', async ({ page }) => {
  await page.goto('./?lang=en');
  await page.getByText('Check setup', { exact: true }).click();
  const originRow = page.getByRole('definition').filter({ hasText: new URL(page.url()).origin });
  await expect(originRow).toContainText(
    'Google Auth Platform → Clients → your Web client → Authorized JavaScript origins',
  );
});
