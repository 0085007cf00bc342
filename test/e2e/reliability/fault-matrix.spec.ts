/**
 * The fault matrix (issue 9): one row per way Google, the network or the browser can fail a send, driven through
 * the built app as a user would, against the offline Google. Each row asserts what the user sees, that nothing the
 * user wrote is lost (in the form when the send never reached the outbox or came back from it, in the outbox when it
 * waits there or is "not sure"), and how many messages arrived: exactly one where the policy retries, none or one
 * where the app says "not sure", never two. After each row no token is
 * left in any storage (helpers.finishRow), and the table is printed at the end of the run (matrix-reporter.ts).
 *
 * Long waits are skipped, not slept: rows with backoff install Playwright's clock and move it once the page shows
 * its countdown; rows with a Retry-After use one or two real seconds.
 */
import type { BrowserContext, Page, Route } from '@playwright/test';
import * as googleErrors from '../../offline-google/errors.ts';
import { expect, test } from '../../support/fixtures.ts';
import { accountRegion, alice, file, google, openConnected } from '../compose/helpers.ts';
import {
  answerWithGoogleError,
  arrived,
  connectButton,
  expectDraftAfterReload,
  expectDraftInForm,
  expectInOutbox,
  expectSent,
  type FaultRow,
  faultRow,
  finishRow,
  sendButton,
  sendRequests,
  sendUrl,
  uploadUrl,
  writeDraft,
} from './helpers.ts';

const gmailSend = 'https://www.googleapis.com/auth/gmail.send';
let row: FaultRow | null = null;

test.afterEach(async ({ page }) => {
  if (row) await finishRow(page, row);
  row = null;
});

/**
 * Fake-clock rows: moves time on, one backoff at a time (each wait is at most 17 s), until `end` is visible. A
 * move made while no wait is pending (a countdown still on screen as the next try starts) only advances the clock.
 */
async function skipWaitsUntil(page: Page, end: RegExp | string, limit = 12) {
  const ended = page.getByText(end);
  for (let step = 0; step < limit; step++) {
    // Between the two, the next try is on its way: a large upload took over 5 s on a loaded machine.
    await expect(page.getByText(/Trying again in \d+ s/).or(ended)).toBeVisible({ timeout: 20_000 });
    if ((await ended.count()) > 0) return;
    await page.clock.fastForward(17_000);
  }
  await expect(ended).toBeVisible();
}

test('token expired before Send: renewed silently inside the click, sent once', async ({ page }) => {
  row = faultRow('token expired before Send', 'a brief Google window, then “Message sent.”', '1');
  await page.clock.install();
  await openConnected(page);
  await writeDraft(page, row.subject);
  // Both clocks pass the token's 3599 s; a consent screen would now wait for a click and fail the row.
  await google.advanceClock(3700);
  await page.clock.fastForward('01:02:00');
  await google.setConsentScript({ action: 'manual' });
  const popup = page.waitForEvent('popup');
  await sendButton(page).click();
  expect(new URL((await popup).url()).searchParams.get('prompt')).toBe('');
  await expectSent(page);
  row.draftKept = (await arrived(row.subject)) === 1;
  expect(await arrived(row.subject)).toBe(1);
});

test('401 mid-send: "Reconnect and send" delivers it once', async ({ page }) => {
  row = faultRow('401 mid-send', '“This message is ready. Google needs you to confirm…” + Reconnect and send', '1');
  await openConnected(page);
  await writeDraft(page, row.subject);
  await google.injectFaults([{ kind: 'unauthorized', route: 'send' }]);
  await sendButton(page).click();
  await expectInOutbox(page, row.subject, /This message is ready. Google needs you to confirm your account/);
  row.draftKept = true;
  expect(await arrived(row.subject)).toBe(0);
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Reconnect and send' }).click();
  await popup;
  await expectSent(page);
  expect(await arrived(row.subject)).toBe(1);
});

