/**
 * A running campaign and what stops it, in the built app against the offline Google: Pause and Resume (across a
 * reload), Gmail's sending limit ("continues after <time>", and going on by itself when the wait is short), and a
 * "not sure" row that is listed for the person and never sent again by itself. The campaign's clock is sped up
 * (src/merge/time-scale.ts); every wait below is for a state the page shows, never a fixed time.
 */
import { expect, test } from '../../support/fixtures.ts';
import {
  address,
  arrived,
  expectEachOnce,
  finished,
  google,
  pageDateTime,
  prepare,
  speedUpCampaigns,
  statusCells,
} from './helpers.ts';

test('Pause stops sending, a reload keeps it paused, Resume goes on; every row once', async ({ page, context }) => {
  await speedUpCampaigns(context, 10);
  await prepare(page, 20);
  await page.getByRole('button', { name: 'Start sending' }).click();
  await expect.poll(async () => (await arrived()).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByText('Paused. Nothing more is sent until you resume.')).toBeVisible();
  // A request already on its way finishes; after that nothing is in the outbox and the page counts what arrived.
  await expect(statusCells(page, 'Sending')).toHaveCount(0);
  await expect(statusCells(page, 'In the outbox')).toHaveCount(0);
  const sent = (await arrived()).length;
  expect(sent).toBeLessThan(20);
  await expect(statusCells(page, 'Sent')).toHaveCount(sent);
  await expect(page.getByText(`Sent ${sent} · Failed 0 · Not sure 0 · Remaining ${20 - sent}`)).toBeVisible();

  // A reload runs the campaign's step again from what is stored: it stays paused and sends nothing.
  await page.reload();
  await expect(page.getByText('Paused. Nothing more is sent until you resume.')).toBeVisible();
  await expect(page.getByText(`Sent ${sent} · Failed 0 · Not sure 0 · Remaining ${20 - sent}`)).toBeVisible();
  expect((await arrived()).length).toBe(sent);

  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(finished(page)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Sent 20 · Failed 0 · Not sure 0 · Remaining 0')).toBeVisible();
  await expectEachOnce(20);
});

test('Gmail’s sending limit stops the campaign: it says when it continues, and nothing more is sent', async ({
  page,
  context,
}) => {
  await speedUpCampaigns(context, 60);
  await prepare(page, 5);
  // Two messages go, then Gmail answers every send with its mail-sending limit and a time three hours ahead.
  const retryAt = Date.now() + 3 * 3_600_000;
  await google.injectFaults([
    { kind: 'delay', ms: 1, times: 2, route: 'send' },
    { kind: 'tooManyRequests', retryAfterIso: new Date(retryAt).toISOString(), times: 50, route: 'send' },
  ]);
  await page.getByRole('button', { name: 'Start sending' }).click();
  const time = await pageDateTime(page, retryAt);
  await expect(page.getByText(`Gmail’s sending limit was reached: it continues after ${time}.`)).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByText('Sent 2 · Failed 0 · Not sure 0 · Remaining 3')).toBeVisible();
  await expect(statusCells(page, 'Sending')).toHaveCount(0);
  await expect(statusCells(page, 'In the outbox')).toHaveCount(0);
  expect((await arrived()).map((message) => message.to)).toEqual([address(1), address(2)]);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.getByRole('link', { name: 'All campaigns' }).click();
  await expect(page.getByRole('table')).toContainText('Waiting for the daily limit');
});

test('a short wait from Gmail: the campaign says until when, then goes on by itself; every row once', async ({
  page,
  context,
}) => {
  await speedUpCampaigns(context, 60);
  await prepare(page, 5);
  // The wait shows from Gmail's answer until retryAt; on a loaded machine the first two sends alone took over 5 s, so
  // the window is 20 s (the policy waits by itself up to 60 s) and the state is looked for during all of it.
  const retryAt = Date.now() + 20_000;
  await google.injectFaults([
    { kind: 'delay', ms: 1, times: 1, route: 'send' },
    { kind: 'tooManyRequests', retryAfterIso: new Date(retryAt).toISOString(), route: 'send' },
  ]);
  await page.getByRole('button', { name: 'Start sending' }).click();
  await expect(page.getByText(/^Gmail’s sending limit was reached: it continues after .+\.$/)).toBeVisible({
    timeout: 20_000,
  });
  expect(Date.now()).toBeLessThan(retryAt);
  await expect(finished(page)).toBeVisible({ timeout: 45_000 });
  expect(Date.now()).toBeGreaterThanOrEqual(retryAt);
  await expectEachOnce(5);
});

test('a "not sure" row is listed for the person and never sent again by itself, not even after a reload', async ({
  page,
  context,
}) => {
  await speedUpCampaigns(context, 60);
  await prepare(page, 5);
  // Row 3's request reaches Gmail, which sends it, but the answer never comes back.
  await google.injectFaults([
    { kind: 'delay', ms: 1, times: 1, route: 'send' },
    { kind: 'dropAfterAccept', route: 'send' },
  ]);
  await page.getByRole('button', { name: 'Start sending' }).click();
  const notSure = page.getByText(
    'Not sure about 1 of the messages: check Gmail’s Sent folder, then decide for each one below.',
  );
  await expect(notSure).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('Sent 4 · Failed 0 · Not sure 1 · Remaining 0')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send row 3 again' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open the Sent folder' })).toBeVisible();
  await expectEachOnce(5);

  await page.reload();
  await expect(notSure).toBeVisible();
  await expect(page.getByRole('button', { name: 'Row 3 was sent' })).toBeVisible();
  await expectEachOnce(5);

  // The person looked in Sent (here, the double's outbox): it is there.
  await page.getByRole('button', { name: 'Row 3 was sent' }).click();
  await expect(finished(page)).toBeVisible();
  await expect(page.getByText('Sent 5 · Failed 0 · Not sure 0 · Remaining 0')).toBeVisible();
  await expectEachOnce(5);
});
