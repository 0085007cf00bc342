/**
 * Issue 19, publishing kit: the privacy page is linked from the app, is plain HTML (no script at all) under the
 * same Content-Security-Policy, and reads in Japanese and English.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '../../support/fixtures.ts';

test('the footer links the privacy page, which loads no script and reads in both languages', async ({ page }) => {
  await page.goto('./?lang=ja');
  await page.getByRole('contentinfo').getByRole('link', { name: 'プライバシー' }).click();
  await expect(page).toHaveURL(/\/privacy\.html$/);

  // Loaded on its own, the page asks for nothing but its stylesheet and icon.
  const requested: string[] = [];
  page.on('request', (request) => requested.push(`${request.resourceType()} ${new URL(request.url()).pathname}`));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: /Fumi が保存するもの/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: /what Fumi keeps/ })).toBeVisible();
  await expect(page.locator('article[lang="en"]')).toContainText('Only to Google.');
  expect(await page.locator('script').count()).toBe(0);
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain(
    "default-src 'self'",
  );
  expect(requested.filter((line) => !/^(document|stylesheet|other) /.test(line) && !/favicon/.test(line))).toEqual([]);

  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);

  await page.getByRole('link', { name: 'Back to Fumi' }).click();
  await expect(page.getByRole('textbox', { name: /^(To|宛先)$/ })).toBeVisible();
});
