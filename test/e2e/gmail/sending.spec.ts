/**
 * The send path end to end: the built app, its real sender (src/gmail) and the offline Google. Each fault from
 * issue 6 is injected and the messages that arrived are counted: exactly one where the policy retries, none or one
 * where it says "not sure", never two.
 */
import type { Page } from '@playwright/test';
import PostalMime from 'postal-mime';
import { type FaultSpec, OfflineGoogleControl } from '../../offline-google/control.ts';
import { expect, test } from '../../support/fixtures.ts';

const google = new OfflineGoogleControl();
const gmailSendScope = 'https://www.googleapis.com/auth/gmail.send';
const account = (page: Page) => page.getByRole('region', { name: 'Google account' });

test.beforeEach(async ({ page }) => {
  await google.reset();
  await page.goto('/');
  const popup = page.waitForEvent('popup');
  await account(page).getByRole('button', { name: 'Connect Gmail account' }).click({ timeout: 20_000 });
  const consent = await popup;
  await consent.getByRole('link', { name: /alice@example.com/ }).click();
  await consent.locator(`input[value="${gmailSendScope}"]`).check();
  await consent.getByRole('button', { name: 'Allow' }).click();
  await expect(account(page)).toContainText('Sending as alice@example.com');
});

async function compose(page: Page, subject: string) {
  await page.getByLabel('To', { exact: true }).fill('bob@example.com');
  await page.getByLabel('To', { exact: true }).press('Enter');
  await page.getByLabel('Subject').fill(subject);
  await page.getByLabel('Message', { exact: true }).fill('こんにちは。\nテストです。');
}

const send = (page: Page) => page.getByRole('button', { name: 'Send', exact: true }).click();
const sendCalls = async () =>
  (await google.requests()).filter((entry) => entry.route === 'send' || entry.route === 'upload');

test('a text mail goes as JSON and arrives once', async ({ page }) => {
  await compose(page, '件名のテスト');
  await send(page);
  await expect(page.getByText('Message sent.')).toBeVisible();
  const outbox = await google.outbox();
  expect(outbox).toHaveLength(1);
  expect(outbox[0]).toMatchObject({ via: 'json', account: 'alice@example.com', labelIds: ['SENT'] });
  expect(outbox[0]?.parsed.subject).toBe('件名のテスト');
});

function attachment(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  let state = 12345;
  for (let i = 0; i < size; i += 4) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes.writeUInt32LE(state, Math.min(i, size - 4));
  }
  return bytes;
}

async function sendLarge(page: Page, faults: FaultSpec[] = []) {
  const file = attachment(12_000_000);
  await compose(page, '12 MB');
  await page
    .getByLabel('Attach files')
    .setInputFiles({ name: 'data.bin', mimeType: 'application/octet-stream', buffer: file });
  await google.injectFaults(faults);
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { __progress: number[] }).__progress = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('progress');
      if (bar) seen.push(Number(bar.getAttribute('value') ?? bar.value));
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
  });
  await send(page);
  await expect(page.getByText('Message sent.')).toBeVisible({ timeout: 45_000 });
  const outbox = await google.outbox();
  expect(outbox).toHaveLength(1);
  expect(outbox[0]?.via).toBe('resumable');
  const parsed = await PostalMime.parse(Buffer.from(outbox[0]?.originalRawBase64 ?? '', 'base64'));
  const received = parsed.attachments[0]?.content as ArrayBuffer | Uint8Array | undefined;
  expect(received && Buffer.compare(Buffer.from(received as Uint8Array), file)).toBe(0);
  return page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);
}

test('a 12 MB attachment is uploaded resumably with progress and arrives byte for byte', async ({ page }) => {
  test.setTimeout(90_000);
  const progress = await sendLarge(page);
  expect(progress.filter((value) => value > 0).length).toBeGreaterThan(3);
  expect(progress.every((value, i) => i === 0 || value >= (progress[i - 1] as number))).toBe(true);
});

test('a connection dropped in the middle of the upload is resumed, and the mail arrives once', async ({ page }) => {
  test.setTimeout(90_000);
  await sendLarge(page, [{ kind: 'uploadDrop', afterPercent: 50, route: 'upload', times: 1 }]);
});

