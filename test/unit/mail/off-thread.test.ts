import { describe, expect, it, vi } from 'vitest';
import { type BlobMessageDraft, measureBlobDraft } from '../../../src/mail/blob-draft.ts';
import { buildMessage } from '../../../src/mail/build.ts';
import { createOffThreadBuilder, type WorkerLike } from '../../../src/mail/build-off-thread.ts';
import { HeaderInjectionError, NoRecipientError } from '../../../src/mail/errors.ts';
import { ATTACHMENT_SIZE_LIMIT, type MessageDraft } from '../../../src/mail/types.ts';
import { type BuildRequest, type BuildResponse, handleBuildRequest } from '../../../src/mail/worker-protocol.ts';

const makeBlob = (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'message/rfc822' });

/**
 * Runs the worker's own request handler in-process, after a structured clone, as a real worker would (Node's Blob
 * crosses a structured clone as a Blob, as a browser's does).
 */
class InProcessWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<BuildResponse<Blob>>) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  terminated = false;
  received: BuildRequest<Blob>[] = [];
  constructor(private readonly mode: 'answer' | 'hang' | 'fail-to-start' = 'answer') {}
  postMessage(message: BuildRequest<Blob>) {
    const copy = structuredClone(message);
    this.received.push(copy);
    queueMicrotask(async () => {
      if (this.terminated || this.mode === 'hang') return;
      if (this.mode === 'fail-to-start') {
        this.onerror?.(new Event('error'));
        return;
      }
      const { response } = await handleBuildRequest(copy, makeBlob);
      if (this.terminated) return;
      this.onmessage?.({ data: structuredClone(response) } as MessageEvent<BuildResponse<Blob>>);
    });
  }
  terminate() {
    this.terminated = true;
  }
}

const now = new Date('2026-11-26T00:00:00Z');
const big: MessageDraft = {
  to: [{ address: 'a@example.com' }],
  subject: '大きな添付',
  text: 'see attached',
  attachments: [
    { filename: 'big.bin', contentType: 'application/octet-stream', data: new Uint8Array(300_000).fill(7) },
  ],
};

