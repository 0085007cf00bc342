import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { largestJsonMessage } from '../../../src/gmail/raw-encoding.ts';
import type { RequestBytes } from '../../../src/gmail/resumable-upload.ts';
import { createSender, type SenderDeps, type WaitInfo } from '../../../src/gmail/sender.ts';
import { apiRoot, FakeGapi, FakeUploadServer, googleError, messageBytes } from './fake-gmail.ts';

const KiB = 1024;
const cap = 64 * KiB; // a small JSON cap keeps upload-path tests fast

function setup(overrides: Partial<SenderDeps> = {}) {
  const gapi = new FakeGapi().ready();
  const server = new FakeUploadServer();
  const tokens = { token: 'tok' as string | null, invalidated: 0 };
  const requestBytes: RequestBytes[] = [];
  const sender = createSender({
    gapi,
    fetch: server.fetch,
    tokens: {
      accessToken: () => tokens.token,
      invalidateToken: () => {
        tokens.invalidated += 1;
      },
    },
    endpoints: { gmailApiRoot: apiRoot },
    random: () => 0,
    jsonCapBytes: cap,
    chunkBytes: 256 * KiB,
    onRequestBytes: (info) => requestBytes.push(info),
    ...overrides,
  });
  return { gapi, server, tokens, sender, requestBytes };
}

/** Runs a send to completion under fake timers, letting every wait elapse. */
async function settle<T>(promise: Promise<T>): Promise<T> {
  await vi.runAllTimersAsync();
  return promise;
}

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-11-25T10:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('choosing the path', () => {
  it('sends JSON while the request fits the cap and uploads above it', () => {
    const { sender } = setup();
    const largest = largestJsonMessage(cap);
    expect(sender.pathFor(largest)).toBe('json');
    expect(sender.pathFor(largest + 1)).toBe('upload');
    expect(sender.pathFor(largest, 'thread-id')).toBe('upload');
  });

  it('defaults to a 4.5 MB JSON cap: a 3 MB message goes as JSON, a 4 MB one is uploaded', () => {
    const { sender } = setup({ jsonCapBytes: undefined });
    expect(sender.pathFor(3_000_000)).toBe('json');
    expect(sender.pathFor(4_000_000)).toBe('upload');
  });

  it('refuses a message over 36,700,160 bytes before any request', async () => {
    const { sender, gapi, server } = setup();
    const outcome = await sender.send(new Uint8Array(36_700_161));
    expect(outcome).toEqual({ kind: 'stopped', code: 'too-large', sizeBytes: 36_700_161, limitBytes: 36_700_160 });
    expect(gapi.calls).toHaveLength(0);
    expect(server.requests).toHaveLength(0);
  });
});

