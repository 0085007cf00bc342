/**
 * Gmail's limits in a running campaign, in the built app against the offline Google: the daily limit stops it with
 * "continues after <time>" and it continues when that time has come, both with the tab left open and when the
 * person comes back the next day; and 429s without a time back off longer each time, then sending goes on. The
 * daily limit is Gmail's 429 "User-rate limit exceeded.  Retry after <ISO>", which refuses every send until then
 * (gmail-send.md §3); time passes by moving the page's clock and the double's together, never by sleeping.
 */
import type { Page } from '@playwright/test';
import type { RequestLogEntry } from '../../offline-google/control.ts';
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

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The double's clock now (epoch ms): Gmail's retry times are on it. */
const doubleNow = async () => Date.parse((await google.clock()).now);

/**
 * Time passes by `ms` for Gmail and for the page alike: the double's clock first (so a limit due to lift has lifted
 * when the page's timers fire), then the page's, which fires each of its timers due by then.
 */
async function letTimePass(page: Page, ms: number) {
  await google.advanceClock(ms / 1000);
  await page.context().clock.fastForward(Math.round(ms));
}

/** The send requests Gmail got, in order, with their status and when they arrived (on the double's clock). */
async function sendRequests(): Promise<RequestLogEntry[]> {
  return (await google.requests()).filter((entry) => entry.route === 'send' && entry.method === 'POST');
}

/** Two rows go, then Gmail's daily limit refuses every send until `retryAt`, naming that time. */
async function dailyLimitAfterTwo(retryAt: number) {
  const iso = new Date(retryAt).toISOString();
  await google.injectFaults([
    { kind: 'delay', ms: 1, times: 2, route: 'send' },
    { kind: 'tooManyRequests', retryAfterIso: iso, until: iso, route: 'send' },
  ]);
}

async function expectStoppedUntil(page: Page, retryAt: number) {
  const time = await pageDateTime(page, retryAt);
  await expect(page.getByText(`Gmail’s sending limit was reached: it continues after ${time}.`)).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByText('Sent 2 · Failed 0 · Not sure 0 · Remaining 3')).toBeVisible();
  await expect(statusCells(page, 'Sending')).toHaveCount(0);
}

/**
 * Nothing was tried during the wait: the refusals are only the rows already on their way when the limit struck (at
 * most the three the campaign keeps queued), none from `quietFrom` on, and every send after them came at `retryAt`
 * or later, when Gmail had lifted the limit.
 */
async function expectNothingDuringTheWait(retryAt: number, quietFrom: number) {
  const sends = await sendRequests();
  const firstRefusal = sends.findIndex((entry) => entry.status === 429);
  const refused = sends.filter((entry) => entry.status === 429);
  expect(firstRefusal).toBe(2);
  expect(refused.length).toBeLessThanOrEqual(3);
  for (const entry of refused) expect(Date.parse(entry.at)).toBeLessThan(quietFrom);
  const after = sends.slice(firstRefusal).filter((entry) => entry.status !== 429);
  expect(after.map((entry) => entry.status)).toEqual([200, 200, 200]);
  for (const entry of after) expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(retryAt);
}

