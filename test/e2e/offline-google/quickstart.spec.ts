/**
 * A bare page written like Google's browser quickstart works against the double: token in a click, messages.send,
 * expiry, renewal with prompt '' and no consent screen, each message recorded once. Also the outbox page.
 */
import { readFileSync } from 'node:fs';
import type { OfflineGoogle } from '../../offline-google/server.ts';
import { expect, openPage, test, whenClosed } from './harness.ts';

const template = readFileSync(new URL('./quickstart.html', import.meta.url), 'utf8');
const quickstartPage = ({ origins }: OfflineGoogle) =>
  template
    .replaceAll('__WWW__', origins['www.googleapis.com'])
    .replaceAll('__APIS__', origins['apis.google.com'])
    .replaceAll('__ACCOUNTS__', origins['accounts.google.com']);

test('quickstart: consent, send, expiry -> 401, renewal with prompt "" and no consent screen, message arrives once', async ({
  page,
  offlineGoogle,
  control,
}) => {
  // One signed-in Google account: with several and no login_hint, Google shows the chooser even on renewal
  // (reference gis-gapi.md §4.6), which is not what this test is about.
  await control.setAccounts([{ email: 'alice@example.com', name: 'Alice Example' }]);
  await openPage(page, control, quickstartPage(offlineGoogle), 'quickstart.html');
  const authorize = page.getByRole('button', { name: 'Authorize' });
  await expect(authorize).toBeVisible();

  const consentPopup = page.waitForEvent('popup');
  await authorize.click();
  const popup = await consentPopup;
  await expect(popup.getByRole('heading', { name: /wants access to your Google Account/ })).toBeVisible();
  await popup.getByLabel('Select all').check();
  await popup.getByRole('button', { name: 'Allow' }).click();
  await expect(page.locator('#content')).toHaveText(/^Sent [0-9a-f]{16}$/);

  await control.advanceClock(3600);
  await page.getByRole('button', { name: 'Send again' }).click();
  await expect(page.locator('#content')).toHaveText(/^Request had invalid authentication credentials/);

  const renewalPopup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Refresh' }).click();
  const renewal = await renewalPopup;
  expect(new URL(renewal.url()).searchParams.get('prompt')).toBe('');
  await whenClosed(renewal);
  await expect(page.locator('#content')).toHaveText(/^Sent [0-9a-f]{16}$/);

  const outbox = await control.outbox();
  // "Quickstart 2" was refused with the expired token, so it was never recorded.
  expect(outbox.map((m) => m.parsed.subject)).toEqual(['Quickstart 1', 'Quickstart 3']);
  const statuses = (await control.requests()).map((r) => r.status);
  expect(statuses).toEqual([200, 401, 200]);
});

test('the consent screen never appears on renewal: the popup holds no consent form', async ({
  page,
  offlineGoogle,
  control,
}) => {
  await control.setAccounts([{ email: 'alice@example.com', name: 'Alice Example' }]);
  await control.setConsentScript({ action: 'approve' });
  await openPage(page, control, quickstartPage(offlineGoogle), 'quickstart.html');
  await page.getByRole('button', { name: 'Authorize' }).click();
  await expect(page.locator('#content')).toHaveText(/^Sent /);
  await control.setConsentScript({ action: 'manual' });
  await control.advanceClock(3600);
  const renewalPopup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Refresh' }).click();
  const renewal = await renewalPopup;
  const closed = whenClosed(renewal);
  // The popup answers and closes itself within about 200 ms, often before a locator could look inside it; the same
  // page fetched again (planning it has no side effect) shows what it held.
  const held = await (await fetch(renewal.url())).text();
  expect(held).toContain('id="plan"');
  expect(held).not.toContain('<form id="consent"');
  await closed;
  await expect(page.locator('#content')).toHaveText(/^Sent /);
  expect(await control.outbox()).toHaveLength(2);
});

test('outbox page shows from, to, cc, bcc, subject, decoded Japanese body, attachments and the raw message as text', async ({
  page,
  offlineGoogle,
  control,
}) => {
  const token = (await control.issueToken('alice@example.com', ['https://www.googleapis.com/auth/gmail.send']))
    .access_token;
  const subject = `=?UTF-8?B?${Buffer.from('お見積もりの件').toString('base64')}?=`;
  const mail = [
    'To: =?UTF-8?B?5bGx55Sw?= <yamada@example.jp>',
    'Cc: cc@example.org',
    'Bcc: hidden@example.net',
    `Subject: ${subject}`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from('山田様\n<b>not bold</b>\n').toString('base64'),
    '--b1',
    'Content-Type: text/csv; name="見積.csv"',
    "Content-Disposition: attachment; filename*=UTF-8''%E8%A6%8B%E7%A9%8D.csv",
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from('a,b\n1,2\n').toString('base64'),
    '--b1--',
    '',
  ].join('\r\n');
  const reply = await fetch(`${offlineGoogle.origins['gmail.googleapis.com']}/gmail/v1/users/me/messages/send`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ raw: Buffer.from(mail).toString('base64url') }),
  });
  const { id } = (await reply.json()) as { id: string };
  await page.goto(`${offlineGoogle.origins['mail.google.com']}/mail/u/alice@example.com/#sent/${id}`);
  const message = page.getByRole('article', { name: 'お見積もりの件' });
  await expect(message).toBeVisible();
  await expect(message).toContainText('Alice Example <alice@example.com>');
  await expect(message).toContainText('山田 <yamada@example.jp>');
  await expect(message).toContainText('cc@example.org');
  await expect(message).toContainText('hidden@example.net');
  await expect(message.locator('pre.body')).toHaveText('山田様\n<b>not bold</b>\n');
  await expect(message.locator('b')).toHaveCount(0);
  const download = page.waitForEvent('download');
  await message.getByRole('link', { name: '見積.csv' }).click();
  expect((await download).suggestedFilename()).toBe('見積.csv');
  await message.getByText('Raw message').click();
  await expect(message.locator('pre.raw')).toContainText('Message-ID: <CA+offline');
  // /mail/u/<address>/ is that account's mailbox only, as in Gmail.
  await page.goto(`${offlineGoogle.origins['mail.google.com']}/mail/u/bob@example.com/#sent`);
  await expect(page.getByRole('status')).toHaveText('Nothing sent yet from bob@example.com.');
});
