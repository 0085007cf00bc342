/**
 * The GIS double in Chromium, one test per item of /work/shared/reference/gis-gapi.md §6 (items 1-10 and 15; the
 * gapi items 12-14 are in gapi.spec.ts, item 11 in test/unit/offline-google/gis-server.test.ts).
 * Left out of item 15: COOP breakage and Safari's stricter activation are browser behaviours, not the library's;
 * the app's headers decide COOP, and Chromium is the only engine here.
 */
import type { Page } from '@playwright/test';
import { expect, GMAIL_SEND, loadHarness, test, whenClosed } from './harness.ts';

interface Harness {
  events: string[];
  results: Record<string, unknown>[];
  errors: { type: string; message: string; isError: boolean }[];
  makeClient(extra?: object): google.accounts.oauth2.TokenClient & { callback?: unknown };
  client: google.accounts.oauth2.TokenClient & { callback?: unknown };
}
const w = () => window as unknown as Harness;

async function request(page: Page, override: object = {}, extra: object = {}) {
  const popup = page.waitForEvent('popup');
  const returned = await page.evaluate(
    ([o, e]) => {
      const h = window as unknown as Harness;
      h.client = h.makeClient(e);
      return String(h.client.requestAccessToken(o));
    },
    [override, extra] as const,
  );
  expect(returned).toBe('undefined');
  return popup;
}

async function approveInPopup(popup: Page, account: string | null, uncheck: string[] = []) {
  if (account) await popup.getByRole('link', { name: new RegExp(account) }).click();
  await popup.getByLabel('Select all').check();
  for (const scope of uncheck) await popup.locator(`input[value="${scope}"]`).uncheck();
  const closed = whenClosed(popup);
  await popup.getByRole('button', { name: 'Allow' }).click();
  await closed;
}

test('§6.1 globals appear only after load; script onload and window.onGoogleLibraryLoad fire', async ({
  page,
  offlineGoogle,
  control,
}) => {
  await loadHarness(page, offlineGoogle, control);
  const events = await page.evaluate(() => w().events);
  expect(events).toContain('onGoogleLibraryLoad:function');
  expect(events).toContain('gsi-onload');
  expect(events).toContain('gapi-onload:function');
});

test('§6.2/§6.7/§6.8 approve: callback read at delivery, payload shape, token handed to gapi first', async ({
  page,
  offlineGoogle,
  control,
}) => {
  await loadHarness(page, offlineGoogle, control);
  const popup = await request(page, {}, { callback: '' });
  // The quickstart assigns the callback after init; the double must read it at delivery time.
  await page.evaluate(() => {
    const h = w();
    h.client.callback = (r: Record<string, unknown>) =>
      h.results.push({ ...r, gapiTokenAtCallback: gapi.client.getToken()?.access_token === r.access_token });
  });
  await approveInPopup(popup, 'alice@example.com');
  await page.waitForFunction(() => w().results.length === 1);
  const [response] = await page.evaluate(() => w().results);
  expect(response).toMatchObject({
    token_type: 'Bearer',
    expires_in: 3599,
    authuser: '0',
    prompt: 'consent',
    gapiTokenAtCallback: true,
  });
  expect(typeof response!.expires_in).toBe('number');
  expect(String(response!.access_token)).toMatch(/^ya29\./);
  expect(String(response!.scope).split(' ')).toEqual(expect.arrayContaining(['email', 'openid', GMAIL_SEND]));
});

test("§6.3 override merges over init config; default prompt is 'select_account'", async ({
  page,
  offlineGoogle,
  control,
}) => {
  await loadHarness(page, offlineGoogle, control);
  const first = await request(page);
  expect(new URL(first.url()).searchParams.get('prompt')).toBe('select_account');
  await first.close();
  const second = await request(page, {
    prompt: 'consent',
    login_hint: 'bob@example.com',
    scope: GMAIL_SEND,
    state: 's1',
  });
  const params = new URL(second.url()).searchParams;
  expect([params.get('prompt'), params.get('login_hint'), params.get('scope'), params.get('state')]).toEqual([
    'consent',
    'bob@example.com',
    GMAIL_SEND,
    's1',
  ]);
  await expect(second.getByText('bob@example.com')).toBeVisible();
});

test('§6.4 gesture gate: no transient activation -> popup_failed_to_open, callback never called', async ({
  page,
  offlineGoogle,
  control,
}) => {
  test.setTimeout(30_000);
  await loadHarness(page, offlineGoogle, control);
  let popups = 0;
  page.on('popup', () => popups++);
  // page.evaluate grants activation itself (reference §7), so the request runs from a timer 6 s later.
  await page.evaluate(() => {
    const h = w();
    h.client = h.makeClient();
    setTimeout(() => h.client.requestAccessToken(), 6000);
  });
  await page.waitForFunction(() => w().errors.length === 1, undefined, { timeout: 15_000 });
  expect(await page.evaluate(() => w().errors)).toEqual([
    { type: 'popup_failed_to_open', message: 'Failed to open popup window', isError: true },
  ]);
  expect(await page.evaluate(() => w().results)).toEqual([]);
  expect(popups).toBe(0);
});

