/**
 * The new header on a phone and a desktop, in Japanese and English: signed out, the "about" panel, signed in and
 * the account menu open. axe finds no WCAG A/AA violation in any of them (light and dark), nothing sticks out
 * sideways, and each is saved under test-results/screenshots/ for the README.
 */
import { expectNoAxeViolations } from '../../support/axe.ts';
import { expect, test } from '../../support/fixtures.ts';
import { accountRegion, openConnected } from '../compose/helpers.ts';

const devices = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } } as const;
const words = {
  ja: { about: 'Google への接続について', chip: /として送信します/, connect: 'Gmail アカウントに接続' },
  en: { about: 'About connecting to Google', chip: /^Sending as/, connect: 'Connect Gmail account' },
} as const;

for (const language of ['ja', 'en'] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    for (const [device, viewport] of Object.entries(devices)) {
      test(`${language} · ${scheme} · ${device}: the header in each account state`, async ({ page }) => {
        test.setTimeout(90_000);
        await page.setViewportSize(viewport);
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        const top = { x: 0, y: 0, width: viewport.width, height: device === 'phone' ? 420 : 300 };
        const shoot = async (state: string) => {
          await expectNoAxeViolations(page, `${state} (${language}, ${scheme}, ${device})`);
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          expect(width, `page width in state "${state}"`).toBeLessThanOrEqual(viewport.width);
          await page.screenshot({
            path: `test-results/screenshots/header-${state}-${language}-${scheme}-${device}.png`,
            clip: top,
          });
        };
        const header = async () => (await page.locator('header').boundingBox())?.height;

        await page.goto(`/?lang=${language}`);
        const loadingHeight = await header();
        await expect(accountRegion(page).getByRole('button', { name: words[language].connect })).toBeVisible({
          timeout: 20_000,
        });
        expect(await header(), 'the header keeps its height').toBe(loadingHeight);
        await shoot('signed-out');

        await accountRegion(page).getByRole('button', { name: words[language].about }).click();
        await shoot('about');
        await page.keyboard.press('Escape');

        await openConnected(page, `/?lang=${language}`);
        expect(await header(), 'the header keeps its height when connected').toBe(loadingHeight);
        await shoot('signed-in');

        await accountRegion(page).getByRole('button', { name: words[language].chip }).click();
        await expect(page.getByRole('menu')).toBeVisible();
        await shoot('menu');
      });
    }
  }
}
