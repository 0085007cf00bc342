/**
 * Strictness of the fault injection (issue 19 item 2, issue 13 defect 3), each with its source:
 * - "accepted, then 5xx": Gmail's error guide lists 502/503/504 with no promise that the request was not processed,
 *   and says "You can't assume that a 200 response means the email was successfully sent" (gmail-send.md §3), so a
 *   server error can follow a completed send; the double records the message, then answers the 5xx.
 * - "accepted, then the answer is lost" (dropAfterAccept): the connection dies after Gmail recorded the message.
 * - authorization before faults: Google's front end rejects a bad credential before a backend answers
 *   (gmail-send.md §5/§6.2: the 401 body comes from the front end with `server: ESF`), so a pending 5xx or 429
 *   is not spent on, nor shown to, a request without a valid token.
 */
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, message, sendRaw, simple, tokenFor, useOfflineGoogle } from './helpers.ts';

const google = useOfflineGoogle();
const KIB256 = 256 * 1024;

describe('accepted, then 5xx (serverErrorAfterAccept)', () => {
  for (const status of [500, 502, 503, 504] as const) {
    it(`JSON path: the message is recorded and the client gets ${status} with Google's error envelope`, async () => {
      await google.control.injectFaults([{ kind: 'serverErrorAfterAccept', status, route: 'send' }]);
      const reply = await sendRaw(google, simple, { token: await tokenFor(google) });
      expect(reply.status).toBe(status);
      expect((await reply.json()).error.code).toBe(status);
      expect(await google.control.outbox()).toHaveLength(1);
      expect((await google.control.requests()).at(-1)).toMatchObject({ route: 'send', status });
    });
  }

  it('resumable: the final chunk is accepted then answered 503; a status query then returns the sent message', async () => {
    const raw = Buffer.from(message({ To: 'c@example.org', Subject: 'big' }, 'y'.repeat(300 * 1024)));
    const token = await tokenFor(google);
    const start = await fetch(`${google.origin}/upload/gmail/v1/users/me/messages/send?uploadType=resumable`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'X-Upload-Content-Length': String(raw.length), Origin: APP_ORIGIN },
    });
    const location = start.headers.get('location')!;
    const put = (body: Buffer, range: string) =>
      fetch(location, { method: 'PUT', headers: { 'Content-Range': range }, body: new Uint8Array(body) });
    expect((await put(raw.subarray(0, KIB256), `bytes 0-${KIB256 - 1}/${raw.length}`)).status).toBe(308);
    await google.control.injectFaults([{ kind: 'serverErrorAfterAccept', status: 503, route: 'upload' }]);
    const last = await put(raw.subarray(KIB256), `bytes ${KIB256}-${raw.length - 1}/${raw.length}`);
    expect(last.status).toBe(503);
    expect(await google.control.outbox()).toHaveLength(1);
    const status = await put(Buffer.alloc(0), `bytes */${raw.length}`);
    expect(status.status).toBe(200);
    expect((await status.json()).id).toBe((await google.control.outbox())[0]!.id);
  });

  it('a message Gmail refuses (no recipient) gets its 400 and is not recorded', async () => {
    await google.control.injectFaults([{ kind: 'serverErrorAfterAccept', status: 502, route: 'send' }]);
    const token = await tokenFor(google);
    const refused = await sendRaw(google, message({ Subject: 'nobody' }), { token });
    // The 502 answers whatever the backend did; an invalid message is not accepted, so nothing is recorded.
    expect(refused.status).toBe(400);
    expect(await google.control.outbox()).toHaveLength(0);
  });
});

describe('accepted, then the answer is lost (dropAfterAccept)', () => {
  it('records the message and cuts the answer short, so the client cannot tell', async () => {
    await google.control.injectFaults([{ kind: 'dropAfterAccept', route: 'send' }]);
    await expect(sendRaw(google, simple, { token: await tokenFor(google) })).rejects.toThrow();
    expect(await google.control.outbox()).toHaveLength(1);
  });
});

describe('authorization is checked before answer faults', () => {
  for (const fault of [
    { kind: 'serverError', status: 503 },
    { kind: 'tooManyRequests' },
    { kind: 'serverErrorAfterAccept', status: 504 },
    { kind: 'dropAfterAccept' },
  ] as const) {
    it(`${fault.kind}: an expired or garbage token gets 401 and the fault stays pending`, async () => {
      await google.control.injectFaults([{ ...fault, route: 'send' }]);
      const reply = await sendRaw(google, simple, { token: 'ya29.garbage-token-value' });
      expect(reply.status).toBe(401);
      expect(await google.control.pendingFaults()).toHaveLength(1);
      expect(await google.control.outbox()).toHaveLength(0);
    });
  }

  it('transport faults still strike first: a dropped connection needs no credential', async () => {
    await google.control.injectFaults([{ kind: 'dropBeforeBody', route: 'send' }]);
    await expect(sendRaw(google, simple, { token: null })).rejects.toThrow();
    expect(await google.control.pendingFaults()).toHaveLength(0);
  });

  it('userinfo: a bad token gets 401 before an injected 500', async () => {
    await google.control.injectFaults([{ kind: 'serverError', status: 500, route: 'userinfo' }]);
    const reply = await fetch(`${google.google.origins['www.googleapis.com']}/oauth2/v3/userinfo`, {
      headers: { Authorization: 'Bearer nope' },
    });
    expect(reply.status).toBe(401);
    expect(await google.control.pendingFaults()).toHaveLength(1);
  });
});