describe('JSON path through gapi', () => {
  it('sends base64url raw with userId me and the token, and returns the message ids', async () => {
    const { sender, gapi, requestBytes } = setup();
    const bytes = new TextEncoder().encode('To: 山田 <a@example.jp>\r\nSubject: テスト\r\n\r\n本文???>>>\r\n');
    const outcome = await settle(sender.send(bytes, { threadId: '18f0a1b2c3d4e5f6' }));
    expect(outcome).toEqual({ kind: 'sent', id: '19cde51dc125579f', threadId: '18f0a1b2c3d4e5f6', labelIds: ['SENT'] });
    const resource = gapi.calls[0];
    expect(resource?.raw).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(resource?.raw ?? '', 'base64url')).toEqual(Buffer.from(bytes));
    expect(resource?.threadId).toBe('18f0a1b2c3d4e5f6');
    expect(gapi.tokens).toEqual(['tok']);
    expect(requestBytes).toEqual([{ kind: 'json', bytes: JSON.stringify(resource).length }]);
  });

  it('asks for reauthorization without a request when there is no token', async () => {
    const { sender, gapi, tokens } = setup();
    tokens.token = null;
    expect(await sender.send(messageBytes(100))).toEqual({ kind: 'needs-reauth' });
    expect(gapi.calls).toHaveLength(0);
  });

  it('on 401 forgets the token and asks for reauthorization, sending nothing else', async () => {
    const { sender, gapi, tokens } = setup();
    gapi.script.push(googleError(401, 'Request had invalid authentication credentials.', 'authError'));
    expect(await settle(sender.send(messageBytes(100)))).toEqual({ kind: 'needs-reauth' });
    expect(tokens.invalidated).toBe(1);
    expect(gapi.calls).toHaveLength(1);
  });

  it('waits with backoff through 503s, reports each wait, and delivers exactly once', async () => {
    const { sender, gapi } = setup();
    gapi.script.push(googleError(503, 'Service Unavailable'), googleError(500, 'Backend Error', 'backendError'));
    const waits: WaitInfo[] = [];
    const start = Date.now();
    const outcome = await settle(sender.send(messageBytes(100), { onWait: (info) => waits.push(info) }));
    expect(outcome.kind).toBe('sent');
    expect(gapi.delivered).toHaveLength(1);
    expect(waits).toEqual([
      { until: start + 1000, reason: 'server-error', attempt: 1 },
      { until: start + 1000 + 2000, reason: 'server-error', attempt: 2 },
    ]);
  });

  it('honours Retry-After on a 429 before the one retry that succeeds', async () => {
    const { sender, gapi } = setup();
    gapi.script.push({
      ...googleError(429, 'Too many requests: User-rate limit exceeded'),
      headers: { 'retry-after': '9' },
    });
    const waits: WaitInfo[] = [];
    const start = Date.now();
    expect((await settle(sender.send(messageBytes(10), { onWait: (w) => waits.push(w) }))).kind).toBe('sent');
    expect(waits).toEqual([{ until: start + 9000, reason: 'rate-limit', attempt: 1 }]);
    expect(gapi.delivered).toHaveLength(1);
  });

  it('stops after six tries of server errors', async () => {
    const { sender, gapi } = setup();
    for (let i = 0; i < 6; i += 1) gapi.script.push(googleError(502, 'Bad Gateway'));
    expect(await settle(sender.send(messageBytes(10)))).toMatchObject({ kind: 'stopped', code: 'server-error' });
    expect(gapi.calls).toHaveLength(6);
    expect(gapi.delivered).toHaveLength(0);
  });

  it('never resends when the answer was lost: the mail may have gone', async () => {
    const { sender, gapi } = setup();
    gapi.script.push('drop');
    expect(await settle(sender.send(messageBytes(10)))).toEqual({ kind: 'uncertain' });
    expect(gapi.calls).toHaveLength(1);
    expect(gapi.delivered).toHaveLength(1);
  });

  it('points a 400 Invalid To header at the To field', async () => {
    const { sender, gapi } = setup();
    gapi.script.push(googleError(400, 'Invalid To header', 'invalidArgument'));
    expect(await settle(sender.send(messageBytes(10)))).toEqual({
      kind: 'stopped',
      code: 'invalid-header',
      field: 'to',
      message: 'Invalid To header',
    });
  });

  it('reads an HTML 413 whose result is false (gapi: not JSON)', async () => {
    const { sender, gapi } = setup();
    gapi.script.push({ result: false, body: '<html>Request Entity Too Large</html>', status: 413, headers: {} });
    expect(await settle(sender.send(messageBytes(10)))).toMatchObject({
      kind: 'stopped',
      code: 'too-large',
      sizeBytes: 10,
    });
  });

  it('stops a daily-limit 403 at once, without retrying', async () => {
    const { sender, gapi } = setup();
    gapi.script.push(googleError(403, 'Daily Limit Exceeded', 'dailyLimitExceeded'));
    expect(await settle(sender.send(messageBytes(10)))).toMatchObject({ kind: 'stopped', code: 'daily-limit' });
    expect(gapi.calls).toHaveLength(1);
  });

  it('cancels during a wait and makes no further request', async () => {
    const { sender, gapi } = setup();
    gapi.script.push(googleError(503, 'Service Unavailable'));
    const controller = new AbortController();
    const promise = sender.send(messageBytes(10), { signal: controller.signal, onWait: () => controller.abort() });
    expect(await settle(promise)).toEqual({ kind: 'cancelled' });
    expect(gapi.calls).toHaveLength(1);
  });

  it('says the client is not ready when gapi init has not finished', async () => {
    const gapi = new FakeGapi();
    const { sender } = setup({ gapi });
    expect(await sender.send(messageBytes(10))).toEqual({ kind: 'stopped', code: 'client-not-ready' });
  });
});

