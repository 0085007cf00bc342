import { buildMessage, checkSizeLimits, measureMessage } from './build.ts';
import { mailErrorFromRecord } from './errors.ts';
import type { MessageDraft } from './types.ts';
import type { BuildRequest, BuildResponse } from './worker-protocol.ts';

/**
 * Below this size the build takes a few milliseconds, less than starting a worker, so it stays on the calling thread.
 */
export const OFF_THREAD_THRESHOLD = 256 * 1024;

/** An idle worker is kept this long for the next Send (module start costs ~100 ms), then terminated (Squoosh does 10 s). */
export const WORKER_IDLE_MS = 10_000;

/** The part of `Worker` the bridge uses, so tests can pass an in-process stand-in. */
export interface WorkerLike {
  postMessage(message: BuildRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<BuildResponse>) => void) | null;
  onerror: ((event: Event) => void) | null;
}

export interface OffThreadOptions {
  createWorker?: (() => WorkerLike) | null;
  threshold?: number;
  idleMs?: number;
  now?: () => Date;
}

export interface OffThreadBuilder {
  build(draft: MessageDraft, signal?: AbortSignal): Promise<Uint8Array>;
  /** Starts a worker ahead of time (e.g. when a large file is attached) so Send does not wait for it to load. */
  prewarm(): void;
  /** Terminates the idle worker, if any. */
  dispose(): void;
}

function defaultWorker(): WorkerLike | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./message.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The build was aborted.', 'AbortError');
}

/**
 * A builder with its own worker (a real module worker by default). Validation and size limits are checked first, on
 * the calling thread, so a wrong draft fails at once without a worker. One idle worker is kept for reuse.
 */
export function createOffThreadBuilder(options: OffThreadOptions = {}): OffThreadBuilder {
  const threshold = options.threshold ?? OFF_THREAD_THRESHOLD;
  const idleMs = options.idleMs ?? WORKER_IDLE_MS;
  const createWorker = options.createWorker === undefined ? defaultWorker : options.createWorker;
  const clock = options.now ?? (() => new Date());
  let idle: WorkerLike | null = null;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  const takeWorker = (): WorkerLike | null => {
    clearTimeout(idleTimer);
    const worker = idle ?? createWorker?.() ?? null;
    idle = null;
    return worker;
  };
  const release = (worker: WorkerLike) => {
    worker.onmessage = null;
    worker.onerror = null;
    if (idle) {
      worker.terminate();
      return;
    }
    idle = worker;
    idleTimer = setTimeout(dispose, idleMs);
  };
  function dispose() {
    clearTimeout(idleTimer);
    idle?.terminate();
    idle = null;
  }

  function build(draft: MessageDraft, signal?: AbortSignal): Promise<Uint8Array> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const now = clock();
    try {
      const size = measureMessage(draft, { now });
      checkSizeLimits(draft, size);
      if (size < threshold) return Promise.resolve(buildMessage(draft, { now }));
    } catch (error) {
      return Promise.reject(error);
    }
    const worker = takeWorker();
    if (!worker) return Promise.resolve().then(() => buildMessage(draft, { now }));

    return new Promise<Uint8Array>((resolve, reject) => {
      let settled = false;
      const finish = (keepWorker: boolean, action: () => void) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        if (keepWorker) release(worker);
        else worker.terminate();
        action();
      };
      // Aborting kills the worker mid-build: there is no other way to stop a synchronous encode.
      const onAbort = () => finish(false, () => reject(abortReason(signal!)));
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.onmessage = (event) => {
        const response = event.data;
        if (response.ok) finish(true, () => resolve(response.bytes));
        else if ('error' in response) finish(true, () => reject(mailErrorFromRecord(response.error)));
        else finish(false, () => reject(new Error(`message worker: ${response.unexpected}`)));
      };
      // A worker that cannot start (blocked by policy, old browser) must not cost the user their mail: build here.
      worker.onerror = () =>
        finish(false, () => {
          try {
            resolve(buildMessage(draft, { now }));
          } catch (error) {
            reject(error);
          }
        });
      // The draft is copied, not transferred: its attachment buffers still belong to the compose form.
      worker.postMessage({ draft, now: now.getTime() });
    });
  }

  return {
    build,
    prewarm() {
      if (idle) return;
      const worker = createWorker?.();
      if (worker) release(worker);
    },
    dispose,
  };
}

const shared = createOffThreadBuilder();

/**
 * Builds the message in a module worker when it is large (≥ 256 KiB), on the calling thread otherwise. Rejects with
 * the builder's typed errors, or with the signal's reason when aborted (the worker is terminated at once).
 */
export function buildMessageOffThread(draft: MessageDraft, signal?: AbortSignal): Promise<Uint8Array> {
  return shared.build(draft, signal);
}

/** Loads the message worker ahead of a large Send; harmless to call often. */
export function prewarmMessageWorker(): void {
  shared.prewarm();
}
