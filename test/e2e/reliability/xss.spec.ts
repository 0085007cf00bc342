/**
 * Nothing the user or the network supplies is ever inserted as HTML (issue 9, "XSS"). Script-shaped payloads go
 * into every field, a file name, an invalid recipient and a Gmail error message; the page must show them as text,
 * and no script, dialog or page error may happen. `window.__xss` is what every payload would set.
 */
import type { Page } from '@playwright/test';
import * as googleErrors from '../../offline-google/errors.ts';
import { tokensAtRest } from '../../support/at-rest.ts';
import { expect, test } from '../../support/fixtures.ts';
import {
  bccField,
  bodyField,
  ccField,
  google,
  openConnected,
  sendButton,
  subjectField,
  toField,
} from '../compose/helpers.ts';
import { answerWithGoogleError, expectDraftInForm, sendUrl, writeDraft } from './helpers.ts';

const img = '<img src=x onerror="window.__xss=1">';
const script = '<script>window.__xss=1</script>';
const svg = '"><svg onload="window.__xss=1">';
const iframe = '<iframe srcdoc="<script>parent.__xss=1</script>">';

function watchForScript(page: Page): string[] {
  const events: string[] = [];
  page.on('pageerror', (error) => events.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    events.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return events;
}

async function expectNoScriptRan(page: Page, events: string[]) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(await page.locator('img[src="x"], svg[onload], script:not([src]):not([type]), iframe').count()).toBe(0);
  expect(events).toEqual([]);
  expect(await tokensAtRest(page)).toEqual([]);
}

test('payloads in every field and a file name are sent as text and never run', async ({ page }) => {
  const events = watchForScript(page);
  await openConnected(page);
  await page.getByRole('button', { name: 'Cc and Bcc' }).click();
  for (const [field, name, address] of [
    [toField(page), img, 'bob@example.com'],
    [ccField(page), svg, 'carol@example.com'],
    [bccField(page), iframe, 'dave@example.com'],
  ] as const) {
    await field.fill(`"${name.replace(/"/g, '\\"')}" <${address}>`);
    await field.press('Enter');
  }
  const subject = `${img} ${script} ${svg}`;
  await subjectField(page).fill(subject);
  await bodyField(page).fill(`${script}\n${img}\n${iframe}`);
  await page.getByLabel('Attach files').setInputFiles({
    name: `${img}.txt`,
    mimeType: 'text/plain',
    buffer: Buffer.from('payload'),
  });
  await expect(page.getByText(`${img}.txt`)).toBeVisible();
  await expect(page.getByText(img, { exact: true })).toBeVisible(); // the To token shows the name as text
  await expectNoScriptRan(page, events);

  await sendButton(page).click();
  await expect(page.getByText('Message sent.')).toBeVisible();
  // The sent log shows the subject, as text.
  await expect(page.getByText(subject).first()).toBeVisible();
  const [sent] = await google.outbox();
  expect(sent?.parsed.subject).toBe(subject);
  expect(sent?.parsed.to[0]?.name).toBe(img);
  expect(sent?.parsed.attachments[0]?.filename).toBe(`${img}.txt`);
  await expectNoScriptRan(page, events);
});

test('an invalid recipient made of markup is shown as text and blocks Send', async ({ page }) => {
  const events = watchForScript(page);
  await openConnected(page);
  await toField(page).fill('bob@example.com');
  await toField(page).press('Enter');
  await toField(page).fill(script);
  await toField(page).press('Enter');
  await subjectField(page).fill('markup recipient');
  await sendButton(page).click();
  await expect(page.getByText('Fix or remove the addresses marked as invalid.')).toBeVisible();
  await expect(page.getByText(script, { exact: true })).toBeVisible();
  expect(await google.outbox()).toHaveLength(0);
  await expectNoScriptRan(page, events);
});

test('a Gmail error message carrying markup is shown as text', async ({ page }) => {
  const events = watchForScript(page);
  await openConnected(page);
  await writeDraft(page, 'error payload');
  // Google's own 400 envelope, its message replaced by the payload: "Gmail rejected the message: {details}".
  await answerWithGoogleError(page, sendUrl, googleErrors.badRequest(`${img} ${script}`));
  await sendButton(page).click();
  await expect(page.getByText(`Gmail rejected the message: ${img} ${script}`)).toBeVisible();
  await expectDraftInForm(page, 'error payload');
  expect(await google.outbox()).toHaveLength(0);
  await expectNoScriptRan(page, events);
});
