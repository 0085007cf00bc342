/**
 * The first click in the body, before the editor's chunk has arrived (a slow network, or a click right after the
 * page appeared): the plain textarea hands over to the rich editor when the chunk comes, and what the person types
 * from the moment the editor has focus lands in it and stays. Found by the editor bench (bench/editor-activation.ts),
 * which lost text typed at once in 2 of 6 such runs.
 */
import type { Route } from '@playwright/test';
import { expect, test } from '../../support/fixtures.ts';

test.use({ bodyMode: null }); // the app's default: rich text

test('a click before the editor arrived: text typed at once and a second later lands in the editor and stays', async ({
  page,
  context,
}) => {
  const held: Route[] = [];
  let holding = true;
  // Everything after the first load: the editor's chunk and what the page loads after its first paint.
  await context.route(/\/assets\/(?!(index|language|rolldown-runtime)-)[^/]+\.(js|css)$/, (route) => {
    if (holding) held.push(route);
    else void route.continue();
  });
  await page.goto('/?lang=en');
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();
  await expect.poll(() => held.length, { timeout: 20_000 }).toBeGreaterThan(0);

  await page.locator('#body').click();
  holding = false;
  for (const route of held.splice(0)) await route.continue();
  const body = page.getByRole('textbox', { name: 'Message' });
  await expect(page.getByRole('toolbar', { name: 'Formatting: Message' })).toBeVisible({ timeout: 20_000 });
  await expect(body).toBeFocused();
  await page.keyboard.type('こんにちは');
  await expect(body).toContainText('こんにちは');
  await page.waitForTimeout(1_000);
  await page.keyboard.type(' and more');
  await expect(body).toContainText('こんにちは and more');
  await expect(body).toBeFocused();
});
