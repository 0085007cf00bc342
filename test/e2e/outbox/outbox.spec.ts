/**
 * The outbox in the built app against the offline Google: undo send, a reload during the hold, a reload in the
 * middle of a 12 MB upload, a lost answer that stays "not sure" across a reload, two tabs, and a token that expires
 * after the last chunk. Each counts what arrived at the double's outbox: never twice.
 */
import type { Page, Route } from '@playwright/test';
import { expect, test } from '../../support/fixtures.ts';
import {
  accountRegion,
  alice,
  bodyField,
  file,
  google,
  onlyMessage,
  openConnected,
  sendButton,
  subjectField,
  toField,
} from '../compose/helpers.ts';

const uploadUrl = '**/upload/gmail/v1/users/*/messages/send*';

async function write(page: Page, subject: string) {
  await toField(page).fill('taro@example.jp');
  await toField(page).press('Enter');
  await subjectField(page).fill(subject);
  await bodyField(page).fill(`本文：${subject}`);
}

/** A 12,000,000-byte attachment of pseudo-random bytes (no compression anywhere can shortcut it). */
function bigFile(): Buffer {
  const bytes = Buffer.alloc(12_000_000);
  let state = 2026;
  for (let i = 0; i < bytes.length; i += 4) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes.writeUInt32LE(state, Math.min(i, bytes.length - 4));
  }
  return bytes;
}

const sessionStarts = async () =>
  (await google.requests()).filter((entry) => entry.method === 'POST' && entry.path.includes('uploadType=resumable'))
    .length;

/** Chunk PUTs the page makes (not status queries), with their Content-Range, as the page sent them. */
function watchUploads(page: Page): string[] {
  const ranges: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PUT' && request.url().includes('upload_id='))
      ranges.push(request.headers()['content-range'] ?? '');
  });
  return ranges;
}

test.describe('undo send', () => {
  test.use({ undoSeconds: 10 });

  test('Undo within the hold: nothing arrives and the message is back in the form, editable', async ({ page }) => {
    await openConnected(page);
    await write(page, '取り消すメール');
    await sendButton(page).click();
    await expect(page.getByText(/Sending in \d+ s/)).toBeVisible();
    await expect(subjectField(page)).toHaveAttribute('readonly', '');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByText('Sending undone. Your message is back in the form.')).toBeAttached();
    await expect(subjectField(page)).not.toHaveAttribute('readonly', '');
    await expect(subjectField(page)).toHaveValue('取り消すメール');
    await expect(page.getByRole('list', { name: 'To' })).toContainText('taro@example.jp');
    await page.waitForTimeout(11_000);
    expect(await google.outbox()).toHaveLength(0);
    expect((await google.requests()).filter((entry) => entry.route === 'send')).toHaveLength(0);
  });

  test('the countdown can be cut short: Send now sends it once, at once', async ({ page }) => {
    await openConnected(page);
    await write(page, '今すぐ送る');
    await sendButton(page).click();
    await page.getByRole('button', { name: 'Send now' }).click();
    await expect(page.getByText('Message sent.')).toBeVisible();
    await expect(subjectField(page)).toHaveValue('');
    await onlyMessage();
  });

  test('a reload during the hold: nothing arrives, and the draft is back with the reason', async ({ page }) => {
    await openConnected(page);
    await write(page, 'リロードで止まる');
    await page.getByLabel('Attach files').setInputFiles(file('添付.txt', '添付の中身\n'));
    await sendButton(page).click();
    await expect(page.getByText(/Sending in \d+ s/)).toBeVisible();
    await page.reload();
    await expect(page.getByText(/This message was not sent: the page closed before the undo time ended/)).toBeVisible();
    await expect(subjectField(page)).toHaveValue('リロードで止まる');
    await expect(page.getByText('添付.txt')).toBeVisible();
    await page.waitForTimeout(11_000);
    expect(await google.outbox()).toHaveLength(0);
  });

  test('the undo time is a setting this browser remembers', async ({ page }) => {
    await openConnected(page);
    const setting = page.getByLabel('Undo time');
    await expect(setting).toHaveValue('10');
    await setting.selectOption('30');
    await page.reload();
    await expect(page.getByLabel('Undo time')).toHaveValue('30');
  });
});

