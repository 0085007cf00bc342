/**
 * Contract tests for /work/shared/reference/gmail-send.md §6.8 (upload protocols, Gmail uploads guide
 * https://developers.google.com/workspace/gmail/api/guides/uploads) and §6.9 (injectable quota and server errors).
 */
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, message, sendRaw, simple, tokenFor, useOfflineGoogle } from './helpers.ts';

const google = useOfflineGoogle();
const KIB256 = 256 * 1024;

async function startSession(token: string, length: number, metadata = ''): Promise<string> {
  const reply = await fetch(`${google.origin}/resumable/upload/gmail/v1/users/me/messages/send?uploadType=resumable`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json; charset=UTF-8',
      'X-Upload-Content-Type': 'message/rfc822',
      'X-Upload-Content-Length': String(length),
      Origin: APP_ORIGIN,
    },
    body: metadata,
  });
  expect(reply.status).toBe(200);
  const location = reply.headers.get('location');
  expect(location).toMatch(/[?&]upload_id=/);
  return location!;
}

function put(location: string, body: Buffer | string, range: string): Promise<Response> {
  return fetch(location, {
    method: 'PUT',
    headers: { 'Content-Range': range, 'Content-Type': 'message/rfc822' },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
}

const bigMessage = Buffer.from(message({ To: 'c@example.org', Subject: 'big' }, 'y'.repeat(600 * 1024)));

describe('§6.8 resumable protocol: start -> Location; 308 + Range per chunk; status query; completion; expiry', () => {
  it('uploads in 256 KiB chunks and completes with the Message JSON', async () => {
    const total = bigMessage.length;
    const location = await startSession(await tokenFor(google), total);
    const first = await put(location, bigMessage.subarray(0, KIB256), `bytes 0-${KIB256 - 1}/${total}`);
    expect(first.status).toBe(308);
    expect(first.headers.get('range')).toBe(`bytes=0-${KIB256 - 1}`);
    const status = await put(location, '', `bytes */${total}`);
    expect(status.status).toBe(308);
    expect(status.headers.get('range')).toBe(`bytes=0-${KIB256 - 1}`);
    const second = await put(
      location,
      bigMessage.subarray(KIB256, 2 * KIB256),
      `bytes ${KIB256}-${2 * KIB256 - 1}/${total}`,
    );
    expect(second.status).toBe(308);
    const last = await put(location, bigMessage.subarray(2 * KIB256), `bytes ${2 * KIB256}-${total - 1}/${total}`);
    expect(last.status).toBe(200);
    const body = await last.json();
    expect(body.labelIds).toEqual(['SENT']);
    const [sent] = await google.control.outbox();
    expect(sent!.via).toBe('resumable');
    expect(Buffer.from(sent!.originalRawBase64, 'base64').equals(bigMessage)).toBe(true);
    // A status query after completion repeats the final answer.
    const again = await put(location, '', `bytes */${total}`);
    expect(again.status).toBe(200);
    expect((await again.json()).id).toBe(body.id);
  });

  it('answers the status query with no Range before any byte arrived', async () => {
    const location = await startSession(await tokenFor(google), 10);
    const reply = await put(location, '', 'bytes */10');
    expect(reply.status).toBe(308);
    expect(reply.headers.get('range')).toBeNull();
  });

  it('refuses a non-final chunk that is not a multiple of 256 KiB (googleapis.dart resumable_media_uploader)', async () => {
    const location = await startSession(await tokenFor(google), bigMessage.length);
    const reply = await put(location, bigMessage.subarray(0, 1000), `bytes 0-999/${bigMessage.length}`);
    expect(reply.status).toBe(400);
  });

  it('answers 404 for an unknown session and 410 once the session is a week old', async () => {
    const unknown = await put(
      `${google.origin}/upload/gmail/v1/users/me/messages/send?uploadType=resumable&upload_id=nope`,
      simple,
      'bytes */*',
    );
    expect(unknown.status).toBe(404);
    const location = await startSession(await tokenFor(google), 10);
    await google.control.advanceClock(7 * 24 * 3600);
    expect((await put(location, '', 'bytes */10')).status).toBe(410);
  });

  it('media and multipart uploads send the message bytes unencoded (uploadType=media|multipart)', async () => {
    const token = await tokenFor(google);
    const media = await fetch(`${google.origin}/upload/gmail/v1/users/me/messages/send?uploadType=media`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'message/rfc822' },
      body: simple,
    });
    expect(media.status).toBe(200);
    const boundary = 'b0undary';
    const multipartBody = `--${boundary}\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n{}\r\n--${boundary}\r\nContent-Type: message/rfc822\r\n\r\n${simple}\r\n--${boundary}--\r\n`;
    const multipart = await fetch(`${google.origin}/upload/gmail/v1/users/me/messages/send?uploadType=multipart`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': `multipart/related; boundary=${boundary}` },
      body: multipartBody,
    });
    expect(multipart.status).toBe(200);
    const outbox = await google.control.outbox();
    expect(outbox.map((m) => m.via)).toEqual(['media', 'multipart']);
    expect(Buffer.from(outbox[1]!.originalRawBase64, 'base64').toString()).toBe(simple);
  });

  it('resumes after an upload dropped part-way (uploadDrop): the persisted range is whole 256 KiB units', async () => {
    const total = bigMessage.length;
    const location = await startSession(await tokenFor(google), total);
    await google.control.injectFaults([{ route: 'upload', kind: 'uploadDrop', afterPercent: 60 }]);
    await expect(put(location, bigMessage, `bytes 0-${total - 1}/${total}`)).rejects.toThrow();
    const status = await put(location, '', `bytes */${total}`);
    expect(status.status).toBe(308);
    const persisted = Number(/bytes=0-(\d+)/.exec(status.headers.get('range') ?? '')?.[1] ?? -1) + 1;
    expect(persisted % KIB256).toBe(0);
    const rest = await put(location, bigMessage.subarray(persisted), `bytes ${persisted}-${total - 1}/${total}`);
    expect(rest.status).toBe(200);
    expect(Buffer.from((await google.control.outbox())[0]!.originalRawBase64, 'base64').equals(bigMessage)).toBe(true);
  });

  it('sessionGone fault answers 410 on the next chunk', async () => {
    const location = await startSession(await tokenFor(google), 10);
    await google.control.injectFaults([{ route: 'upload', kind: 'sessionGone' }]);
    expect((await put(location, '', 'bytes */10')).status).toBe(410);
  });
});

