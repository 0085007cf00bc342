import { describe, expect, it } from 'vitest';
import { chunkGranularity, confirmedFromRange, ResumableUpload } from '../../../src/gmail/resumable-upload.ts';
import { apiRoot, FakeUploadServer, messageBytes } from './fake-gmail.ts';

const MiB = 1024 * 1024;

function setup(length: number, chunkBytes = MiB) {
  const server = new FakeUploadServer();
  const bytes = messageBytes(length);
  const progress: Array<[number, number]> = [];
  const upload = new ResumableUpload({
    fetch: server.fetch,
    gmailApiRoot: apiRoot,
    message: new Blob([bytes as Uint8Array<ArrayBuffer>]),
    chunkBytes,
    onProgress: (sent, total) => progress.push([sent, total]),
  });
  return { server, bytes, progress, upload };
}

/** Exactly one delivered message, byte-identical (vitest's deep equality is far too slow for megabytes). */
function expectSameBytes(delivered: Uint8Array[], bytes: Uint8Array): void {
  expect(delivered).toHaveLength(1);
  expect(Buffer.compare(Buffer.from(delivered[0] as Uint8Array), Buffer.from(bytes))).toBe(0);
}

const isMonotonic = (values: number[]) => values.every((value, i) => i === 0 || value >= (values[i - 1] as number));