test('a reload in the middle of a 12 MB upload: one click later it continues where Gmail stopped, and arrives once', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openConnected(page);
  await write(page, '12 MB を途中から');
  await page.getByLabel('Attach files').setInputFiles(file('data.bin', bigFile(), 'application/octet-stream'));
  const ranges = watchUploads(page);
  let chunks = 0;
  // The fifth chunk never gets an answer: the person reloads while it hangs.
  await page.route(uploadUrl, async (route: Route) => {
    const request = route.request();
    const range = request.headers()['content-range'] ?? '';
    if (request.method() === 'PUT' && !range.includes('*') && ++chunks === 5) return;
    await route.continue();
  });
  await sendButton(page).click();
  await expect.poll(() => chunks, { timeout: 60_000 }).toBe(5);
  const resumedAt: string[] = [];
  page.on('response', (response) => {
    const range = response.request().headers()['content-range'] ?? '';
    if (range.startsWith('bytes */')) resumedAt.push(response.headers().range ?? '');
  });
  // The hanging chunk dies with the page.
  await page.reload();
  // The token lived only in the old page: one click renews it and the upload continues.
  const reconnect = page.getByRole('button', { name: 'Reconnect and send' });
  await expect(reconnect).toBeVisible({ timeout: 20_000 });
  ranges.length = 0;
  await google.setConsentScript({ action: 'approve', account: alice });
  await reconnect.click();
  await expect(page.getByRole('region', { name: 'Sent from this browser' })).toContainText('12 MB を途中から', {
    timeout: 60_000,
  });
  const { mail } = await onlyMessage();
  expect(mail.attachments[0]?.filename).toBe('data.bin');
  expect(await sessionStarts()).toBe(1);
  // The first request after the reload asked the session; the next chunk started at Gmail's confirmed offset.
  expect(ranges[0]).toMatch(/^bytes \*\/\d+$/);
  const confirmed = Number(/^(?:bytes=)?0-(\d+)$/.exec(resumedAt[0] ?? '')?.[1]) + 1;
  expect(confirmed).toBeGreaterThanOrEqual(4 * 1_048_576);
  expect(ranges[1]).toMatch(new RegExp(`^bytes ${confirmed}-`));
});

test('a JSON send whose answer is lost: "not sure", never resent, also after a reload', async ({ page }) => {
  await openConnected(page);
  await write(page, '答えが消えた');
  await google.injectFaults([{ kind: 'dropAfterAccept', times: 1, route: 'send' }]);
  await sendButton(page).click();
  await expect(page.getByText(/Not sure this was sent: the connection dropped/)).toBeVisible();
  await page.reload();
  const panel = page.getByRole('region', { name: /Outbox/ });
  await expect(panel).toContainText('答えが消えた');
  await expect(panel).toContainText('Not sure this was sent');
  await page.waitForTimeout(2_000);
  expect(await google.outbox()).toHaveLength(1);
  expect((await google.requests()).filter((entry) => entry.route === 'send')).toHaveLength(1);
});

test('two tabs open, Send in one: one message, and both tabs show it sent', async ({ page, context }) => {
  await openConnected(page);
  const other = await context.newPage();
  await other.goto('/');
  await expect(accountRegion(other)).toBeVisible();
  await write(page, '二つのタブ');
  await sendButton(page).click();
  await expect(page.getByText('Message sent.')).toBeVisible();
  await expect(other.getByRole('region', { name: 'Sent from this browser' })).toContainText('二つのタブ');
  await page.waitForTimeout(1_500);
  expect(await google.outbox()).toHaveLength(1);
});

test('the token expires after the last chunk left: the same session is asked after reconnecting, one message', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openConnected(page);
  await write(page, '最後のチャンクの後');
  await page.getByLabel('Attach files').setInputFiles(file('data.bin', bigFile(), 'application/octet-stream'));
  let lastChunkDone = false;
  let refused = false;
  await page.route(uploadUrl, async (route: Route) => {
    const request = route.request();
    const range = request.headers()['content-range'] ?? '';
    const match = /^bytes \d+-(\d+)\/(\d+)$/.exec(range);
    if (request.method() === 'PUT' && match && Number(match[1]) + 1 === Number(match[2]) && !lastChunkDone) {
      // Gmail takes the last chunk and completes the message; its answer is lost on the way back.
      await route.fetch();
      lastChunkDone = true;
      await route.abort('connectionreset');
      return;
    }
    if (request.method() === 'PUT' && range.startsWith('bytes */') && lastChunkDone && !refused) {
      // By the time the page asks where the session stands, its token has expired: Google answers 401.
      refused = true;
      await google.advanceClock(3_600);
      await route.fulfill({
        status: 401,
        contentType: 'application/json; charset=UTF-8',
        headers: {
          'Access-Control-Allow-Origin': new URL(page.url()).origin,
          'WWW-Authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"',
        },
        body: JSON.stringify({
          error: { code: 401, message: 'Request had invalid authentication credentials.', status: 'UNAUTHENTICATED' },
        }),
      });
      return;
    }
    await route.continue();
  });
  await sendButton(page).click();
  const reconnect = page.getByRole('button', { name: 'Reconnect and send' });
  await expect(reconnect).toBeVisible({ timeout: 60_000 });
  expect(await google.outbox()).toHaveLength(1);
  expect(refused).toBe(true);
  await reconnect.click();
  await expect(page.getByText('Message sent.')).toBeVisible({ timeout: 30_000 });
  expect(await google.outbox()).toHaveLength(1);
  expect(await sessionStarts()).toBe(1);
});
