/** Shared steps for the compose page's browser tests: connect through the offline Google, fill the form as a user. */
import type { Page } from '@playwright/test';
import PostalMime from 'postal-mime';
import { OfflineGoogleControl, type SentMessage } from '../../offline-google/control.ts';
import { expect } from '../../support/fixtures.ts';

export const google = new OfflineGoogleControl();
export const alice = 'alice@example.com';

export const accountRegion = (page: Page) => page.getByRole('region', { name: /Google account|Google アカウント/ });
export const toField = (page: Page) => page.getByRole('textbox', { name: /^(To|宛先)$/ });
export const ccField = (page: Page) => page.getByRole('textbox', { name: 'Cc', exact: true });
export const bccField = (page: Page) => page.getByRole('textbox', { name: 'Bcc', exact: true });
export const subjectField = (page: Page) => page.getByRole('textbox', { name: /^(Subject|件名)$/ });
export const bodyField = (page: Page) => page.getByRole('textbox', { name: /^(Message|本文)$/ });
export const sendButton = (page: Page) => page.getByRole('button', { name: /^(Send|送信)$/ });

/** Fresh double, the page opened, and Alice connected through the consent popup (approved by script). */
export async function openConnected(page: Page, path = '/') {
  await google.reset();
  await google.setConsentScript({ action: 'approve', account: alice });
  await page.goto(path);
  const popup = page.waitForEvent('popup');
  await accountRegion(page)
    .getByRole('button', { name: /Connect Gmail account|Gmail アカウントに接続/ })
    .click({ timeout: 20_000 });
  await popup;
  // The popup's round trip: on a loaded machine Chromium alone took 3.3 s to open the window (trace of a failed run).
  await expect(accountRegion(page)).toContainText(alice, { timeout: 20_000 });
}

/** Pastes text into the focused element the way a browser does (a paste event carrying clipboardData). */
export async function pasteText(page: Page, text: string) {
  await page.evaluate((value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    const target = document.activeElement ?? document.body;
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    // Without a default action (synthetic events have none), insert what the browser would have inserted.
    if (target.dispatchEvent(event) && target instanceof HTMLInputElement) {
      target.setRangeText(value, target.selectionStart ?? 0, target.selectionEnd ?? 0, 'end');
      target.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: value }));
    }
  }, text);
}

/** The one message in the double's outbox, parsed from the bytes the client sent. */
export async function onlyMessage(): Promise<{
  sent: SentMessage;
  mail: Awaited<ReturnType<typeof PostalMime.parse>>;
}> {
  const outbox = await google.outbox();
  expect(outbox).toHaveLength(1);
  const sent = outbox[0] as SentMessage;
  const mail = await PostalMime.parse(Buffer.from(sent.originalRawBase64, 'base64'));
  return { sent, mail };
}

export function file(name: string, content: string | Buffer, mimeType = 'text/plain') {
  return { name, mimeType, buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) };
}