test('popup blocked: named with the fix, and "Try again" sends once', async ({ page }) => {
  row = faultRow('popup blocked', '“The browser blocked Google’s sign-in window” + how to allow + Try again', '1');
  await google.reset();
  await google.setConsentScript({ action: 'approve', account: alice });
  // A pop-up blocker makes window.open return null, which is all GIS can see of it.
  await page.addInitScript(() => {
    const real = window.open.bind(window);
    const w = window as unknown as { __blockPopups: boolean };
    w.__blockPopups = true;
    window.open = (...args) => (w.__blockPopups ? null : real(...args));
  });
  await page.goto('/');
  await expect(connectButton(page)).toBeEnabled({ timeout: 20_000 });
  await writeDraft(page, row.subject);
  await sendButton(page).click();
  await expect(page.getByText('The browser blocked Google’s sign-in window')).toBeVisible();
  await expectDraftInForm(page, row.subject);
  row.draftKept = true;
  await page.evaluate(() => {
    (window as unknown as { __blockPopups: boolean }).__blockPopups = false;
  });
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Try again' }).click();
  await popup;
  await expectSent(page);
  expect(await arrived(row.subject)).toBe(1);
});

test('popup closed: back to the form quietly, nothing sent, draft kept across a reload', async ({ page }) => {
  row = faultRow('popup closed', 'no error; Connect offered again', '0');
  await google.reset();
  await google.setConsentScript({ action: 'close' });
  await page.goto('/');
  await expect(connectButton(page)).toBeEnabled({ timeout: 20_000 });
  await writeDraft(page, row.subject);
  const popup = page.waitForEvent('popup');
  await sendButton(page).click();
  await popup;
  await expect(connectButton(page)).toBeVisible();
  await expect(page.getByText(/Google sign-in failed|did not give permission/)).toHaveCount(0);
  await expectDraftInForm(page, row.subject);
  await expectDraftAfterReload(page, row.subject);
  row.draftKept = true;
  expect(await sendRequests()).toBe(0);
});

test('consent denied: explained, and "Ask Google again" sends once', async ({ page }) => {
  row = faultRow('consent denied', '“Google did not give permission” + why + Ask Google again', '1');
  await google.reset();
  await google.setConsentScript({ action: 'deny' });
  await page.goto('/');
  await expect(connectButton(page)).toBeEnabled({ timeout: 20_000 });
  await writeDraft(page, row.subject);
  await sendButton(page).click();
  await expect(page.getByRole('heading', { name: 'Google did not give permission' })).toBeVisible();
  await expectDraftInForm(page, row.subject);
  row.draftKept = true;
  await google.setConsentScript({ action: 'approve', account: alice });
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Ask Google again' }).click();
  await popup;
  await expectSent(page);
  expect(await arrived(row.subject)).toBe(1);
});

test('partial grant: the unticked box is named, and "Ask again" sends once', async ({ page }) => {
  row = faultRow('partial grant', '“The permission to send mail was left unticked” + Ask again', '1');
  await google.reset();
  await google.setConsentScript({ action: 'approve', account: alice, scopes: [] });
  await page.goto('/');
  await expect(connectButton(page)).toBeEnabled({ timeout: 20_000 });
  await writeDraft(page, row.subject);
  await sendButton(page).click();
  await expect(page.getByText('The permission to send mail was left unticked')).toBeVisible();
  await expectDraftInForm(page, row.subject);
  row.draftKept = true;
  await google.setConsentScript({ action: 'approve', account: alice, scopes: [gmailSend] });
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Ask again' }).click();
  await popup;
  await expectSent(page);
  expect(await arrived(row.subject)).toBe(1);
});

