/**
 * The sender: one attempt at one message, on either path. Waiting and retrying belong to the outbox
 * (test/unit/outbox); here each answer of Google's becomes the one outcome the outbox acts on.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { largestJsonMessage } from '../../../src/gmail/raw-encoding.ts';
import type { RequestBytes } from '../../../src/gmail/resumable-upload.ts';
import { type AttemptOptions, createSender, type SenderDeps, type SendStep } from '../../../src/gmail/sender.ts';
import { apiRoot, FakeGapi, FakeUploadServer, googleError, messageBytes } from './fake-gmail.ts';

const KiB = 1024;
const cap = 64 * KiB; // a small JSON cap keeps upload-path tests fast

function setup(overrides: Partial<SenderDeps> = {}) {
  const gapi = new FakeGapi().ready();
  const server = new FakeUploadServer();
  const requestBytes: RequestBytes[] = [];
  const sender = createSender({
    gapi,
    fetch: server.fetch,
    endpoints: { gmailApiRoot: apiRoot },
    random: () => 0,
    jsonCapBytes: cap,
    chunkBytes: 256 * KiB,
    onRequestBytes: (info) => requestBytes.push(info),
    ...overrides,
  });
  const steps: SendStep[] = [];
  const attempt = (bytes: Uint8Array, options: Partial<AttemptOptions> = {}) =>
    sender.attempt(new Blob([bytes as Uint8Array<ArrayBuffer>]), {
      token: 'tok',
      retriesSoFar: 0,
      checkpoint: async (step) => {
        steps.push(step);
      },
      ...options,
    });
  return { gapi, server, sender, requestBytes, steps, attempt };
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
    const { attempt, gapi, server } = setup();
    const outcome = await attempt(new Uint8Array(36_700_161));
    expect(outcome).toEqual({ kind: 'stopped', code: 'too-large', sizeBytes: 36_700_161, limitBytes: 36_700_160 });
    expect(gapi.calls).toHaveLength(0);
    expect(server.requests).toHaveLength(0);
  });

  it('an attempt that resumes an upload stays on the upload path, even for a small message', async () => {
    const { attempt, server, gapi } = setup();
    const first = await attempt(messageBytes(700 * KiB), { signal: AbortSignal.abort() });
    expect(first.kind).toBe('cancelled');
    server.faults.set(2, { kind: 'drop-before' });
    const dropped = await attempt(messageBytes(700 * KiB));
    expect(dropped).toMatchObject({ kind: 'retry', reason: 'network' });
    const upload = dropped.kind === 'retry' ? dropped.upload : undefined;
    expect(upload).toMatchObject({ confirmed: 256 * KiB, finalChunkSent: false });
    const resumed = await attempt(messageBytes(700 * KiB), { resume: upload });
    expect(resumed.kind).toBe('sent');
    expect(gapi.calls).toHaveLength(0);
  });
});

describe('JSON path through gapi', () => {
  it('sends base64url raw with userId me and the token, after saying so, and returns the message ids', async () => {
    const { attempt, gapi, requestBytes, steps } = setup();
    const bytes = new TextEncoder().encode('To: 山田 <a@example.jp>\r\nSubject: テスト\r\n\r\n本文???>>>\r\n');
    const outcome = await attempt(bytes, { threadId: '18f0a1b2c3d4e5f6' });
    expect(outcome).toEqual({ kind: 'sent', id: '19cde51dc125579f', threadId: '18f0a1b2c3d4e5f6', labelIds: ['SENT'] });
    const resource = gapi.calls[0];
    expect(resource?.raw).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(resource?.raw ?? '', 'base64url')).toEqual(Buffer.from(bytes));
    expect(resource?.threadId).toBe('18f0a1b2c3d4e5f6');
    expect(gapi.tokens).toEqual(['tok']);
    expect(steps).toEqual([{ kind: 'json' }]);
    expect(requestBytes).toEqual([{ kind: 'json', bytes: JSON.stringify(resource).length }]);
  });

  it('on 401 hands back the token it used, so only that one is forgotten', async () => {
    const { attempt, gapi } = setup();
    gapi.script.push(googleError(401, 'Request had invalid authentication credentials.', 'authError'));
    expect(await attempt(messageBytes(100), { token: 'tok-old' })).toEqual({
      kind: 'needs-token',
      rejectedToken: 'tok-old',
    });
    expect(gapi.calls).toHaveLength(1);
  });

  it.each([500, 502, 503, 504])('a %i is not sure: messages.send is not idempotent', async (status) => {
    const { attempt, gapi } = setup();
    gapi.script.push(googleError(status, 'Server error', status === 500 ? 'backendError' : undefined));
    expect(await attempt(messageBytes(100))).toEqual({ kind: 'uncertain', reason: 'server-error' });
    expect(gapi.calls).toHaveLength(1);
  });

  it('honours Retry-After on a 429: retry after that long', async () => {
    const { attempt, gapi } = setup();
    gapi.script.push({
      ...googleError(429, 'Too many requests: User-rate limit exceeded'),
      headers: { 'retry-after': '9' },
    });
    expect(await attempt(messageBytes(10))).toEqual({ kind: 'retry', delayMs: 9000, reason: 'rate-limit' });
  });

  it('backs off on a 403 rate limit by the retries already made', async () => {
    const { attempt, gapi } = setup();
    gapi.script.push(googleError(403, 'Rate Limit Exceeded', 'rateLimitExceeded'));
    expect(await attempt(messageBytes(10), { retriesSoFar: 2 })).toEqual({
      kind: 'retry',
      delayMs: 4000,
      reason: 'rate-limit',
    });
  });

  it('stops once the retries are used up', async () => {
    const { attempt, gapi } = setup();
    gapi.script.push(googleError(429, 'Resource has been exhausted (e.g. check quota).', 'rateLimitExceeded'));
    expect(await attempt(messageBytes(10), { retriesSoFar: 5 })).toMatchObject({
      kind: 'stopped',
      code: 'rate-limited',
    });
  });

  it('never resends when the answer was lost: the mail may have gone', async () => {
    const { attempt, gapi } = setup();
    gapi.script.push('drop');
    expect(await attempt(messageBytes(10))).toEqual({ kind: 'uncertain', reason: 'lost-answer' });
    expect(gapi.calls).toHaveLength(1);
    expect(gapi.delivered).toHaveLength(1);
  });

  it('points a 400 Invalid To header at the To field', async () => {
    const { attempt, gapi } = setup();
    gapi.script.push(googleError(400, 'Invalid To header', 'invalidArgument'));
    expect(await attempt(messageBytes(10))).toEqual({
      kind: 'stopped',
      code: 'invalid-header',
      field: 'to',
      message: 'Invalid To header',
    });
  });

  it('reads an HTML 413 whose result is false (gapi: not JSON)', async () => {
    const { attempt, gapi } = setup();
    gapi.script.push({ result: false, body: '<html>Request Entity Too Large</html>', status: 413, headers: {} });
    expect(await attempt(messageBytes(10))).toMatchObject({ kind: 'stopped', code: 'too-large', sizeBytes: 10 });
  });

  it('stops a daily-limit 403 at once, without retrying', async () => {
    const { attempt, gapi } = setup();
    gapi.script.push(googleError(403, 'Daily Limit Exceeded', 'dailyLimitExceeded'));
    expect(await attempt(messageBytes(10))).toMatchObject({ kind: 'stopped', code: 'daily-limit' });
    expect(gapi.calls).toHaveLength(1);
  });

  it('says the client is not ready when gapi init has not finished, before anything leaves', async () => {
    const { attempt, steps } = setup({ gapi: new FakeGapi() });
    expect(await attempt(messageBytes(10))).toEqual({ kind: 'stopped', code: 'client-not-ready' });
    expect(steps).toEqual([]);
  });
});

describe('upload path through the sender', () => {
  it('uploads raw bytes with progress and delivers them byte for byte', async () => {
    const { attempt, server, gapi, requestBytes, steps } = setup();
    const bytes = messageBytes(700 * KiB);
    const progress: number[] = [];
    const outcome = await attempt(bytes, { onProgress: (sent) => progress.push(sent) });
    expect(outcome.kind).toBe('sent');
    expect(gapi.calls).toHaveLength(0);
    expect(server.delivered).toHaveLength(1);
    expect(Buffer.compare(Buffer.from(server.delivered[0] as Uint8Array), Buffer.from(bytes))).toBe(0);
    expect(progress).toEqual([0, 256 * KiB, 512 * KiB, 700 * KiB]);
    expect(requestBytes.reduce((sum, info) => sum + info.bytes, 0)).toBe(bytes.length);
    expect(
      steps.map((step) =>
        step.kind === 'upload' ? `${step.upload.confirmed}${step.upload.finalChunkSent ? '!' : ''}` : step.kind,
      ),
    ).toEqual(['upload-start', '0', String(256 * KiB), String(512 * KiB), `${512 * KiB}!`]);
  });

  it('a dropped connection: retry, with the session kept for a status query', async () => {
    const { attempt, server } = setup();
    server.faults.set(2, { kind: 'drop-before' });
    const outcome = await attempt(messageBytes(700 * KiB));
    expect(outcome).toMatchObject({ kind: 'retry', reason: 'network', upload: { confirmed: 256 * KiB } });
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('says plainly when the upload endpoint cannot be reached, with the size to get under', async () => {
    const { attempt, server } = setup();
    server.unreachable = true;
    expect(await attempt(messageBytes(700 * KiB))).toEqual({
      kind: 'stopped',
      code: 'upload-unreachable',
      sizeBytes: 700 * KiB,
      limitBytes: largestJsonMessage(cap),
    });
  });

  it('after the final chunk left, a vanished session is not sure', async () => {
    const { attempt, server } = setup();
    server.faults.set(3, { kind: 'drop-after' }); // final chunk handled, answer lost
    const first = await attempt(messageBytes(700 * KiB));
    expect(first).toMatchObject({ kind: 'retry', upload: { finalChunkSent: true } });
    server.faults.set(4, { kind: 'expire-session' });
    const upload = first.kind === 'retry' ? first.upload : undefined;
    expect(await attempt(messageBytes(700 * KiB), { resume: upload })).toEqual({
      kind: 'uncertain',
      reason: 'session-gone',
    });
    expect(server.delivered).toHaveLength(1);
  });

  it('a status query after the final chunk finds the message complete: sent, once', async () => {
    const { attempt, server } = setup();
    server.faults.set(3, { kind: 'drop-after' });
    const first = await attempt(messageBytes(700 * KiB));
    const upload = first.kind === 'retry' ? first.upload : undefined;
    expect(await attempt(messageBytes(700 * KiB), { resume: upload })).toMatchObject({ kind: 'sent' });
    expect(server.delivered).toHaveLength(1);
    expect(server.requests.at(-1)?.headers['content-range']).toBe(`bytes */${700 * KiB}`);
  });

  it('a 401 during the upload asks for a token and keeps the session', async () => {
    const { attempt, server } = setup();
    server.faults.set(2, {
      kind: 'status',
      status: 401,
      body: '{"error":{"code":401,"message":"Invalid Credentials"}}',
    });
    const outcome = await attempt(messageBytes(700 * KiB));
    expect(outcome).toMatchObject({ kind: 'needs-token', rejectedToken: 'tok', upload: { confirmed: 256 * KiB } });
    expect(server.delivered).toHaveLength(0);
  });
});

describe('a browser that knows it is offline', () => {
  it('waits for the network before anything leaves, on either path', async () => {
    for (const size of [1 * KiB, 200 * KiB]) {
      const { attempt, requestBytes, steps } = setup({ isOnline: () => false });
      expect(await attempt(messageBytes(size))).toEqual({ kind: 'offline' });
      expect(requestBytes).toEqual([]);
      expect(steps).toEqual([]);
    }
  });

  it('an upload that loses the network keeps its session for when the browser is back', async () => {
    let online = true;
    const server = new FakeUploadServer();
    server.faults.set(2, { kind: 'drop-before' });
    const goesOffline: typeof globalThis.fetch = async (input, init) => {
      if (server.requests.length === 2) online = false;
      return server.fetch(input, init);
    };
    const { attempt } = setup({ isOnline: () => online, fetch: goesOffline });
    expect(await attempt(messageBytes(700 * KiB))).toMatchObject({
      kind: 'offline',
      upload: { confirmed: 256 * KiB, finalChunkSent: false },
    });
  });
});
