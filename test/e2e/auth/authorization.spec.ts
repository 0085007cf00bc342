/**
 * Authorization as a user meets it, against the offline Google: first consent, closed popup, denial, partial grant,
 * blocked popup, two accounts with the remembered hint, and sign-out then a new grant. After each flow no storage
 * holds a token.
 */
import type { Page } from '@playwright/test';
import { OfflineGoogleControl } from '../../offline-google/control.ts';
import { snapshotAtRest } from '../../support/at-rest.ts';
import { expect, test } from '../../support/fixtures.ts';
import { signOutFromMenu } from '../app/helpers.ts';

const google = new OfflineGoogleControl();
const gmailSendScope = 'https://www.googleapis.com/auth/gmail.send';
const account = (page: Page) => page.getByRole('region', { name: 'Google account' });

test.beforeEach(async ({ page }) => {
  await google.reset();
  await page.goto('/');
  await expect(account(page).getByRole('button', { name: 'Connect Gmail account' })).toBeVisible({ timeout: 20_000 });
});

test.afterEach(async ({ page }) => {
  const atRest = await snapshotAtRest(page);
  expect(JSON.stringify(atRest)).not.toMatch(/ya29\.[\w-]{8,}/);
});

/** Clicks Connect (or any button) and returns the popup it opens. */
async function openPopup(page: Page, name: string | RegExp) {
  const popup = page.waitForEvent('popup');
  await account(page).getByRole('button', { name }).click();
  return popup;
}

async function chooseAndConsent(popup: Page, email: string, { gmail = true } = {}) {
  await popup.getByRole('link', { name: new RegExp(email) }).click();
  await expect(popup.getByRole('heading', { name: /wants access to your Google Account/ })).toBeVisible();
  if (gmail) await popup.locator(`input[value="${gmailSendScope}"]`).check();
  await popup.getByRole('button', { name: 'Allow' }).click();
}

test('first consent shows who is sending and remembers only the address', async ({ page }) => {
  const popup = await openPopup(page, 'Connect Gmail account');
  await chooseAndConsent(popup, 'alice@example.com');
  await expect(account(page)).toContainText('Sending as alice@example.com');
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(stored).toContain('alice@example.com');
  const grants = await google.grants();
  expect(Object.values(grants).flat().sort()).toEqual(
    expect.arrayContaining([gmailSendScope, 'https://www.googleapis.com/auth/userinfo.email']),
  );
  expect(Object.values(grants).flat().join(' ')).not.toMatch(/profile|gmail\.(readonly|modify|compose)/);
});

test('closing the popup goes back quietly', async ({ page }) => {
  const popup = await openPopup(page, 'Connect Gmail account');
  await popup.close();
  await expect(account(page).getByRole('button', { name: 'Connect Gmail account' })).toBeVisible();
  await expect(page.getByText('Google sign-in failed')).toHaveCount(0);
  await expect(page.getByText('Google did not give permission')).toHaveCount(0);
});

test('denying explains what the app needs and offers to ask again', async ({ page }) => {
  const popup = await openPopup(page, 'Connect Gmail account');
  await popup.getByRole('link', { name: /alice@example.com/ }).click();
  await popup.getByRole('button', { name: 'Deny' }).click();
  await expect(page.getByText('Google did not give permission')).toBeVisible();
  await expect(page.getByText(/permission to send mail as you \(gmail\.send\)/).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ask Google again' })).toBeVisible();
});

test('a partial grant is explained, and asking again with the box ticked connects', async ({ page }) => {
  const popup = await openPopup(page, 'Connect Gmail account');
  await chooseAndConsent(popup, 'alice@example.com', { gmail: false });
  await expect(page.getByText('The permission to send mail was left unticked')).toBeVisible();
  const again = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Ask again' }).click();
  // No token, so no address learned: with two accounts Google shows its chooser again before the consent screen.
  await chooseAndConsent(await again, 'alice@example.com');
  await expect(account(page)).toContainText('Sending as alice@example.com');
});

test('a popup opened without a user gesture is blocked, named, and retried from a click', async ({ page }) => {
  // Playwright's evaluate counts as a gesture; 6 s later the activation has expired (gis-gapi.md §7).
  await page.evaluate(() => {
    setTimeout(() => {
      const buttons = [...document.querySelectorAll('button')];
      buttons.find((button) => button.textContent === 'Connect Gmail account')?.click();
    }, 6000);
  });
  // Stay idle meanwhile: Playwright's own polling of the page could count as a gesture and refresh the activation.
  await page.waitForTimeout(7000);
  await expect(page.getByText('The browser blocked Google’s sign-in window')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(/Allow pop-ups for http:\/\/localhost:\d+/).first()).toBeVisible();
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Try again' }).click();
  await chooseAndConsent(await popup, 'alice@example.com');
  await expect(account(page)).toContainText('Sending as alice@example.com');
});

test('with two accounts, the remembered hint picks the right one after a reload', async ({ page }) => {
  const popup = await openPopup(page, 'Connect Gmail account');
  await chooseAndConsent(popup, 'bob@example.com');
  await expect(account(page)).toContainText('Sending as bob@example.com');

  await page.reload();
  const again = await openPopup(page, 'Connect as bob@example.com');
  expect(new URL(again.url()).searchParams.get('login_hint')).toBe('bob@example.com');
  // Already granted and hinted: no chooser, no consent; the popup closes by itself.
  await expect(account(page)).toContainText('Sending as bob@example.com');
});

test('after sign out, a new grant needs consent again', async ({ page }) => {
  const popup = await openPopup(page, 'Connect Gmail account');
  await chooseAndConsent(popup, 'alice@example.com');
  await expect(account(page)).toContainText('Sending as alice@example.com');

  // Google's answer to the revocation, waited for as an event rather than polled for a fixed time.
  const revoked = page.waitForResponse((response) => new URL(response.url()).pathname === '/revoke', { timeout: 0 });
  await signOutFromMenu(page);
  expect((await revoked).status()).toBe(200);
  expect((await google.tokens()).every((token) => token.revoked)).toBe(true);
  const again = await openPopup(page, /Connect/);
  await expect(again.getByRole('heading', { name: /wants access/ })).toBeVisible();
  await again.locator(`input[value="${gmailSendScope}"]`).check();
  await again.getByRole('button', { name: 'Allow' }).click();
  await expect(account(page)).toContainText('Sending as alice@example.com');
});

test('signing out can forget the remembered account in this browser', async ({ page }) => {
  const popup = await openPopup(page, 'Connect Gmail account');
  await chooseAndConsent(popup, 'alice@example.com');
  await expect(account(page)).toContainText('This browser remembers alice@example.com');
  await signOutFromMenu(page, { forget: true });
  await expect(account(page).getByRole('button', { name: 'Connect Gmail account' })).toBeVisible();
  expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain('alice@example.com');
});