test('403 insufficient scope: says which permission is missing, nothing sent', async ({ page }) => {
  row = faultRow(
    '403 insufficient scope',
    '“This page was not given permission to send mail. Reconnect and tick…”',
    '0',
  );
  await openConnected(page);
  await writeDraft(page, row.subject);
  await answerWithGoogleError(page, sendUrl, googleErrors.insufficientScopes([gmailSend], 'gmail.users.messages.send'));
  await sendButton(page).click();
  await expect(page.getByRole('form').getByText(/This page was not given permission to send mail/)).toBeVisible();
  await expectDraftInForm(page, row.subject);
  await expectDraftAfterReload(page, row.subject);
  row.draftKept = true;
});

test('429 with a retry time: a countdown, then sent once by itself', async ({ page }) => {
  row = faultRow(
    '429 with Retry-After: 2',
    '“Gmail asked us to wait. Trying again in 2 s.”, then “Message sent.”',
    '1',
  );
  await openConnected(page);
  await writeDraft(page, row.subject);
  await google.injectFaults([{ kind: 'tooManyRequests', retryAfterHeaderSeconds: 2, route: 'send' }]);
  await sendButton(page).click();
  await expectInOutbox(page, row.subject, /Trying again in [12] s/);
  row.draftKept = true;
  await expectSent(page);
  expect(await arrived(row.subject)).toBe(1);
  expect(await sendRequests()).toBe(2);
});

test('429 "sending limit, retry after" 15 min: no retry, says when, draft kept', async ({ page }) => {
  row = faultRow(
    '429 Gmail sending limit (retry in 15 min)',
    '“…reached Gmail’s sending limit… send again after <time>”',
    '0',
  );
  await openConnected(page);
  await writeDraft(page, row.subject);
  await google.injectFaults([{ kind: 'tooManyRequests', retryAfterIso: 'auto', route: 'send' }]);
  await sendButton(page).click();
  await expect(page.getByText(/reached Gmail’s sending limit.*You can send again after/)).toBeVisible();
  expect(await sendRequests()).toBe(1);
  await expectDraftAfterReload(page, row.subject);
  row.draftKept = true;
});

test('429 without a retry time: backs off by itself, sent once', async ({ page }) => {
  row = faultRow('429 without retry time', 'countdown (1–2 s backoff), then “Message sent.”', '1');
  await openConnected(page);
  await writeDraft(page, row.subject);
  await google.injectFaults([{ kind: 'tooManyRequests', route: 'send' }]);
  await sendButton(page).click();
  await expect(page.getByText(/Trying again in \d s/)).toBeVisible();
  row.draftKept = true;
  await expectSent(page);
  expect(await arrived(row.subject)).toBe(1);
});

test('403 rate limit: backs off by itself, sent once', async ({ page }) => {
  row = faultRow('403 rateLimitExceeded', 'countdown (1–2 s backoff), then “Message sent.”', '1');
  await openConnected(page);
  await writeDraft(page, row.subject);
  await google.injectFaults([{ kind: 'forbidden', reason: 'rateLimitExceeded', route: 'send' }]);
  await sendButton(page).click();
  await expect(page.getByText(/Trying again in \d s/)).toBeVisible();
  row.draftKept = true;
  await expectSent(page);
  expect(await arrived(row.subject)).toBe(1);
});

test('daily limit reached: says which limit, no retry, draft kept across a reload', async ({ page }) => {
  row = faultRow('403 dailyLimitExceeded', '“…used its daily Gmail API quota…” + code daily-limit', '0');
  await openConnected(page);
  await writeDraft(page, row.subject);
  await google.injectFaults([{ kind: 'forbidden', reason: 'dailyLimitExceeded', route: 'send', times: 5 }]);
  await sendButton(page).click();
  // Refused, so nothing went: the message comes back to the form with the reason (and leaves the outbox).
  await expect(page.getByRole('form').getByText(/daily Gmail API quota/)).toBeVisible();
  expect(await sendRequests()).toBe(1);
  await expectDraftInForm(page, row.subject);
  await expectDraftAfterReload(page, row.subject);
  row.draftKept = true;
});