async function expectAllSentOnce(page: Page) {
  await expect(finished(page)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Sent 5 · Failed 0 · Not sure 0 · Remaining 0')).toBeVisible();
  await expect(statusCells(page, 'Sent')).toHaveCount(5);
  await expectEachOnce(5);
}

test('the daily limit stops the campaign; with the tab left open it goes on by itself when the time comes, every row once', async ({
  page,
  context,
}) => {
  await speedUpCampaigns(context, 60);
  await context.clock.install();
  await prepare(page, 5);
  // Gmail's daily-limit answer usually names a time about 15 minutes ahead (gmail-send.md §3); the page's access
  // token (3599 s) outlives the wait, so nothing needs the person.
  const retryAt = (await doubleNow()) + 15 * MINUTE;
  await dailyLimitAfterTwo(retryAt);
  await page.getByRole('button', { name: 'Start sending' }).click();
  await expectStoppedUntil(page, retryAt);

  // A minute before the time: every timer due by then has fired, and the campaign still waits.
  await letTimePass(page, retryAt - MINUTE - (await doubleNow()));
  await expectStoppedUntil(page, retryAt);

  // The time has come: the campaign goes on by itself, from where it stopped.
  await letTimePass(page, retryAt + 1_000 - (await doubleNow()));
  await expectAllSentOnce(page);
  expect((await arrived()).map((message) => message.to)).toEqual([1, 2, 3, 4, 5].map(address));
  await expectNothingDuringTheWait(retryAt, retryAt - MINUTE);
});

test('the daily limit stops the campaign; coming back the next day it continues after one click, every row once', async ({
  page,
  context,
}) => {
  await speedUpCampaigns(context, 60);
  await context.clock.install();
  await prepare(page, 5);
  const retryAt = (await doubleNow()) + 3 * HOUR;
  await dailyLimitAfterTwo(retryAt);
  await page.getByRole('button', { name: 'Start sending' }).click();
  await expectStoppedUntil(page, retryAt);
  const campaign = page.url();

  // The person leaves Fumi (another site in the tab) and comes back the next day.
  await page.goto(await google.addTestPage('elsewhere', '<!doctype html><title>Elsewhere</title><p>Elsewhere.</p>'));
  await letTimePass(page, 24 * HOUR);
  await page.goto(campaign);
  // The access token lived only in the closed page: one click connects again, and sending goes on.
  await page.getByRole('button', { name: 'Connect and continue' }).click();
  await expectAllSentOnce(page);
  await expectNothingDuringTheWait(retryAt, retryAt);
});

test('429s without a retry time: the campaign backs off longer each time, says it is waiting, then goes on; every row once', async ({
  page,
}) => {
  // In real time at 20 a minute (about 3 s apart): Gmail's answers hold the whole campaign long before the next row
  // is due, so the refusals meet one message and its waits can be measured. The policy waits 2^n s plus up to 1 s
  // (src/gmail/policy.ts `backoffDelayMs`): 1, 2, 4 s here. Real time is the point, so the run takes its 20 s.
  test.setTimeout(90_000);
  await prepare(page, 4, 20);
  await google.injectFaults([
    { kind: 'delay', ms: 1, times: 1, route: 'send' },
    { kind: 'tooManyRequests', times: 3, route: 'send' },
  ]);
  await page.getByRole('button', { name: 'Start sending' }).click();
  await expect(page.getByText(/^Gmail’s sending limit was reached: it continues after .+\.$/)).toBeVisible({
    timeout: 20_000,
  });
  // The rows it holds meanwhile wait for Gmail too: nobody paused them.
  await expect(statusCells(page, 'Waiting for Gmail’s limit').first()).toBeVisible();
  await expect(finished(page)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('Sent 4 · Failed 0 · Not sure 0 · Remaining 0')).toBeVisible();
  await expect(statusCells(page, 'Sent')).toHaveCount(4);
  await expectEachOnce(4);
  expect((await arrived()).map((message) => message.to)).toEqual([1, 2, 3, 4].map(address));

  const sends = await sendRequests();
  expect(sends.map((entry) => entry.status)).toEqual([200, 429, 429, 429, 200, 200, 200]);
  // The second message's four tries: each wait at least as long as the policy's, and growing.
  const tries = sends.slice(1, 5).map((entry) => Date.parse(entry.at));
  const waits = tries.slice(1).map((at, i) => at - tries[i]!);
  expect(waits[0]).toBeGreaterThanOrEqual(1_000);
  expect(waits[1]).toBeGreaterThanOrEqual(2_000);
  expect(waits[2]).toBeGreaterThanOrEqual(4_000);
  test.info().annotations.push({ type: 'waits', description: waits.map((ms) => `${ms} ms`).join(', ') });
});
