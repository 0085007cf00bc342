import { describe, expect, it, vi } from 'vitest';
import { buildMessage } from '../../../src/mail/build.ts';
import { createOffThreadBuilder, type WorkerLike } from '../../../src/mail/build-off-thread.ts';
import { HeaderInjectionError, NoRecipientError } from '../../../src/mail/errors.ts';
import type { MessageDraft } from '../../../src/mail/types.ts';
import { type BuildRequest, type BuildResponse, handleBuildRequest } from '../../../src/mail/worker-protocol.ts';

/** Runs the worker's own request handler in-process, after a structured clone, as a real worker would. */
class InProcessWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<BuildResponse>) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  terminated = false;
  received: BuildRequest[] = [];
  constructor(private readonly mode: 'answer' | 'hang' | 'fail-to-start' = 'answer') {}
  postMessage(message: BuildRequest) {
    const copy = structuredClone(message);
    this.received.push(copy);
    queueMicrotask(() => {
      if (this.terminated || this.mode === 'hang') return;
      if (this.mode === 'fail-to-start') {
        this.onerror?.(new Event('error'));
        return;
      }
      const { response } = handleBuildRequest(copy);
      this.onmessage?.({ data: structuredClone(response) } as MessageEvent<BuildResponse>);
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

  it('rebuilds typed errors that come back from the worker', () => {
    const { response } = handleBuildRequest({ draft: { ...big, to: [] }, now: 0 });
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