// messages.send is not idempotent, and Google does not say a 5xx means "not processed" (google.rpc.Code:
// DEADLINE_EXCEEDED "may be returned even if the operation has completed successfully"; UNAVAILABLE "not always
// safe to retry non-idempotent operations"), so a 5xx to the request that carried the message is "not sure".
test('500 to an ordinary message: "not sure", never resent by itself; Send again sends it once', async ({ page }) => {
  row = faultRow('500 to the JSON request', '“Not sure this was sent: Gmail answered with a server error…”', '1');
  await openConnected(page);
  await writeDraft(page, row.subject);
  await google.injectFaults([{ kind: 'serverError', status: 500, route: 'send' }]);
  await sendButton(page).click();
  await expectInOutbox(page, row.subject, /Not sure this was sent: Gmail answered with a server error/);
  row.draftKept = true;
  expect(await sendRequests()).toBe(1);
  expect(await arrived(row.subject)).toBe(0);
  await page.getByRole('button', { name: 'Send again' }).click();
  await expectSent(page);
  expect(await arrived(row.subject)).toBe(1);
});

test('accepted, then 503: "not sure", arrived once, never resent', async ({ page }) => {
  row = faultRow('503 after Gmail accepted it', '“Not sure this was sent: Gmail answered with a server error…”', '1');
  await openConnected(page);
  await writeDraft(page, row.subject);
  await google.injectFaults([{ kind: 'serverErrorAfterAccept', status: 503, route: 'send' }]);
  await sendButton(page).click();
  await expectInOutbox(page, row.subject, /Not sure this was sent: Gmail answered with a server error/);
  row.draftKept = true;
  await page.waitForTimeout(1_500);
  expect(await sendRequests()).toBe(1);
  expect(await arrived(row.subject)).toBe(1);
});

test('503 five times on a large message: five backoffs (clock skipped), then sent once', async ({ page }) => {
  row = faultRow('503 five times (upload)', 'five countdowns (1, 2, 4, 8, 16 s), then “Message sent.”', '1');
  await page.clock.install();
  await openConnected(page);
  const data = await writeLargeDraft(page, row.subject);
  await google.injectFaults([{ kind: 'serverError', status: 503, route: 'upload', times: 5 }]);
  await sendButton(page).click();
  await skipWaitsUntil(page, 'Message sent.');
  row.draftKept = true;
  await expectAttachmentArrived(row.subject, data);
  const starts = (await google.requests()).filter((entry) => entry.route === 'upload' && entry.method === 'POST');
  expect(starts.map((entry) => entry.status)).toEqual([503, 503, 503, 503, 503, 200]);
});

test('503 every time on a large message: gives up after six tries, nothing sent, back in the form', async ({
  page,
}) => {
  row = faultRow('503 on every try (upload)', '“Gmail kept failing after 6 tries. Nothing was sent.” + Try again', '0');
  await page.clock.install();
  await openConnected(page);
  await writeLargeDraft(page, row.subject);
  await google.injectFaults([{ kind: 'serverError', status: 503, route: 'upload', times: 20 }]);
  await sendButton(page).click();
  await skipWaitsUntil(page, /Gmail kept failing after 6 tries\./);
  expect(await sendRequests()).toBe(6);
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expectDraftInForm(page, row.subject);
  row.draftKept = true;
  await google.clearFaults();
});

test('connection dropped before the request left: "not sure", nothing arrived, never resent', async ({ page }) => {
  row = faultRow(
    'connection dropped before the request left',
    '“Not sure this was sent — check your Sent folder…”',
    '0',
  );
  await openConnected(page);
  await writeDraft(page, row.subject);
  await google.injectFaults([{ kind: 'dropBeforeBody', route: 'send' }]);
  await sendButton(page).click();
  await expectInOutbox(page, row.subject, /Not sure this was sent/);
  await expect(page.getByRole('link', { name: 'Open Sent folder' })).toBeVisible();
  row.draftKept = true;
  expect(await sendRequests()).toBe(1);
  expect(await arrived(row.subject)).toBe(0);
});

