/**
 * The gapi double in Chromium, against /work/shared/reference/gis-gapi.md §6 items 12-14 (behaviour from
 * google/google-api-javascript-client docs: reference.md, promises.md, discovery.md).
 */
import { expect, GMAIL_SEND, loadHarness, test } from './harness.ts';

/** @types/gapi does not know discovery-generated namespaces; this is the slice these tests call. */
type SendFn = (params: object, body?: object) => Promise<{ result: { id: string; labelIds: string[] } }>;
type WithGmail = { gmail: { users: { messages: { send: SendFn } } } };

const raw = (to: string, subject: string) =>
  btoa(`To: ${to}\r\nSubject: ${subject}\r\n\r\nHello.\r\n`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

test('§6.12 gapi.load with a callback or a config ({callback, onerror}); init with a discovery URL', async ({
  page,
  offlineGoogle,
  control,
}) => {
  await loadHarness(page, offlineGoogle, control);
  const outcome = await page.evaluate(async (origin) => {
    const viaConfig = await new Promise<string>((resolve) =>
      gapi.load('client', { callback: () => resolve('callback'), onerror: () => resolve('onerror') }),
    );
    const unknown = await new Promise<string>((resolve) =>
      gapi.load('picker', { callback: () => resolve('callback'), onerror: () => resolve('onerror') }),
    );
    await gapi.client.init({ apiKey: 'k', discoveryDocs: [`${origin}/discovery/v1/apis/gmail/v1/rest`] });
    return { viaConfig, unknown, send: typeof (gapi.client as unknown as WithGmail).gmail.users.messages.send };
  }, offlineGoogle.origins['www.googleapis.com']);
  expect(outcome).toEqual({ viaConfig: 'callback', unknown: 'onerror', send: 'function' });
});

test('§6.12 init accepts a discovery object and honours its rootUrl; bad documents reject', async ({
  page,
  offlineGoogle,
  control,
}) => {
  await loadHarness(page, offlineGoogle, control);
  const token = (await control.issueToken('alice@example.com', [GMAIL_SEND])).access_token;
  const outcome = await page.evaluate(
    async ({ origin, token, raw }) => {
      const full = await (await fetch(`${origin}/$discovery/rest?version=v1`)).json();
      // The app's shape: a trimmed copy holding only messages.send, with rootUrl set from configuration.
      const send = full.resources.users.resources.messages.methods.send;
      const trimmed = {
        ...full,
        rootUrl: `${origin}/`,
        resources: { users: { resources: { messages: { methods: { send } } } } },
      };
      await gapi.client.init({ discoveryDocs: [trimmed] as unknown as string[] });
      gapi.client.setToken({ access_token: token });
      const sent = await (gapi.client as unknown as WithGmail).gmail.users.messages.send({
        userId: 'me',
        resource: { raw },
      });
      const missing = await gapi.client.init({ discoveryDocs: [{ name: 'x' }] as unknown as string[] }).then(
        () => 'resolved',
        (e: { error: { message: string } }) => e.error.message,
      );
      const notFound = await gapi.client.load(`${origin}/discovery/v1/apis/nope/v1/rest`).then(
        () => 'resolved',
        () => 'rejected',
      );
      return { labels: sent.result.labelIds, missing, notFound };
    },
    { origin: offlineGoogle.origins['www.googleapis.com'], token, raw: raw('carol@example.org', 'trimmed') },
  );
  expect(outcome).toEqual({
    labels: ['SENT'],
    missing: 'API discovery response missing required fields.',
    notFound: 'rejected',
  });
  expect((await control.requests()).map((r) => r.path)).toEqual(['/gmail/v1/users/me/messages/send']);
});

test('§6.12 setToken/getToken: null when unset, memory only (gone after reload); request() with a path', async ({
  page,
  offlineGoogle,
  control,
}) => {
  await loadHarness(page, offlineGoogle, control);
  const token = (await control.issueToken('bob@example.com', ['email'])).access_token;
  const outcome = await page.evaluate(async (token) => {
    const before = gapi.client.getToken();
    gapi.client.setToken({ access_token: token });
    const info = await gapi.client.request({ path: '/oauth2/v3/userinfo' });
    return { before, after: gapi.client.getToken()?.access_token === token, email: info.result.email };
  }, token);
  expect(outcome).toEqual({ before: null, after: true, email: 'bob@example.com' });
  await page.reload();
  await page.waitForFunction(() => typeof gapi !== 'undefined');
  await page.evaluate(() => new Promise<void>((resolve) => gapi.load('client', () => resolve())));
  expect(await page.evaluate(() => gapi.client.getToken())).toBeNull();
});

test('§6.13 lazy thenables: no request before then(); one request however often then() runs; execute(cb); one shape', async ({
  page,
  offlineGoogle,
  control,
}) => {
  await loadHarness(page, offlineGoogle, control);
  const token = (await control.issueToken('alice@example.com', ['email'])).access_token;
  await page.evaluate((token) => {
    gapi.client.setToken({ access_token: token });
    (window as unknown as { pending: unknown }).pending = gapi.client.request({ path: '/oauth2/v3/userinfo' });
  }, token);
  await page.waitForTimeout(300);
  expect(await control.requests()).toHaveLength(0);
  const outcome = await page.evaluate(async () => {
    const request = (window as unknown as { pending: gapi.client.HttpRequest<{ email: string }> }).pending;
    const context = { name: 'ctx' };
    const first = await new Promise<unknown>((resolve) =>
      request.then(
        function (this: { name: string }, r) {
          resolve([this.name, r.status, Object.keys(r).sort()]);
        },
        undefined,
        context,
      ),
    );
    const second = await request;
    const legacy = await new Promise<unknown>((resolve) =>
      gapi.client.request({ path: '/oauth2/v3/userinfo' }).execute((json: unknown) => resolve(json)),
    );
    gapi.client.setToken(null);
    const rejected = await gapi.client.request({ path: '/oauth2/v3/userinfo' }).then(
      () => null,
      (reason: object) => Object.keys(reason).sort(),
    );
    return { first, email: second.result.email, legacy: (legacy as { email: string }).email, rejected };
  });
  expect(outcome).toEqual({
    first: ['ctx', 200, ['body', 'headers', 'result', 'status', 'statusText']],
    email: 'alice@example.com',
    legacy: 'alice@example.com',
    rejected: ['body', 'headers', 'result', 'status', 'statusText'],
  });
  expect(await control.requests()).toHaveLength(3);
});

test("§6.14 messages.send in both forms; a bad message rejects with Google's error in reason.result", async ({
  page,
  offlineGoogle,
  control,
}) => {
  await loadHarness(page, offlineGoogle, control);
  const token = (await control.issueToken('alice@example.com', [GMAIL_SEND])).access_token;
  const outcome = await page.evaluate(
    async ({ origin, token, a, b }) => {
      await gapi.client.init({ discoveryDocs: [`${origin}/discovery/v1/apis/gmail/v1/rest`] });
      gapi.client.setToken({ access_token: token });
      const messages = (gapi.client as unknown as WithGmail).gmail.users.messages;
      const viaResource = await messages.send({ userId: 'me', resource: { raw: a } });
      const viaBody = await messages.send({ userId: 'me' }, { raw: b });
      const bad = await messages.send({ userId: 'me', resource: { raw: btoa('Subject: none\r\n\r\nx') } }).then(
        () => null,
        (reason: { status: number; result: { error: { message: string } } }) => [
          reason.status,
          reason.result.error.message,
        ],
      );
      return { ids: [viaResource.result.id, viaBody.result.id].map((id: string) => /^[0-9a-f]{16}$/.test(id)), bad };
    },
    {
      origin: offlineGoogle.origins['www.googleapis.com'],
      token,
      a: raw('carol@example.org', 'resource form'),
      b: raw('dave@example.org', 'body form'),
    },
  );
  expect(outcome).toEqual({ ids: [true, true], bad: [400, 'Recipient address required'] });
  expect((await control.outbox()).map((m) => m.parsed.subject)).toEqual(['resource form', 'body form']);
});