describe('§6.9 quota and server errors, injectable for the next N requests', () => {
  it('403 rateLimitExceeded / userRateLimitExceeded / dailyLimitExceeded in the usageLimits domain', async () => {
    const token = await tokenFor(google);
    for (const reason of ['rateLimitExceeded', 'userRateLimitExceeded', 'dailyLimitExceeded'] as const) {
      await google.control.injectFaults([{ route: 'send', kind: 'forbidden', reason }]);
      const reply = await sendRaw(google, simple, { token });
      expect(reply.status).toBe(403);
      expect((await reply.json()).error.errors[0]).toMatchObject({ domain: 'usageLimits', reason });
    }
    expect((await sendRaw(google, simple, { token })).status).toBe(200);
  });

  it('429 with "Retry after <ISO>" (two spaces, bettergov/foiamail#36) and a Retry-After header, or neither', async () => {
    const token = await tokenFor(google);
    await google.control.injectFaults([
      { kind: 'tooManyRequests', retryAfterIso: '2026-11-26T00:15:00.000Z', retryAfterHeaderSeconds: 30 },
      { kind: 'tooManyRequests' },
    ]);
    const timed = await sendRaw(google, simple, { token });
    expect(timed.status).toBe(429);
    expect(timed.headers.get('retry-after')).toBe('30');
    expect((await timed.json()).error.message).toBe('User-rate limit exceeded.  Retry after 2026-11-26T00:15:00.000Z');
    const plain = await sendRaw(google, simple, { token });
    expect(plain.status).toBe(429);
    expect(plain.headers.get('retry-after')).toBeNull();
    expect((await plain.json()).error.status).toBe('RESOURCE_EXHAUSTED');
  });

  it('a limit `until` its retry time refuses every send before it on the double’s clock, and lifts after', async () => {
    // Gmail's daily limit refuses each send until it lifts, however many come ("for multiple hours", handle-errors).
    const token = await tokenFor(google);
    const until = new Date(Date.parse((await google.control.clock()).now) + 15 * 60_000).toISOString();
    await google.control.injectFaults([{ route: 'send', kind: 'tooManyRequests', retryAfterIso: until, until }]);
    for (let i = 0; i < 3; i++) {
      const refused = await sendRaw(google, simple, { token });
      expect(refused.status).toBe(429);
      expect((await refused.json()).error.message).toBe(`User-rate limit exceeded.  Retry after ${until}`);
    }
    await google.control.advanceClock(14 * 60);
    expect((await sendRaw(google, simple, { token })).status).toBe(429);
    expect(await google.control.pendingFaults()).toHaveLength(1);
    await google.control.advanceClock(60);
    expect(await google.control.pendingFaults()).toHaveLength(0);
    expect((await sendRaw(google, simple, { token })).status).toBe(200);
    expect(await google.control.outbox()).toHaveLength(1);
  });

  it('500 backendError, 502, 503, 504 for the next N matching requests only', async () => {
    const token = await tokenFor(google);
    await google.control.injectFaults([
      { route: 'send', kind: 'serverError', status: 500, times: 2 },
      { kind: 'serverError', status: 503 },
    ]);
    expect((await sendRaw(google, simple, { token })).status).toBe(500);
    expect((await sendRaw(google, simple, { token })).status).toBe(500);
    expect((await sendRaw(google, simple, { token })).status).toBe(503);
    for (const status of [502, 504] as const) {
      await google.control.injectFaults([{ kind: 'serverError', status }]);
      expect((await sendRaw(google, simple, { token })).status).toBe(status);
    }
    expect((await sendRaw(google, simple, { token })).status).toBe(200);
    expect(await google.control.outbox()).toHaveLength(1);
  });

  it('a route filter leaves other routes alone', async () => {
    await google.control.injectFaults([{ route: 'userinfo', kind: 'serverError', status: 500 }]);
    expect((await sendRaw(google, simple, { token: await tokenFor(google) })).status).toBe(200);
    expect(await google.control.pendingFaults()).toHaveLength(1);
  });

  it('dropBeforeBody: the connection dies and nothing is recorded', async () => {
    await google.control.injectFaults([{ kind: 'dropBeforeBody' }]);
    await expect(sendRaw(google, simple, { token: await tokenFor(google) })).rejects.toThrow();
    expect(await google.control.outbox()).toHaveLength(0);
  });

  it('dropAfterAccept: the message is recorded, yet the client sees a network error (200 is not the only proof)', async () => {
    await google.control.injectFaults([{ kind: 'dropAfterAccept' }]);
    await expect(sendRaw(google, simple, { token: await tokenFor(google) })).rejects.toThrow();
    expect(await google.control.outbox()).toHaveLength(1);
    const log = await google.control.requests();
    expect(log.at(-1)).toMatchObject({ route: 'send', status: 'dropped' });
  });

  it('delay: a slow answer that still succeeds', async () => {
    await google.control.injectFaults([{ kind: 'delay', ms: 300 }]);
    const started = Date.now();
    expect((await sendRaw(google, simple, { token: await tokenFor(google) })).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('unauthorized: a 401 even for a valid token', async () => {
    await google.control.injectFaults([{ kind: 'unauthorized' }]);
    expect((await sendRaw(google, simple, { token: await tokenFor(google) })).status).toBe(401);
  });
});
