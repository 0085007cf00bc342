/**
 * Nothing secret at rest (issue 9): through the main flows — connect, send, silent renewal after expiry, sign out —
 * no access token the offline Google issued is found in the URL, history state, Web Storage, IndexedDB (records and
 * Blobs) or cookies, by shape (`ya29.`) or by its exact value. The fixture fails the test on a token in the console.
 */
import type { Page } from '@playwright/test';
import { tokensAtRest } from '../../support/at-rest.ts';
import { expect, test } from '../../support/fixtures.ts';
import { signOutFromMenu } from '../app/helpers.ts';
import { accountRegion, alice, google, openConnected } from '../compose/helpers.ts';
import { expectSent, sendButton, writeDraft } from './helpers.ts';

async function expectNothingAtRest(page: Page, step: string) {
  const issued = (await google.tokens()).map((token) => token.token);
  expect(issued.length, `tokens issued by ${step}`).toBeGreaterThan(0);
  expect(await tokensAtRest(page, issued), `after ${step}`).toEqual([]);
}

test('connect, send, renew after expiry, sign out: no token anywhere at rest', async ({ page }) => {
  await page.clock.install();
  await openConnected(page);
  await expectNothingAtRest(page, 'connect');

  await writeDraft(page, 'At rest: first');
  await sendButton(page).click();
  await expectSent(page);
  await expectNothingAtRest(page, 'send');

  await google.advanceClock(3700);
  await page.clock.fastForward('01:02:00');
  // The form is empty again once the outbox has the message; starting the next one clears "Message sent.".
  await writeDraft(page, 'At rest: after renewal');
  await expect(page.getByText('Message sent.')).toBeHidden();
  const popup = page.waitForEvent('popup');
  await sendButton(page).click();
  await popup;
  await expectSent(page);
  expect((await google.tokens()).length).toBeGreaterThanOrEqual(2);
  await expectNothingAtRest(page, 'renewal');

  await signOutFromMenu(page);
  await expect(accountRegion(page).getByRole('button', { name: /Connect/ })).toBeVisible();
  await expect.poll(async () => (await google.tokens()).every((token) => token.revoked)).toBe(true);
  await expectNothingAtRest(page, 'sign out');

  await page.reload();
  await expect(accountRegion(page).getByRole('button', { name: `Connect as ${alice}` })).toBeVisible({
    timeout: 20_000,
  });
  await expectNothingAtRest(page, 'reload');
});