describe('ResumableUpload', () => {
  it('opens a session and PUTs 1 MiB chunks with Content-Range until Gmail answers with the message', async () => {
    const { server, bytes, progress, upload } = setup(3.5 * MiB);
    const result = await upload.run('token-1');
    expect(result).toEqual({ kind: 'sent', message: expect.objectContaining({ labelIds: ['SENT'] }) });
    expect(server.delivered).toHaveLength(1);
    expectSameBytes(server.delivered, bytes);

    const [start, ...chunks] = server.requests;
    expect(start).toMatchObject({ method: 'POST', bodyBytes: 0 });
    expect(start?.headers).toMatchObject({
      authorization: 'Bearer token-1',
      'x-upload-content-type': 'message/rfc822',
      'x-upload-content-length': String(bytes.length),
    });
    expect(chunks.map((chunk) => chunk.headers['content-range'])).toEqual([
      'bytes 0-1048575/3670016',
      'bytes 1048576-2097151/3670016',
      'bytes 2097152-3145727/3670016',
      'bytes 3145728-3670015/3670016',
    ]);
    for (const chunk of chunks.slice(0, -1)) expect(chunk.bodyBytes % chunkGranularity).toBe(0);
    expect(chunks.every((chunk) => chunk.headers['content-type'] === 'message/rfc822')).toBe(true);
    expect(progress.map(([sent]) => sent)).toEqual([0, MiB, 2 * MiB, 3 * MiB, 3.5 * MiB]);
    expect(progress.every(([, total]) => total === bytes.length)).toBe(true);
  });

  it('refuses chunk sizes that are not multiples of 256 KiB', () => {
    expect(() => setup(10, 300 * 1024)).toThrow(RangeError);
    expect(() => setup(10, 0)).toThrow(RangeError);
    expect(() => setup(10, 2 * MiB)).not.toThrow();
  });

  it('resumes after a dropped chunk from the Range the status query reports', async () => {
    const { server, bytes, progress, upload } = setup(3 * MiB);
    server.faults.set(2, { kind: 'drop-after' }); // second chunk reaches the server, the answer is lost
    const first = await upload.run('t');
    expect(first).toEqual({ kind: 'failed', failure: { kind: 'upload-interrupted', mayHaveCompleted: false } });
    const second = await upload.run('t');
    expect(second.kind).toBe('sent');
    const statusQuery = server.requests[3];
    expect(statusQuery?.headers['content-range']).toBe('bytes */3145728');
    expect(statusQuery?.bodyBytes).toBe(0);
    expect(server.requests[4]?.headers['content-range']).toBe('bytes 2097152-3145727/3145728');
    expectSameBytes(server.delivered, bytes);
    expect(isMonotonic(progress.map(([sent]) => sent))).toBe(true);
  });

  it('resends from the Range when the connection dropped before the chunk arrived', async () => {
    const { server, bytes, upload } = setup(2 * MiB);
    server.faults.set(2, { kind: 'drop-before' }); // the final chunk never reaches the server
    expect(await upload.run('t')).toEqual({
      kind: 'failed',
      failure: { kind: 'upload-interrupted', mayHaveCompleted: true },
    });
    expect((await upload.run('t')).kind).toBe('sent');
    expect(server.requests[4]?.headers['content-range']).toBe('bytes 1048576-2097151/2097152');
    expectSameBytes(server.delivered, bytes);
  });

  it('learns from the status query that a final chunk whose answer was lost completed, and sends nothing again', async () => {
    const { server, upload } = setup(2 * MiB);
    server.faults.set(2, { kind: 'drop-after' });
    expect((await upload.run('t')).kind).toBe('failed');
    const result = await upload.run('t');
    expect(result.kind).toBe('sent');
    expect(server.delivered).toHaveLength(1);
    expect(server.chunkRequests()).toHaveLength(2);
  });

  it('continues from a Range shorter than the chunk it sent', async () => {
    const { server, bytes, upload } = setup(2 * MiB);
    server.faults.set(1, { kind: 'short-range', keep: 256 * 1024 });
    expect((await upload.run('t')).kind).toBe('sent');
    expect(server.requests[2]?.headers['content-range']).toBe('bytes 262144-1310719/2097152');
    expectSameBytes(server.delivered, bytes);
  });

  it('starts over with a new session on 410 Gone, once, and delivers one message', async () => {
    const { server, bytes, progress, upload } = setup(3 * MiB);
    server.faults.set(2, { kind: 'expire-session' });
    expect((await upload.run('t')).kind).toBe('sent');
    expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(2);
    expectSameBytes(server.delivered, bytes);
    const sent = progress.map(([value]) => value);
    expect(sent).toEqual([0, MiB, 0, MiB, 2 * MiB, 3 * MiB]);
  });

  it('does not start over after 404 once the final byte may have been taken: that could send twice', async () => {
    const { server, upload } = setup(MiB);
    server.faults.set(1, { kind: 'drop-after' });
    server.faults.set(2, { kind: 'status', status: 404 });
    expect((await upload.run('t')).kind).toBe('failed');
    expect(await upload.run('t')).toEqual({
      kind: 'failed',
      failure: { kind: 'network-after-send', reason: 'session-gone' },
    });
    expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
  });

  it('reports an endpoint it cannot reach at all as cors-or-unreachable', async () => {
    const { server, upload } = setup(MiB);
    server.unreachable = true;
    expect(await upload.run('t')).toEqual({ kind: 'failed', failure: { kind: 'cors-or-unreachable' } });
  });

  it('reports a session without a readable Location as cors-or-unreachable', async () => {
    const { server, upload } = setup(MiB);
    server.hideLocation = true;
    expect(await upload.run('t')).toEqual({ kind: 'failed', failure: { kind: 'cors-or-unreachable' } });
  });

  it('hands HTTP errors to the caller and resumes with a status query on the next run', async () => {
    const { server, bytes, upload } = setup(2 * MiB);
    server.faults.set(2, { kind: 'status', status: 503, body: 'busy' });
    expect(await upload.run('t')).toMatchObject({
      kind: 'failed',
      failure: { kind: 'http', status: 503, body: 'busy' },
    });
    expect((await upload.run('t')).kind).toBe('sent');
    expect(server.requests[3]?.headers['content-range']).toBe('bytes */2097152');
    expectSameBytes(server.delivered, bytes);
  });

  it('stops when the server keeps acknowledging without taking bytes', async () => {
    const { server, upload } = setup(2 * MiB);
    for (const index of [1, 2, 3]) server.faults.set(index, { kind: 'short-range', keep: 0 });
    expect(await upload.run('t')).toEqual({ kind: 'stalled' });
    expect(server.delivered).toHaveLength(0);
  });

  it('cancels between chunks when the signal aborts, sending nothing more', async () => {
    const server = new FakeUploadServer();
    const controller = new AbortController();
    const upload = new ResumableUpload({
      fetch: server.fetch,
      gmailApiRoot: apiRoot,
      message: new Blob([messageBytes(3 * MiB) as Uint8Array<ArrayBuffer>]),
      onProgress: (sent) => {
        if (sent === MiB) controller.abort();
      },
    });
    expect(await upload.run('t', controller.signal)).toEqual({ kind: 'cancelled' });
    expect(server.chunkRequests()).toHaveLength(1);
    expect(server.delivered).toHaveLength(0);
  });

  it('sends threadId as session metadata', async () => {
    const server = new FakeUploadServer();
    const upload = new ResumableUpload({
      fetch: server.fetch,
      gmailApiRoot: apiRoot,
      message: new Blob([messageBytes(10) as Uint8Array<ArrayBuffer>]),
      threadId: 'abc',
    });
    await upload.run('t');
    expect(server.requests[0]).toMatchObject({ bodyBytes: '{"threadId":"abc"}'.length });
    expect(server.requests[0]?.headers['content-type']).toBe('application/json; charset=UTF-8');
  });
});

