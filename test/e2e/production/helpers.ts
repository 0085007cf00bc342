/**
 * The production lane's user-visible steps, in one place so the send path can change under them: connect, write,
 * attach, send and wait until the mail is listed as sent (with an undo-send hold, `listedAsSent` is where to wait
 * it out). After a popup the tests wait for it to close first (`whenClosed`), never for a fixed time: under load a
 * renewal popup alone took 7.5 s from click to answer (see test/e2e/auth/renewal.spec.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Page } from '@playwright/test';
import type { OfflineGoogleControl } from '../../offline-google/control.ts';
import { whenClosed } from '../../support/popups.ts';
import { alice, expect, popupFrom, test } from './fixtures.ts';

export { whenClosed };

export const accountRegion = (page: Page) => page.getByRole('region', { name: /Google account|Google アカウント/ });
export const connectButton = (page: Page) =>
  accountRegion(page).getByRole('button', {
    name: /^(Connect Gmail account|Connect as |Gmail アカウントに接続|.+ で接続$)/,
  });
export const toField = (page: Page) => page.getByRole('textbox', { name: /^(To|宛先)$/ });
export const subjectField = (page: Page) => page.getByRole('textbox', { name: /^(Subject|件名)$/ });
export const bodyField = (page: Page) => page.getByRole('textbox', { name: /^(Message|本文)$/ });
export const sendButton = (page: Page) => page.getByRole('button', { name: /^(Send|送信)$/ });
export const sentNotice = (page: Page) => page.getByText(/Message sent\.|メッセージを送信しました。/);

/** Opens the app and waits until Google's scripts (from the real hostnames) have loaded: Connect is enabled. */
export async function openApp(page: Page, path = '/?lang=en'): Promise<void> {
  await page.goto(path);
  await expect(connectButton(page)).not.toHaveAttribute('aria-disabled', 'true', { timeout: 20_000 });
}

/** Connect with the consent screen answered by a click on Allow, as a first-time user does. */
export async function connectWithConsent(page: Page): Promise<Page> {
  const popup = await popupFrom(page, () => connectButton(page).click());
  await popup.getByRole('link', { name: new RegExp(alice) }).click();
  await popup.getByLabel(/Select all|すべて選択/).check();
  const closed = whenClosed(popup);
  await popup.getByRole('button', { name: /^(Allow|許可)$/ }).click();
  await closed;
  await expect(accountRegion(page)).toContainText(alice);
  return popup;
}

/** Connect with the double approving by itself (the tests that are not about the consent screen). */
export async function connectApproved(page: Page, google: OfflineGoogleControl): Promise<void> {
  await google.setConsentScript({ action: 'approve', account: alice });
  await whenClosed(await popupFrom(page, () => connectButton(page).click()));
  await expect(accountRegion(page)).toContainText(alice);
}

export async function compose(page: Page, subject: string, body = `Body of ${subject}`): Promise<void> {
  await toField(page).fill('bob@example.com,');
  await subjectField(page).fill(subject);
  await bodyField(page).fill(body);
}

/**
 * Attaches `buffer` as the file `name`. Written to disk first: a path lets Chromium read the file itself, where a
 * buffer crosses the DevTools protocol as base64 (a 12 MB buffer took tens of seconds on a loaded machine).
 */
export async function attach(page: Page, name: string, buffer: Buffer): Promise<void> {
  const path = test.info().outputPath(name);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, buffer);
  await page.getByLabel(/Attach files|ファイルを添付/).setInputFiles(path);
}

/**
 * The user's confirmation that this mail went: its line under "Sent from this browser", written only after Gmail's
 * 200. ("Message sent." can still be on screen from the mail before.)
 */
export async function listedAsSent(page: Page, subject: string, timeout?: number): Promise<void> {
  const log = page.getByRole('region', { name: /Sent from this browser|この端末から送信したメール/ });
  await expect(log).toContainText(subject, timeout ? { timeout } : {});
}

/** Clicks Send and waits until the mail is listed as sent. */
export async function sendAndWait(page: Page, subject: string, timeout?: number): Promise<void> {
  await sendButton(page).click();
  await expect(sentNotice(page)).toBeVisible(timeout ? { timeout } : {});
  await listedAsSent(page, subject, timeout);
}

/** Deterministic bytes that do not compress, so the upload really carries `size` bytes. */
export function noise(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  let state = 0x9e3779b9;
  for (let i = 0; i + 4 <= size; i += 4) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes.writeUInt32LE(state, i);
  }
  return bytes;
}
