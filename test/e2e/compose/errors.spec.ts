/**
 * Every way a send can end other than "sent", as the user sees it: the message, the one action that fixes it, and
 * the number of messages that actually arrived (never two by accident). Once the outbox has a message the form is
 * free for the next one; a message Gmail refused (or one cancelled before it left) comes back to the form.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../../support/fixtures.ts';
import { accountRegion, bodyField, google, openConnected, sendButton, subjectField, toField } from './helpers.ts';

async function compose(page: Page, subject = 'エラーのテスト') {
  await toField(page).fill('taro@example.jp,');
  await subjectField(page).fill(subject);
  await bodyField(page).fill('本文です。');
}

test('Google refuses the token mid-send (401): "Reconnect and send" sends it once', async ({ page }) => {
  await openConnected(page);
  await compose(page);
  await google.injectFaults([{ kind: 'unauthorized', route: 'send' }]);
  await sendButton(page).click();
  await expect(page.getByText(/This message is ready. Google needs you to confirm your account/)).toBeVisible();
  expect(await google.outbox()).toHaveLength(0);
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Reconnect and send' }).click();
  await popup;
  await expect(page.getByText('Message sent.')).toBeVisible();
  expect(await google.outbox()).toHaveLength(1);
});

// The double cuts the answer short after recording the message (test/offline-google/http.ts severMidResponse),
// so Chromium reports a network error instead of silently resending the POST.
test('no answer after the message left: "not sure", a Sent-folder link and a deliberate "Send again"', async ({
  page,
}) => {
  await openConnected(page);
  await compose(page);
  await google.injectFaults([{ kind: 'dropAfterAccept', route: 'send' }]);
  await sendButton(page).click();
  await expect(page.getByText(/Not sure this was sent/)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('link', { name: 'Open Sent folder' })).toHaveAttribute(
    'href',
    /mail\/u\/alice@example\.com\/#sent$/,
  );
  // It went through at the double; nothing is resent by itself.
  await page.waitForTimeout(1500);
  expect(await google.outbox()).toHaveLength(1);
  // Not sure is never put back in the form by itself: a second send is the person's deliberate choice.
  await expect(subjectField(page)).toHaveValue('');
  await page.getByRole('button', { name: 'Send again' }).click();
  await expect(page.getByText('Message sent.')).toBeVisible();
  const outbox = await google.outbox();
  expect(outbox).toHaveLength(2);
  // The deliberate resend is the same message (same Message-ID), so it can be recognised as a repeat.
  expect(outbox[1]?.parsed.messageId).toBe(outbox[0]?.parsed.messageId);
});

test('daily limit: says which limit and gives the message back to the form, no retry', async ({ page }) => {
  await openConnected(page);
  await compose(page);
  await google.injectFaults([{ kind: 'forbidden', reason: 'dailyLimitExceeded', route: 'send', times: 10 }]);
  await sendButton(page).click();
  await expect(page.getByText(/daily Gmail API quota/)).toHaveCount(1);
  await expect(page.getByText(/daily Gmail API quota/)).toBeVisible();
  await expect(page.getByText('Error code: daily-limit')).toBeVisible();
  expect((await google.requests()).filter((entry) => entry.route === 'send')).toHaveLength(1);
  await expect(subjectField(page)).toHaveValue('エラーのテスト');
});

test('rate limited: a countdown, then the send continues by itself and arrives once', async ({ page }) => {
  await openConnected(page);
  await compose(page);
  await google.injectFaults([{ kind: 'tooManyRequests', retryAfterHeaderSeconds: 3, route: 'send' }]);
  await sendButton(page).click();
  await expect(page.getByText(/Trying again in [1-3] s/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
  // A second press while waiting does nothing (force: Playwright itself waits while the button is aria-disabled).
  await sendButton(page).click({ force: true });
  await expect(page.getByText(/Trying again in [0-3] s|Sending…/).first()).toBeVisible();
  await expect(page.getByText('Message sent.')).toBeVisible({ timeout: 15_000 });
  expect(await google.outbox()).toHaveLength(1);
});

test('Cancel during a backoff wait: nothing is sent and the message is back in the form', async ({ page }) => {
  await openConnected(page);
  await compose(page);
  await google.injectFaults([{ kind: 'tooManyRequests', retryAfterHeaderSeconds: 30, route: 'send', times: 10 }]);
  await sendButton(page).click();
  await expect(page.getByText(/Trying again in \d+ s/)).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(
    page.getByText('Sending was cancelled. Nothing was sent; your message is back in the form.'),
  ).toBeVisible();
  await expect(subjectField(page)).toHaveValue('エラーのテスト');
  expect(await google.outbox()).toHaveLength(0);
});

test('permission denied on the first Send: the fix resumes that same send', async ({ page }) => {
  await google.reset();
  await google.setConsentScript({ action: 'deny' });
  await page.goto('/');
  await compose(page, '許可のテスト');
  const popup = page.waitForEvent('popup');
  await sendButton(page).click({ timeout: 20_000 });
  await popup;
  await expect(page.getByRole('heading', { name: 'Google did not give permission' })).toBeVisible();
  await google.setConsentScript({ action: 'approve', account: 'alice@example.com' });
  const second = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Ask Google again' }).click();
  await second;
  await expect(page.getByText('Message sent.')).toBeVisible();
  await expect(accountRegion(page)).toContainText('alice@example.com');
  expect(await google.outbox()).toHaveLength(1);
});
