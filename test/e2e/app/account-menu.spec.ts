/**
 * Issue 16, "a compact account control": the address on one chip, one small menu with Sign out and "Sign out and
 * forget the address in this browser", what this browser keeps written above them; the WAI-ARIA menu button pattern
 * by keyboard (Enter/Space/ArrowDown/ArrowUp open, arrows wrap, Home/End, Escape returns focus, Tab closes).
 */

import { expectNoAxeViolations } from '../../support/axe.ts';
import { expect, test } from '../../support/fixtures.ts';
import { whenClosed } from '../../support/popups.ts';
import { accountRegion, alice, google, openConnected } from '../compose/helpers.ts';

// Two connections through the consent popup and several axe runs per test: more than the default minute on a
// busy two-core machine.
test.describe.configure({ timeout: 120_000 });

const chip = (page: import('@playwright/test').Page) =>
  accountRegion(page).getByRole('button', { name: `Sending as ${alice}` });
const menu = (page: import('@playwright/test').Page) => page.getByRole('menu', { name: `Sending as ${alice}` });

test("connecting by keyboard: after Google's popup closes, focus is on the account chip, not lost to the page", async ({
  page,
}) => {
  await google.reset();
  await google.setConsentScript({ action: 'approve', account: alice });
  await page.goto('/?lang=en');
  const connect = accountRegion(page).getByRole('button', { name: 'Connect Gmail account' });
  await connect.focus({ timeout: 20_000 });
  const popup = page.waitForEvent('popup');
  await page.keyboard.press('Enter');
  await whenClosed(await popup);
  await expect(chip(page)).toBeFocused();
});

test('the account menu by keyboard: open, move, wrap, close with Escape and Tab, focus back on the chip', async ({
  page,
}) => {
  await openConnected(page, '/?lang=en');
  await expect(chip(page)).toHaveAttribute('aria-haspopup', 'menu');
  await expect(chip(page)).toHaveAttribute('aria-expanded', 'false');
  await expect(menu(page)).toBeHidden();

  await chip(page).focus();
  await page.keyboard.press('Enter');
  await expect(chip(page)).toHaveAttribute('aria-expanded', 'true');
  const signOut = menu(page).getByRole('menuitem', { name: 'Sign out', exact: true });
  const forget = menu(page).getByRole('menuitem', { name: `Sign out and forget ${alice} in this browser` });
  await expect(signOut).toBeFocused();
  await expect(page.getByText(`This browser remembers ${alice}`)).toBeVisible();
  await expectNoAxeViolations(page, 'account menu open');

  await page.keyboard.press('ArrowDown');
  await expect(forget).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(signOut).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(forget).toBeFocused();
  await page.keyboard.press('Home');
  await expect(signOut).toBeFocused();
  await page.keyboard.press('End');
  await expect(forget).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(menu(page)).toBeHidden();
  await expect(chip(page)).toBeFocused();
  await expect(chip(page)).toHaveAttribute('aria-expanded', 'false');

  await page.keyboard.press('ArrowUp');
  await expect(forget).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowDown');
  await expect(signOut).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(menu(page)).toBeHidden();

  await chip(page).focus();
  await page.keyboard.press(' ');
  await expect(signOut).toBeFocused();
  await page.mouse.click(5, 400);
  await expect(menu(page)).toBeHidden();
});

test('Sign out from the menu keeps the address as a hint; the second item forgets it', async ({ page }) => {
  await openConnected(page, '/?lang=en');
  await chip(page).click();
  await menu(page).getByRole('menuitem', { name: 'Sign out', exact: true }).click();
  const connectAs = accountRegion(page).getByRole('button', { name: `Connect as ${alice}` });
  await expect(connectAs).toBeVisible();
  await expect(connectAs).toBeFocused();
  await expectNoAxeViolations(page, 'signed out with a remembered address');

  // The "about" panel says what is remembered and can forget it.
  const about = accountRegion(page).getByRole('button', { name: 'About connecting to Google' });
  await about.click();
  await expect(about).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByText(`This browser remembers ${alice}`)).toBeVisible();
  await expectNoAxeViolations(page, 'about panel open');
  await page.keyboard.press('Escape');
  await expect(about).toBeFocused();
  await expect(page.getByText(`This browser remembers ${alice}`)).toBeHidden();

  await google.setConsentScript({ action: 'approve', account: alice });
  const popup = page.waitForEvent('popup');
  await connectAs.click();
  await popup;
  await expect(chip(page)).toBeVisible();
  await chip(page).click();
  await menu(page)
    .getByRole('menuitem', { name: `Sign out and forget ${alice} in this browser` })
    .click();
  await expect(accountRegion(page).getByRole('button', { name: 'Connect Gmail account' })).toBeFocused();
  expect(await page.evaluate(() => localStorage.getItem('gmail-sender.account-hint'))).toBeNull();
});

test('Japanese: the chip, the menu and the panel speak Japanese and pass axe', async ({ page }) => {
  await openConnected(page, '/?lang=ja');
  const jaChip = accountRegion(page).getByRole('button', { name: `${alice} として送信します` });
  await jaChip.click();
  await expect(page.getByRole('menuitem', { name: 'ログアウト', exact: true })).toBeFocused();
  await expect(
    page.getByRole('menuitem', { name: `ログアウトして、このブラウザから ${alice} の記憶を消す` }),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'ja account menu open');
});