test('connection dropped after the request was received: "not sure", arrived once, never resent', async ({ page }) => {
  row = faultRow(
    'connection dropped after Gmail received it',
    '“Not sure this was sent…” + Open Sent folder + Send again',
    '0 or 1',
  );
  await openConnected(page);
  await writeDraft(page, row.subject);
  await google.injectFaults([{ kind: 'dropAfterAccept', route: 'send' }]);
  await sendButton(page).click();
  await expectInOutbox(page, row.subject, /Not sure this was sent/);
  await expect(page.getByRole('link', { name: 'Open Sent folder' })).toHaveAttribute('href', /#sent$/);
  row.draftKept = true;
  // The outcome is final: no timer is left that could send it again behind the user's back.
  await expect(page.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
  expect(await sendRequests()).toBe(1);
  expect(await arrived(row.subject)).toBe(1);
});

function payload(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 131 + 7) & 0xff;
  return bytes;
}

/** A draft over the JSON cap (4.5 MB), so it goes through the resumable upload in 1 MiB chunks. */
async function writeLargeDraft(page: Page, subject: string) {
  await writeDraft(page, subject);
  const data = payload(6_000_000);
  await page.getByLabel('Attach files').setInputFiles(file('data.bin', data, 'application/octet-stream'));
  await expect(page.getByText('data.bin')).toBeVisible();
  return data;
}

async function expectAttachmentArrived(subject: string, data: Buffer) {
  const sent = (await google.outbox()).find((message) => message.parsed.subject === subject);
  expect(sent?.via).toBe('resumable');
  expect(sent?.parsed.attachments[0]?.size).toBe(data.length);
}

test('upload dropped at 40 % and resumed: asks where it stopped, sent once', async ({ page }) => {
  row = faultRow(
    'upload dropped at 40 % and resumed',
    'progress, a short wait, progress resumes, “Message sent.”',
    '1',
  );
  await openConnected(page);
  const data = await writeLargeDraft(page, row.subject);
  // Cut the first chunk that starts past 40 % of the message, halfway through its body.
  let injected = false;
  await page.route(uploadUrl, async (route: Route) => {
    const range = (await route.request().headerValue('content-range')) ?? '';
    const match = /bytes (\d+)-\d+\/(\d+)/.exec(range);
    if (!injected && match && Number(match[1]) >= 0.4 * Number(match[2])) {
      injected = true;
      await google.injectFaults([{ kind: 'uploadDrop', afterPercent: 50, route: 'upload' }]);
    }
    await route.continue();
  });
  await sendButton(page).click();
  await expectSent(page, 45_000);
  expect(injected).toBe(true);
  row.draftKept = true;
  const log = (await google.requests()).filter((entry) => entry.route === 'upload');
  expect(log.some((entry) => entry.status === 'dropped')).toBe(true);
  expect(log.filter((entry) => entry.method === 'POST')).toHaveLength(1); // one session: resumed, not restarted
  await expectAttachmentArrived(row.subject, data);
});

test('upload session gone (410): a new session, sent once', async ({ page }) => {
  row = faultRow('upload session gone (410)', '“Message sent.” (a fresh upload session, transparently)', '1');
  await openConnected(page);
  const data = await writeLargeDraft(page, row.subject);
  await google.injectFaults([{ kind: 'sessionGone', route: 'upload' }]);
  await sendButton(page).click();
  await expectSent(page, 45_000);
  row.draftKept = true;
  const log = (await google.requests()).filter((entry) => entry.route === 'upload');
  expect(log.some((entry) => entry.status === 410 || entry.status === 404)).toBe(true);
  await expectAttachmentArrived(row.subject, data);
});

test('page reloaded while the request is out: "not sure" after the reload, never resent, at most one arrived', async ({
  page,
}) => {
  row = faultRow('page reloaded mid-send', '“Not sure this was sent: the page was closed…” in the outbox', '0 or 1');
  await openConnected(page);
  await writeDraft(page, row.subject);
  await google.injectFaults([{ kind: 'delay', ms: 3_000, route: 'send' }]);
  // Reload once the browser has issued the request (the double holds it 3 s before it even reads it), not merely at
  // "Sending…": the sender may still be loading then, and nothing would be out. (The double logs a request when it
  // answers it, so its log cannot say "out" in time.)
  const out = page.waitForRequest((request) => request.method() === 'POST' && /\/messages\/send/.test(request.url()));
  await sendButton(page).click();
  await out;
  await page.reload();
  await expectInOutbox(page, row.subject, /Not sure this was sent: the page was closed/);
  row.draftKept = true;
  // The restored page never resends by itself: whatever the held request did, at most one message exists.
  await page.waitForTimeout(4_000);
  expect(await sendRequests()).toBeLessThanOrEqual(1);
  expect(await arrived(row.subject)).toBeLessThanOrEqual(1);
});

/** Send while offline: the message waits in the outbox, nothing left the page; back online it goes once by itself. */
async function sendOfflineThenReconnect(page: Page, context: BrowserContext, current: FaultRow) {
  const { subject } = current;
  await writeDraft(page, subject);
  const before = await sendRequests();
  await context.setOffline(true);
  await sendButton(page).click();
  await expectInOutbox(page, subject, /You are offline\. This message is in the outbox/);
  current.draftKept = true;
  expect(await arrived(subject)).toBe(0);
  expect(await sendRequests()).toBe(before);
  await context.setOffline(false);
  await expectSent(page);
  expect(await arrived(subject)).toBe(1);
}

test('browser offline when Send is pressed: it waits in the outbox and goes once back online', async ({
  page,
  context,
}) => {
  row = faultRow(
    'browser offline at the first Send',
    '“You are offline. This message is in the outbox…”, then “Message sent.” back online',
    '1',
  );
  await openConnected(page);
  await sendOfflineThenReconnect(page, context, row);
});

test('browser offline at Send after an earlier send: it waits in the outbox and goes once back online', async ({
  page,
  context,
}) => {
  row = faultRow(
    'browser offline at a later Send',
    '“You are offline. This message is in the outbox…”, then “Message sent.” back online',
    '1',
  );
  await openConnected(page);
  // A first message loads everything a send needs, so this row isolates the request itself.
  await writeDraft(page, 'Fault: warm-up before offline');
  await sendButton(page).click();
  await expectSent(page);
  await sendOfflineThenReconnect(page, context, row);
});

test('a Google script that never loads: named after the timeout, the draft is kept, retry connects and sends', async ({
  page,
}) => {
  row = faultRow('Google sign-in script never loads', '“Part of Google’s code did not load” + Retry loading…', '1');
  await google.reset();
  await google.setConsentScript({ action: 'approve', account: alice });
  await page.clock.install();
  const held: Route[] = [];
  await page.route('**/gsi/client*', (route) => {
    held.push(route); // never answered: the request just hangs, like a captive portal
  });
  await page.goto('/');
  await writeDraft(page, row.subject);
  await page.clock.fastForward(21_000);
  await expect(page.getByText('Part of Google’s code did not load')).toBeVisible();
  await expectDraftInForm(page, row.subject);
  row.draftKept = true;
  await page.unroute('**/gsi/client*');
  for (const route of held) await route.abort().catch(() => undefined);
  await page.getByRole('button', { name: /Retry loading Google sign-in/ }).click();
  await expect(connectButton(page)).toBeEnabled({ timeout: 20_000 });
  const popup = page.waitForEvent('popup');
  await sendButton(page).click();
  await popup;
  await expectSent(page);
  await expect(accountRegion(page)).toContainText(alice);
  expect(await arrived(row.subject)).toBe(1);
});
