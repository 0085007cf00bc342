/**
 * Expiry and 401 seen from the compose page: the next Send renews the token silently (prompt '', login_hint, no
 * consent screen) and the mail arrives once; a 401 mid-send pauses it until "Reconnect and send".
 */
import type { Page } from '@playwright/test';
import { snapshotAtRest } from '../../support/at-rest.ts';
import { expect, test } from '../../support/fixtures.ts';
import {
  accountRegion,
  alice,
  bodyField,
  google,
  openConnected,
  sendButton,
  subjectField,
  toField,
} from '../compose/helpers.ts';

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
  await expect.poll(async () => (await google.outbox()).length).toBe(1);

  // Both clocks move past the token's 3599 s: the double rejects the old token, the page knows it is stale.
  await google.advanceClock(3700);
  await page.clock.fastForward('01:02:00');
  await google.setConsentScript({ action: 'manual' }); // a consent screen would now wait for a click, and fail the test

  await compose(page, 'After expiry');
  const popup = page.waitForEvent('popup');
  await sendButton(page).click();
  const renewal = new URL((await popup).url());
  expect(renewal.searchParams.get('prompt')).toBe('');
  expect(renewal.searchParams.get('login_hint')).toBe(alice);
  await expect
    .poll(async () => (await google.outbox()).map((sent) => sent.parsed.subject))
    .toEqual(['Before expiry', 'After expiry']);
  await expect(accountRegion(page)).toContainText(`Sending as ${alice}`);
});

test('a 401 mid-send pauses the send; "Reconnect and send" delivers it once', async ({ page }) => {
  await openConnected(page);
  await google.injectFaults([{ kind: 'unauthorized', route: 'any', times: 1 }]);
  await compose(page, 'Through a 401');
  await sendButton(page).click();
  const reconnect = page.getByRole('button', { name: 'Reconnect and send' });
  await expect(reconnect).toBeVisible();
  await expect(bodyField(page)).toHaveValue('Body of Through a 401');
  expect(await google.outbox()).toHaveLength(0);

  const popup = page.waitForEvent('popup');
  await reconnect.click();
  expect(new URL((await popup).url()).searchParams.get('prompt')).toBe('');
  await expect.poll(async () => (await google.outbox()).map((sent) => sent.parsed.subject)).toEqual(['Through a 401']);
});