describe('upload path through the sender', () => {
  it('uploads raw bytes with progress and delivers them byte for byte', async () => {
    const { sender, server, gapi, requestBytes } = setup();
    const bytes = messageBytes(700 * KiB);
    const progress: number[] = [];
    const outcome = await settle(sender.send(bytes, { onProgress: (sent) => progress.push(sent) }));
    expect(outcome.kind).toBe('sent');
    expect(gapi.calls).toHaveLength(0);
    expect(server.delivered).toHaveLength(1);
    expect(Buffer.compare(Buffer.from(server.delivered[0] as Uint8Array), Buffer.from(bytes))).toBe(0);
    expect(progress).toEqual([0, 256 * KiB, 512 * KiB, 700 * KiB]);
    const onWire = requestBytes.reduce((sum, info) => sum + info.bytes, 0);
    expect(onWire).toBe(bytes.length);
  });

  it('resumes by itself after a dropped connection, once, after a short wait', async () => {
    const { sender, server } = setup();
    server.faults.set(2, { kind: 'drop-before' });
    const waits: WaitInfo[] = [];
    const outcome = await settle(sender.send(messageBytes(700 * KiB), { onWait: (w) => waits.push(w) }));
    expect(outcome.kind).toBe('sent');
    expect(waits.map((w) => w.reason)).toEqual(['network']);
    expect(server.delivered).toHaveLength(1);
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('says plainly when the upload endpoint cannot be reached, with the size to get under', async () => {
    const { sender, server } = setup();
    server.unreachable = true;
    expect(await settle(sender.send(messageBytes(700 * KiB)))).toEqual({
      kind: 'stopped',
      code: 'upload-unreachable',
      sizeBytes: 700 * KiB,
      limitBytes: largestJsonMessage(cap),
    });
  });

  it('reports uncertain when the final chunk left and the session can no longer be asked', async () => {
    const { sender, server } = setup();
    server.faults.set(3, { kind: 'drop-after' }); // final chunk (3rd PUT) handled, answer lost
    for (let i = 4; i < 20; i += 1) server.faults.set(i, { kind: 'drop-before' });
    expect(await settle(sender.send(messageBytes(700 * KiB)))).toEqual({ kind: 'uncertain' });
    expect(server.delivered).toHaveLength(1);
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('turns a 401 during the upload into needs-reauth', async () => {
    const { sender, server } = setup();
    server.faults.set(1, {
      kind: 'status',
      status: 401,
      body: '{"error":{"code":401,"message":"Invalid Credentials"}}',
    });
    expect(await settle(sender.send(messageBytes(700 * KiB)))).toEqual({ kind: 'needs-reauth' });
    expect(server.delivered).toHaveLength(0);
  });
});

describe('a browser that knows it is offline', () => {
  it('stops with "offline" before anything leaves, on either path, and sends nothing', async () => {
    for (const size of [1 * KiB, 200 * KiB]) {
      const { sender, requestBytes } = setup({ isOnline: () => false });
      const outcome = await settle(sender.send(messageBytes(size)));
      expect(outcome).toEqual({ kind: 'stopped', code: 'offline' });
      expect(requestBytes).toEqual([]);
    }
  });

  it('sends normally once the browser is back online', async () => {
    let online = false;
    const { sender } = setup({ isOnline: () => online });
    expect(await settle(sender.send(messageBytes(KiB)))).toMatchObject({ kind: 'stopped', code: 'offline' });
    online = true;
    expect(await settle(sender.send(messageBytes(KiB)))).toMatchObject({ kind: 'sent' });
  });
});