describe('confirmedFromRange', () => {
  it.each([
    ['bytes=0-42', 43],
    ['0-42', 43],
    ['bytes=0-1048575', 1048576],
    [null, 0],
    ['', 0],
  ])('%s → %i', (range, expected) => {
    expect(confirmedFromRange(range)).toBe(expected);
  });
});

describe('checkpoints and resuming from one', () => {
  it('hands out a checkpoint before each request that changes what Gmail holds', async () => {
    const server = new FakeUploadServer();
    const seen: string[] = [];
    const upload = new ResumableUpload({
      fetch: async (input, init) => {
        seen.push(`request ${(init?.headers as Record<string, string> | undefined)?.['Content-Range'] ?? 'start'}`);
        return server.fetch(input, init);
      },
      gmailApiRoot: apiRoot,
      message: new Blob([messageBytes(2 * MiB + 5) as Uint8Array<ArrayBuffer>]),
      checkpoint: async (step) => {
        seen.push(
          step.kind === 'upload'
            ? `save ${step.upload.confirmed}${step.upload.finalChunkSent ? ' final' : ''}`
            : 'save start',
        );
      },
    });
    expect((await upload.run('t')).kind).toBe('sent');
    expect(seen).toEqual([
      'save start',
      'request start',
      'save 0',
      `request bytes 0-${MiB - 1}/${2 * MiB + 5}`,
      `save ${MiB}`,
      `request bytes ${MiB}-${2 * MiB - 1}/${2 * MiB + 5}`,
      `save ${2 * MiB}`,
      `save ${2 * MiB} final`,
      `request bytes ${2 * MiB}-${2 * MiB + 4}/${2 * MiB + 5}`,
    ]);
  });

  it('a new upload from a checkpoint asks the session first, then continues from Gmail’s offset', async () => {
    const server = new FakeUploadServer();
    const bytes = messageBytes(3 * MiB);
    const message = new Blob([bytes as Uint8Array<ArrayBuffer>]);
    server.faults.set(2, { kind: 'drop-before' });
    const first = new ResumableUpload({ fetch: server.fetch, gmailApiRoot: apiRoot, message });
    expect((await first.run('t')).kind).toBe('failed');
    const checkpoint = first.state!;
    expect(checkpoint).toMatchObject({ confirmed: MiB, finalChunkSent: false, total: 3 * MiB });
    const before = server.requests.length;
    const second = new ResumableUpload({ fetch: server.fetch, gmailApiRoot: apiRoot, message, resume: checkpoint });
    expect((await second.run('t2')).kind).toBe('sent');
    const after = server.requests.slice(before);
    expect(after[0]?.headers['content-range']).toBe(`bytes */${3 * MiB}`);
    expect(after[1]?.headers['content-range']).toBe(`bytes ${MiB}-${2 * MiB - 1}/${3 * MiB}`);
    expect(server.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
    expectSameBytes(server.delivered, bytes);
  });
});