// Refusals at the door (quota and rate limits): Gmail did not take the message, so waiting and trying again is safe.
const retried: Array<[string, FaultSpec]> = [
  ['429 with Retry-After', { kind: 'tooManyRequests', retryAfterHeaderSeconds: 1, times: 1, route: 'send' }],
  ['403 rateLimitExceeded', { kind: 'forbidden', reason: 'rateLimitExceeded', times: 1, route: 'send' }],
  ['403 userRateLimitExceeded', { kind: 'forbidden', reason: 'userRateLimitExceeded', times: 1, route: 'send' }],
];
for (const [name, fault] of retried) {
  test(`${name}: waits, retries, and exactly one message arrives`, async ({ page }) => {
    await compose(page, name);
    await google.injectFaults([fault]);
    await send(page);
    await expect(page.getByText('Message sent.')).toBeVisible({ timeout: 30_000 });
    expect(await google.outbox()).toHaveLength(1);
  });
}

// messages.send is not idempotent and Google does not say a 5xx means "not processed" (google.rpc.Code on
// DEADLINE_EXCEEDED and UNAVAILABLE), so a server error to the request that carried the message is "not sure": the
// person checks Sent, and a deliberate Send again delivers it once.
for (const status of [500, 503] as const) {
  test(`${status} to the JSON request: "not sure", not resent by itself; Send again delivers it once`, async ({
    page,
  }) => {
    await compose(page, `server error ${status}`);
    await google.injectFaults([{ kind: 'serverError', status, times: 1, route: 'send' }]);
    await send(page);
    await expect(page.getByText(/Not sure this was sent: Gmail answered with a server error/)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Open Sent folder' })).toBeVisible();
    expect(await google.outbox()).toHaveLength(0);
    await page.waitForTimeout(1_500);
    expect(await sendCalls()).toHaveLength(1);
    await page.getByRole('button', { name: 'Send again' }).click();
    await expect(page.getByText('Message sent.')).toBeVisible();
    expect(await google.outbox()).toHaveLength(1);
  });
}

// A socket destroyed before any response byte makes Chromium resend the POST by itself on a fresh connection, so the
// double starts the answer and then cuts it (test/offline-google/http.ts severMidResponse): the page sees the drop.
test('no answer after the request left: "not sure", never resent', async ({ page }) => {
  await compose(page, 'uncertain');
  await google.injectFaults([{ kind: 'dropAfterAccept', times: 1, route: 'send' }]);
  await send(page);
  await expect(page.getByText(/Not sure this was sent/)).toBeVisible();
  expect(await google.outbox()).toHaveLength(1);
  expect(await sendCalls()).toHaveLength(1);
});

test('connection dropped before the body: "not sure", nothing arrived, not resent', async ({ page }) => {
  await compose(page, 'dropped');
  await google.injectFaults([{ kind: 'dropBeforeBody', times: 1, route: 'send' }]);
  await send(page);
  await expect(page.getByText(/Not sure this was sent/)).toBeVisible();
  expect(await google.outbox()).toHaveLength(0);
  expect(await sendCalls()).toHaveLength(1);
});

test('daily limit: no retry, says which limit', async ({ page }) => {
  await compose(page, 'daily');
  await google.injectFaults([{ kind: 'forbidden', reason: 'dailyLimitExceeded', times: 1, route: 'send' }]);
  await send(page);
  await expect(page.getByRole('form').getByText(/daily Gmail API quota/)).toBeVisible();
  expect(await google.outbox()).toHaveLength(0);
  expect(await sendCalls()).toHaveLength(1);
});

test('Gmail sending limit with a retry time: no retry, says when sending can resume', async ({ page }) => {
  await compose(page, 'sending limit');
  await google.injectFaults([{ kind: 'tooManyRequests', retryAfterIso: 'auto', times: 1, route: 'send' }]);
  await send(page);
  await expect(page.getByText(/sending limit/)).toBeVisible();
  expect(await google.outbox()).toHaveLength(0);
  expect(await sendCalls()).toHaveLength(1);
});

test('401: Reconnect and send, then exactly one message', async ({ page }) => {
  await compose(page, 'reauth');
  await google.injectFaults([{ kind: 'unauthorized', times: 1, route: 'send' }]);
  await send(page);
  const reconnect = page.getByRole('button', { name: 'Reconnect and send' });
  await expect(reconnect).toBeVisible();
  expect(await google.outbox()).toHaveLength(0);
  const popup = page.waitForEvent('popup').catch(() => null);
  await reconnect.click();
  const consent = await Promise.race([popup, page.waitForTimeout(3_000).then(() => null)]);
  if (consent) {
    await consent
      .getByRole('link', { name: /alice@example.com/ })
      .click({ timeout: 3_000 })
      .catch(() => {});
    await consent
      .getByRole('button', { name: 'Allow' })
      .click({ timeout: 3_000 })
      .catch(() => {});
  }
  await expect(page.getByText('Message sent.')).toBeVisible({ timeout: 20_000 });
  expect(await google.outbox()).toHaveLength(1);
});
