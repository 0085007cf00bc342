/**
 * The life of a grant on the shipped bundle with Google's real hostnames: Sign out revokes it at
 * oauth2.googleapis.com (the CSP now allows that host), also after a 401 dropped the token, and says so plainly
 * when Google does not confirm; a wrong origin gets Google's "Error 400: origin_mismatch" and the app's
 * troubleshooting text matches it; day eight of a Testing client asks for consent inside the Send click and the
 * page says why; the consent popup speaks Japanese to a Japanese browser.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { authText } from '../../../src/text/auth.ts';
import { setupText } from '../../../src/text/setup.ts';
import { productionAppOrigin, productionClientId } from '../../support/lanes.ts';
import { signOutFromMenu } from '../app/helpers.ts';
import { alice, expect, popupFrom, test } from './fixtures.ts';
import {
  accountRegion,
  compose,
  connectApproved,
  connectButton,
  connectWithConsent,
  listedAsSent,
  openApp,
  sendAndWait,
  sendButton,
  whenClosed,
} from './helpers.ts';

const signOut = (page: Page) => signOutFromMenu(page);
/** Google's answer to the revocation the page sends (waited for as an event, never for a fixed time). */
const revokeAnswer = (page: Page) =>
  page.waitForResponse((response) => response.url().startsWith('https://oauth2.googleapis.com/revoke'), {
    timeout: 0,
  });

test('Sign out revokes the grant at Google; the next Connect asks for consent again', async ({ page, google }) => {
  await openApp(page);
  await connectWithConsent(page);
  const revoked = revokeAnswer(page);
  await signOut(page);
  const answer = await revoked;
  expect([answer.request().method(), answer.status()]).toEqual(['POST', 200]);
  expect((await google.tokens()).every((token) => token.revoked)).toBe(true);
  expect(await google.grants()).toEqual({});
  await expect(page.getByRole('alert')).toHaveCount(0);
  const again = await popupFrom(page, () => connectButton(page).click());
  await expect(again.getByRole('heading', { name: /wants access to your Google Account/ })).toBeVisible();
});

test('Sign out after a 401 dropped the token still revokes the grant', async ({ page, google }) => {
  await openApp(page);
  await connectApproved(page, google);
  await google.injectFaults([{ kind: 'unauthorized', route: 'send' }]);
  await compose(page, 'Dropped token');
  await sendButton(page).click();
  await expect(page.getByRole('button', { name: 'Reconnect and send' })).toBeVisible();
  const revoked = revokeAnswer(page);
  await signOut(page);
  expect((await revoked).status()).toBe(200);
  expect((await google.tokens()).every((token) => token.revoked)).toBe(true);
  expect(await google.grants()).toEqual({});
});

test('when Google refuses the revocation (expired token), the page says so and links to Third-party connections', async ({
  page,
  google,
}) => {
  await openApp(page);
  await connectApproved(page, google);
  // Google's clock passes the token's hour; the page has not noticed (no click since): revoke gets invalid_token.
  await google.advanceClock(3700);
  await signOut(page);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Signed out here, but Google may still let this page send as you');
  await expect(alert).toContainText('code: invalid_token');
  await expect(alert.getByRole('link', { name: 'Open Third-party connections' })).toHaveAttribute(
    'href',
    'https://myaccount.google.com/connections',
  );
  expect(Object.keys(await google.grants())).toHaveLength(1);
  await expect(connectButton(page)).toBeVisible();
});

test('a page origin missing from the client gets "Error 400: origin_mismatch"; the app and README say what to do', async ({
  page,
  google,
}) => {
  await google.setClients([
    { clientId: productionClientId, origins: ['https://fumi.example'], publishing: 'in-production' },
  ]);
  await openApp(page);
  const popup = await popupFrom(page, () => connectButton(page).click());
  await expect(popup.getByRole('heading', { name: 'Access blocked: Authorization Error' })).toBeVisible();
  const errorLine = (await popup.locator('#error-code').textContent()) ?? '';
  expect(errorLine).toBe('Error 400: origin_mismatch');
  await popup.close();
  // Closing Google's page brings the user back quietly; Check setup names the origin and the error line.
  await expect(connectButton(page)).toBeVisible();
  await page.getByText('Check setup').click();
  await expect(page.getByText(productionAppOrigin, { exact: true })).toBeVisible();
  const hint = setupText['check.origin.hint'].en;
  expect(hint).toContain(`“${errorLine}”`);
  await expect(page.getByText(hint)).toBeVisible();
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  // The troubleshooting tables (one per language) each have a row for it that names the console field.
  const rows = readme.split('\n').filter((line) => line.startsWith('|') && line.includes(errorLine));
  expect(
    rows.find((line) => line.includes('Authorized JavaScript origins')),
    'English row',
  ).toBeDefined();
  expect(
    rows.find((line) => line.includes('承認済みの JavaScript 生成元')),
    'Japanese row',
  ).toBeDefined();
});

test('day eight of a Testing client: consent inside the Send click, the mail sent once, and the page says why', async ({
  page,
  google,
}) => {
  await google.setClients([
    { clientId: productionClientId, origins: [productionAppOrigin], publishing: 'testing', name: 'Fumi' },
  ]);
  await page.clock.install();
  await openApp(page);
  await connectApproved(page, google);
  await compose(page, 'Day one');
  await sendAndWait(page, 'Day one');

  // Google's "Manage App Audience": a Testing app's grant lapses seven days after consent. A tab left open.
  await google.advanceClock(8 * 24 * 3600);
  await page.clock.fastForward(8 * 24 * 3600 * 1000);
  await google.setConsentScript({ action: 'manual' });
  await compose(page, 'Day eight');
  const popup = await popupFrom(page, () => sendButton(page).click());
  expect(new URL(popup.url()).searchParams.get('prompt')).toBe('');
  await expect(popup.getByRole('heading', { name: 'Fumi wants access to your Google Account' })).toBeVisible();
  await popup.getByLabel('Select all').check();
  const closed = whenClosed(popup);
  await popup.getByRole('button', { name: 'Allow' }).click();
  await closed;
  await listedAsSent(page, 'Day eight');
  expect((await google.outbox()).map((sent) => sent.parsed.subject)).toEqual(['Day one', 'Day eight']);
  await expect(page.getByRole('status').filter({ hasText: 'Google asked for your permission again' })).toBeVisible();
  await expect(page.getByText(/every seven days while the app’s Google Cloud project is in “Testing”/)).toBeVisible();
});

test.describe('in a Japanese browser', () => {
  test.use({ locale: 'ja-JP' });

  test('the consent popup is in Japanese, and names the Gmail box as the app does', async ({ page, google }) => {
    expect(await google.clients()).toHaveLength(2); // the demo client and this lane's
    await openApp(page, '/?lang=ja');
    const popup = await popupFrom(page, () => connectButton(page).click());
    await popup.getByRole('link', { name: new RegExp(alice) }).click();
    await expect(
      popup.getByRole('heading', { name: 'Fumi が Google アカウントへのアクセスをリクエストしています' }),
    ).toBeVisible();
    const box = 'ユーザーに代わってメールを送信';
    await expect(popup.getByLabel(box)).toBeVisible();
    expect(authText['auth.partial-grant.body'].ja).toContain(`「${box}」`);
    await popup.getByLabel('すべて選択').check();
    await popup.getByRole('button', { name: '許可' }).click();
    await expect(accountRegion(page)).toContainText(alice);
  });
});
