/**
 * Expiry and 401 seen from the compose page: the next Send renews the token silently (prompt '', login_hint, no
 * consent screen) and the mail arrives once; a 401 mid-send pauses it until "Reconnect and send".
 *
 * After a renewal these tests wait for what the user waits for, in order: Google's popup finishing (it closes
 * itself), then the mail listed under "Sent from this browser" (shown only after Gmail's 200; "Message sent." may
 * still be on screen from the mail before), and only then read the outbox, once. They used to poll the outbox for 5 s from
 * the moment the popup opened: on a loaded machine (measured with two CPU hogs) the popup alone took 7.5 s from
 * the click to its answer (a new renderer process, the consent page, the decision), so the poll gave up 0.5 s
 * before Gmail's 200 and the failure screenshot showed "Message sent." beside an empty outbox.
 */
import type { Page } from '@playwright/test';
import { snapshotAtRest } from '../../support/at-rest.ts';
import { expect, test } from '../../support/fixtures.ts';
import { whenClosed } from '../../support/popups.ts';
import { accountRegion, alice, bodyField, google, sendButton, subjectField, toField } from '../compose/helpers.ts';

/**
 * Fresh double, the page opened, Alice connected, waiting for the popup to close before the page is checked (not
 * compose/helpers.ts `openConnected`, which gives the whole popup 5 s: under load it took 4.1 s).
 */
async function openConnected(page: Page) {
  await google.reset();
  await google.setConsentScript({ action: 'approve', account: alice });
  await page.goto('/');
  const popup = page.waitForEvent('popup');
  await accountRegion(page).getByRole('button', { name: 'Connect Gmail account' }).click({ timeout: 20_000 });
  await whenClosed(await popup);
  await expect(accountRegion(page)).toContainText(alice);
}

/** The user's own confirmation that this mail went: its line in "Sent from this browser". */
async function listedAsSent(page: Page, subject: string) {
  await expect(page.getByRole('region', { name: 'Sent from this browser' })).toContainText(subject);
}

async function compose(page: Page, subject: string) {
  await toField(page).fill('bob@example.com,');
  await subjectField(page).fill(subject);
  await bodyField(page).fill(`Body of ${subject}`);
}

test.afterEach(async ({ page }) => {
  expect(JSON.stringify(await snapshotAtRest(page))).not.toMatch(/ya29\.[\w-]{8,}/);
});

test('after expiry, the next Send renews without a consent screen and the mail arrives once', async ({ page }) => {
  await page.clock.install();
  await openConnected(page);
  await compose(page, 'Before expiry');
  await sendButton(page).click();
  await listedAsSent(page, 'Before expiry');
  expect(await google.outbox()).toHaveLength(1);

  // Both clocks move past the token's 3599 s: the double rejects the old token, the page knows it is stale.
  await google.advanceClock(3700);
  await page.clock.fastForward('01:02:00');
  await google.setConsentScript({ action: 'manual' }); // a consent screen would now wait for a click, and fail the test

  await compose(page, 'After expiry');
  const popup = page.waitForEvent('popup');
  await sendButton(page).click();
  const renewal = await popup;
  const url = new URL(renewal.url());
  expect(url.searchParams.get('prompt')).toBe('');
  expect(url.searchParams.get('login_hint')).toBe(alice);
  await whenClosed(renewal);
  await listedAsSent(page, 'After expiry');
  expect((await google.outbox()).map((sent) => sent.parsed.subject)).toEqual(['Before expiry', 'After expiry']);
  await expect(accountRegion(page)).toContainText(`Sending as ${alice}`);
});

test('a 401 mid-send pauses the send; "Reconnect and send" delivers it once', async ({ page }) => {
  await openConnected(page);
  await google.injectFaults([{ kind: 'unauthorized', route: 'any', times: 1 }]);
  await compose(page, 'Through a 401');
  await sendButton(page).click();
  const reconnect = page.getByRole('button', { name: 'Reconnect and send' });
  await expect(reconnect).toBeVisible();
  // The outbox holds the message (built once, same bytes later); the form is free for the next mail.
  await expect(page.getByText('This message is ready. Google needs you to confirm', { exact: false })).toBeVisible();
  await expect(bodyField(page)).toHaveValue('');
  expect(await google.outbox()).toHaveLength(0);

  const popup = page.waitForEvent('popup');
  await reconnect.click();
  const renewal = await popup;
  expect(new URL(renewal.url()).searchParams.get('prompt')).toBe('');
  await whenClosed(renewal);
  await listedAsSent(page, 'Through a 401');
  expect((await google.outbox()).map((sent) => sent.parsed.subject)).toEqual(['Through a 401']);
});