describe('buildMessageOffThread bridge', () => {
  it('builds small messages on the calling thread without starting a worker', async () => {
    const createWorker = vi.fn(() => new InProcessWorker());
    const { build } = createOffThreadBuilder({ createWorker, now: () => now });
    const small = { ...big, attachments: [] };
    const bytes = await build(small);
    expect(createWorker).not.toHaveBeenCalled();
    expect(bytes.length).toBe(buildMessage(small, { now }).length);
  });

  it('sends large messages to the worker, copies (never transfers) the draft, reuses the worker, then lets it go', async () => {
    vi.useFakeTimers();
    const workers: InProcessWorker[] = [];
    const { build } = createOffThreadBuilder({
      createWorker: () => {
        workers.push(new InProcessWorker());
        return workers.at(-1)!;
      },
      now: () => now,
      idleMs: 10_000,
    });
    const bytes = await build(big);
    await build(big);
    expect(workers).toHaveLength(1);
    const worker = workers[0]!;
    expect(worker.received).toHaveLength(2);
    expect(worker.received[0]!.now).toBe(now.getTime());
    expect(big.attachments![0]!.data.length).toBe(300_000);
    expect(worker.terminated).toBe(false);
    vi.advanceTimersByTime(10_000);
    expect(worker.terminated).toBe(true);
    vi.useRealTimers();
    expect(new TextDecoder().decode(bytes)).toContain('Date: ');
    expect(bytes.length).toBe(buildMessage(big, { now }).length);
  });

  it('rejects a bad draft at once with the typed error, before any worker starts', async () => {
    const createWorker = vi.fn(() => new InProcessWorker());
    const { build } = createOffThreadBuilder({ createWorker });
    await expect(build({ ...big, subject: 'a\r\nBcc: x@y.z' })).rejects.toBeInstanceOf(HeaderInjectionError);
    await expect(build({ ...big, to: [] })).rejects.toBeInstanceOf(NoRecipientError);
    expect(createWorker).not.toHaveBeenCalled();
  });

  it('terminates the worker and rejects with the abort reason when aborted', async () => {
    const worker = new InProcessWorker('hang');
    const { build } = createOffThreadBuilder({ createWorker: () => worker });
    const controller = new AbortController();
    const pending = build(big, controller.signal);
    controller.abort(new DOMException('user left', 'AbortError'));
    await expect(pending).rejects.toMatchObject({ name: 'AbortError', message: 'user left' });
    expect(worker.terminated).toBe(true);
  });

  it('rejects at once for an already aborted signal', async () => {
    const { build } = createOffThreadBuilder({ createWorker: () => new InProcessWorker() });
    await expect(build(big, AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('falls back to the calling thread when the worker cannot start, so the mail is not lost', async () => {
    const worker = new InProcessWorker('fail-to-start');
    const { build } = createOffThreadBuilder({ createWorker: () => worker, now: () => now });
    const bytes = await build(big);
    expect(bytes.length).toBe(buildMessage(big, { now }).length);
    expect(worker.terminated).toBe(true);
  });

  it('rebuilds typed errors that come back from the worker', async () => {
    const { response } = await handleBuildRequest({ draft: { ...big, to: [] }, now: 0 });
    expect(response).toEqual({ ok: false, error: { code: 'mail.no-recipient' } });
  });

  it('prewarm starts one worker that the next build uses; dispose ends it', async () => {
    const createWorker = vi.fn(() => new InProcessWorker());
    const builder = createOffThreadBuilder({ createWorker });
    builder.prewarm();
    builder.prewarm();
    expect(createWorker).toHaveBeenCalledTimes(1);
    await builder.build(big);
    expect(createWorker).toHaveBeenCalledTimes(1);
    const worker = createWorker.mock.results[0]!.value as InProcessWorker;
    builder.dispose();
    expect(worker.terminated).toBe(true);
  });

  it('without Worker (Node, old runtimes) builds on the calling thread', async () => {
    const { build } = createOffThreadBuilder({ createWorker: null, now: () => now });
    expect((await build(big)).length).toBe(buildMessage(big, { now }).length);
  });
});

/** `big` with its attachment as a Blob (what the compose form holds: a File, or a Blob from IndexedDB). */
const bigBlobDraft = (): BlobMessageDraft<Blob> => ({
  ...big,
  attachments: [
    {
      filename: '報告書.bin',
      contentType: 'application/octet-stream',
      blob: new Blob([big.attachments![0]!.data as Uint8Array<ArrayBuffer>]),
    },
    { filename: 'メモ.txt', contentType: 'text/plain', data: new TextEncoder().encode('小さなメモ') },
  ],
});
const asBytesDraft = async (draft: BlobMessageDraft<Blob>): Promise<MessageDraft> => ({
  ...draft,
  attachments: await Promise.all(
    (draft.attachments ?? []).map(async (a) =>
      'blob' in a
        ? { filename: a.filename, contentType: a.contentType, data: new Uint8Array(await a.blob.arrayBuffer()) }
        : a,
    ),
  ),
});
/** Boundaries and the Message-ID are random per build; compare the rest. */
const blank = (bytes: Uint8Array) =>
  new TextDecoder('latin1')
    .decode(bytes)
    .replace(/=_gs_[0-9a-f]{24}_/g, 'B')
    .replace(/Message-ID: <[^>]+>/, 'Message-ID: <x>');
const bytesOfBlob = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

describe('buildMessageBlobOffThread bridge', () => {
  it('posts the Blobs (by reference, never their bytes), builds in the worker and answers with its Blob', async () => {
    const worker = new InProcessWorker();
    const { buildBlob } = createOffThreadBuilder({ createWorker: () => worker, now: () => now });
    const draft = bigBlobDraft();
    const blob = await buildBlob(draft);
    const sent = worker.received[0]!;
    expect(sent.output).toBe('blob');
    const posted = sent.draft.attachments![0]!;
    expect('blob' in posted && posted.blob instanceof Blob && !('data' in posted)).toBe(true);
    expect(blob.type).toBe('message/rfc822');
    const expected = buildMessage(await asBytesDraft(draft), { now });
    expect(blank(await bytesOfBlob(blob))).toBe(blank(expected));
    expect(blob.size).toBe(measureBlobDraft(draft, { now }));
  });

  it('reuses one worker for bytes and Blob builds alike, then lets it go', async () => {
    vi.useFakeTimers();
    const createWorker = vi.fn(() => new InProcessWorker());
    const builder = createOffThreadBuilder({ createWorker, now: () => now, idleMs: 10_000 });
    await builder.buildBlob(bigBlobDraft());
    await builder.build(big);
    await builder.buildBlob(bigBlobDraft());
    expect(createWorker).toHaveBeenCalledTimes(1);
    const worker = createWorker.mock.results[0]!.value as InProcessWorker;
    vi.advanceTimersByTime(10_000);
    expect(worker.terminated).toBe(true);
    vi.useRealTimers();
  });

  it('builds small Blob drafts on the calling thread without starting a worker', async () => {
    const createWorker = vi.fn(() => new InProcessWorker());
    const { buildBlob } = createOffThreadBuilder({ createWorker, now: () => now });
    const small: BlobMessageDraft<Blob> = {
      ...big,
      attachments: [
        { filename: '写真.jpg', contentType: 'image/jpeg', blob: new Blob([new Uint8Array(1000).fill(9)]) },
      ],
    };
    const blob = await buildBlob(small);
    expect(createWorker).not.toHaveBeenCalled();
    expect(blank(await bytesOfBlob(blob))).toBe(blank(buildMessage(await asBytesDraft(small), { now })));
  });

  it('rejects a bad draft or one over the limit at once, from Blob.size, before any worker starts or file is read', async () => {
    const createWorker = vi.fn(() => new InProcessWorker());
    const { buildBlob } = createOffThreadBuilder({ createWorker });
    const unread = { size: ATTACHMENT_SIZE_LIMIT + 1, arrayBuffer: vi.fn() } as unknown as Blob;
    const over: BlobMessageDraft<Blob> = {
      ...big,
      attachments: [{ filename: '大きすぎる.mov', contentType: '', blob: unread }],
    };
    await expect(buildBlob(over)).rejects.toMatchObject({
      code: 'mail.attachment-too-large',
      filename: '大きすぎる.mov',
    });
    await expect(buildBlob({ ...bigBlobDraft(), subject: '件名\r\nBcc: x@y.z' })).rejects.toBeInstanceOf(
      HeaderInjectionError,
    );
    await expect(buildBlob({ ...bigBlobDraft(), to: [] })).rejects.toBeInstanceOf(NoRecipientError);
    expect(createWorker).not.toHaveBeenCalled();
    expect(unread.arrayBuffer).not.toHaveBeenCalled();
  });

  it('terminates the worker and rejects with the abort reason when aborted', async () => {
    const worker = new InProcessWorker('hang');
    const { buildBlob } = createOffThreadBuilder({ createWorker: () => worker });
    const controller = new AbortController();
    const pending = buildBlob(bigBlobDraft(), controller.signal);
    controller.abort(new DOMException('user left', 'AbortError'));
    await expect(pending).rejects.toMatchObject({ name: 'AbortError', message: 'user left' });
    expect(worker.terminated).toBe(true);
    await expect(buildBlob(bigBlobDraft(), AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('falls back to the calling thread when the worker cannot start, or when there is no Worker', async () => {
    const worker = new InProcessWorker('fail-to-start');
    const draft = bigBlobDraft();
    const expected = blank(buildMessage(await asBytesDraft(draft), { now }));
    const fromFallback = await createOffThreadBuilder({ createWorker: () => worker, now: () => now }).buildBlob(draft);
    expect(worker.terminated).toBe(true);
    expect(blank(await bytesOfBlob(fromFallback))).toBe(expected);
    const noWorker = await createOffThreadBuilder({ createWorker: null, now: () => now }).buildBlob(draft);
    expect(noWorker.type).toBe('message/rfc822');
    expect(blank(await bytesOfBlob(noWorker))).toBe(expected);
  });

  it('a file the worker cannot read rejects with that DOMException, and the worker is kept', async () => {
    const failing = { size: 300_000, arrayBuffer: () => Promise.reject(new DOMException('gone', 'NotReadableError')) };
    const { response } = await handleBuildRequest({
      draft: { ...big, attachments: [{ filename: '消えた.pdf', contentType: '', blob: failing }] },
      now: 0,
      output: 'blob',
    });
    expect(response).toEqual({ ok: false, readError: { name: 'NotReadableError', message: 'gone' } });

    const answering: WorkerLike & { terminated: boolean } = {
      onmessage: null,
      onerror: null,
      terminated: false,
      postMessage() {
        queueMicrotask(() => this.onmessage?.({ data: response } as MessageEvent<BuildResponse<Blob>>));
      },
      terminate() {
        this.terminated = true;
      },
    };
    const { buildBlob } = createOffThreadBuilder({ createWorker: () => answering });
    const error = await buildBlob(bigBlobDraft()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect(error).toMatchObject({ name: 'NotReadableError', message: 'gone' });
    expect(answering.terminated).toBe(false);
  });
});

describe('buildMessageBlobOffThread bridge, a draft that cannot cross', () => {
  it('rejects with the DataCloneError and keeps the worker for the next build', async () => {
    const createWorker = vi.fn(() => new InProcessWorker());
    const builder = createOffThreadBuilder({ createWorker, now: () => now });
    // Blob-like, but not a Blob: structured clone refuses its methods.
    const fake = { size: 300_000, arrayBuffer: () => Promise.resolve(new ArrayBuffer(300_000)) } as unknown as Blob;
    const draft: BlobMessageDraft<Blob> = {
      ...big,
      attachments: [{ filename: '偽物.bin', contentType: '', blob: fake }],
    };
    await expect(builder.buildBlob(draft)).rejects.toMatchObject({ name: 'DataCloneError' });
    await builder.buildBlob(bigBlobDraft());
    expect(createWorker).toHaveBeenCalledTimes(1);
  });
});