test('§6.5 granular subset, deny -> access_denied, closing the popup -> popup_closed', async ({
  page,
  offlineGoogle,
  control,
}) => {
  await loadHarness(page, offlineGoogle, control);
  await approveInPopup(await request(page, { login_hint: 'alice@example.com' }), null, [GMAIL_SEND]);
  await page.waitForFunction(() => w().results.length === 1);
  const partial = await page.evaluate(() => {
    const r = w().results[0] as unknown as google.accounts.oauth2.TokenResponse;
    return [
      google.accounts.oauth2.hasGrantedAllScopes(r, 'email', 'https://www.googleapis.com/auth/gmail.send'),
      google.accounts.oauth2.hasGrantedAnyScope(r, 'email', 'x'),
    ];
  });
  expect(partial).toEqual([false, true]);

  const denied = await request(page, { login_hint: 'alice@example.com' });
  // GIS reuses one window name, so a request while the old popup is still closing would navigate it instead:
  // wait for the close, with the waiter in place before the click that makes the popup close itself.
  const deniedClosed = whenClosed(denied);
  await denied.getByRole('button', { name: 'Deny' }).click();
  await deniedClosed;
  await page.waitForFunction(() => w().results.length === 2);
  expect(await page.evaluate(() => w().results[1])).toEqual({ error: 'access_denied' });

  const closed = await request(page);
  await closed.close();
  await page.waitForFunction(() => w().errors.length === 1);
  expect(await page.evaluate(() => w().errors[0]?.type)).toBe('popup_closed');
  expect(await page.evaluate(() => w().results.length)).toBe(2);
});

test("§6.6 'none' without a grant -> OAuth error; '' with a grant -> brief popup, no UI, prompt 'none'", async ({
  page,
  offlineGoogle,
  control,
}) => {
  await control.setAccounts([{ email: 'alice@example.com', name: 'Alice Example' }]);
  await loadHarness(page, offlineGoogle, control);
  const silent = await request(page, { prompt: 'none' });
  await whenClosed(silent);
  await page.waitForFunction(() => w().results.length === 1);
  expect(await page.evaluate(() => w().results[0])).toMatchObject({
    error: 'interaction_required',
    error_subtype: 'access_denied',
  });

  await approveInPopup(await request(page, { prompt: 'consent' }), null);
  const again = await request(page, { prompt: '' });
  await whenClosed(again);
  await page.waitForFunction(() => w().results.length === 3);
  expect(await page.evaluate(() => w().results[2])).toMatchObject({ prompt: 'none', expires_in: 3599 });
});

test('§6.9 hasGrantedAllScopes / hasGrantedAnyScope split scope on spaces and are false for errors', async ({
  page,
  offlineGoogle,
  control,
}) => {
  await loadHarness(page, offlineGoogle, control);
  const answers = await page.evaluate(() => {
    const o = google.accounts.oauth2;
    const ok = {
      access_token: 'a',
      scope: 'email https://www.googleapis.com/auth/gmail.send',
    } as google.accounts.oauth2.TokenResponse;
    const failed = { error: 'access_denied', scope: 'email' } as unknown as google.accounts.oauth2.TokenResponse;
    return [
      o.hasGrantedAllScopes(ok, 'email', 'https://www.googleapis.com/auth/gmail.send'),
      o.hasGrantedAllScopes(ok, 'email', 'profile'),
      o.hasGrantedAnyScope(ok, 'profile', 'email'),
      o.hasGrantedAnyScope(failed, 'email'),
    ];
  });
  expect(answers).toEqual([true, false, true, false]);
});

test('§6.10 revoke(token, done) -> {successful:true}, then invalid_token; the API answers 401', async ({
  page,
  offlineGoogle,
  control,
}) => {
  await loadHarness(page, offlineGoogle, control);
  const token = (await control.issueToken('alice@example.com', [GMAIL_SEND])).access_token;
  const revoke = () =>
    page.evaluate((t) => new Promise((resolve) => google.accounts.oauth2.revoke(t, resolve as () => void)), token);
  expect(await revoke()).toEqual({ successful: true });
  expect(await revoke()).toEqual({
    successful: false,
    error: 'invalid_token',
    error_description: 'Token expired or revoked',
  });
  const status = await page.evaluate(async (origin) => {
    const reply = await fetch(`${origin}/gmail/v1/users/me/messages/send`, {
      method: 'POST',
      headers: { Authorization: 'Bearer x' },
      body: '{}',
    });
    return reply.status;
  }, offlineGoogle.origins['gmail.googleapis.com']);
  expect(status).toBe(401);
});

test('§6.15 GSI_LOGGER-style console lines for the popup flow', async ({ page, offlineGoogle, control }) => {
  const lines: string[] = [];
  page.on('console', (message) => lines.push(message.text()));
  await loadHarness(page, offlineGoogle, control);
  const popup = await request(page);
  await popup.close();
  await page.waitForFunction(() => w().errors.length === 1);
  expect(lines).toEqual(
    expect.arrayContaining([
      '[GSI_LOGGER-TOKEN_CLIENT]: Starting popup flow.',
      '[GSI_LOGGER-TOKEN_CLIENT]: Popup window closed.',
    ]),
  );
});
