/**
 * Issue 16, "iOS": in a Home Screen web app on iPhone/iPad (navigator.standalone), Google's sign-in window opens in
 * Safari and cannot give the token back, so the page says so and names what works: Safari. Elsewhere it is silent.
 */
import { expectNoAxeViolations } from '../../support/axe.ts';
import { expect, test } from '../../support/fixtures.ts';

const homeScreenApp = () =>
  Object.defineProperty(Navigator.prototype, 'standalone', { configurable: true, get: () => true });

test('an iOS Home Screen app explains why Connect may fail there and sends the person to Safari', async ({ page }) => {
  await page.addInitScript(homeScreenApp);
  await page.goto('/?lang=en');
  const notice = page.getByText(/Google’s sign-in window opens in Safari/);
  await expect(notice).toBeVisible({ timeout: 20_000 });
  await expect(notice).toContainText(`Open ${new URL(page.url()).origin}/ in Safari instead`);
  await expect(page.getByText(/turn off “Open as Web App”/)).toBeVisible();
  await expectNoAxeViolations(page, 'iOS Home Screen notice');

  await page.goto('/?lang=ja');
  await expect(page.getByText(/Safari で .* を開いてください/)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(/「Webアプリとして開く」をオフ/)).toBeVisible();
  await expectNoAxeViolations(page, 'iOS Home Screen notice (ja)');
  await page.getByRole('button', { name: '閉じる' }).first().click();
  await expect(page.getByText(/Safari で .* を開いてください/)).toBeHidden();
});

test('in a browser tab, or an installed app elsewhere, nothing is said', async ({ page }) => {
  await page.goto('/?lang=en');
  await expect(page.getByRole('button', { name: 'Connect Gmail account' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(/opens in Safari/)).toHaveCount(0);
});
