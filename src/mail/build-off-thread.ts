import { buildMessage, checkSizeLimits, measureMessage } from './build.ts';
import { mailErrorFromRecord } from './errors.ts';
import type { MessageDraft } from './types.ts';
import type { BuildRequest, BuildResponse } from './worker-protocol.ts';

/**
 * Below this size the build takes a few milliseconds, less than starting a worker, so it stays on the calling thread.
 */
export const OFF_THREAD_THRESHOLD = 256 * 1024;

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
  now?: () => Date;
}

function defaultWorker(): WorkerLike | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./message.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The build was aborted.', 'AbortError');
}

/**
 * Builds with the worker factory of `options` (a real module worker by default). Validation and size limits are
 * checked here first, on the calling thread, so a wrong draft fails at once without starting a worker.
 */
export function createOffThreadBuilder(options: OffThreadOptions = {}) {
  const threshold = options.threshold ?? OFF_THREAD_THRESHOLD;
  const createWorker = options.createWorker === undefined ? defaultWorker : options.createWorker;
  const clock = options.now ?? (() => new Date());

  return (draft: MessageDraft, signal?: AbortSignal): Promise<Uint8Array> => {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const now = clock();
    try {
      const size = measureMessage(draft, { now });
      checkSizeLimits(draft, size);
      if (size < threshold) return Promise.resolve(buildMessage(draft, { now }));
    } catch (error) {
      return Promise.reject(error);
    }
    const worker = createWorker?.() ?? null;
    if (!worker) return Promise.resolve().then(() => buildMessage(draft, { now }));

    return new Promise<Uint8Array>((resolve, reject) => {
      let settled = false;
      const finish = (action: () => void) => {
        if (settled) return;
        settled = true;
        worker.terminate();
        signal?.removeEventListener('abort', onAbort);
        action();
      };
      const onAbort = () => finish(() => reject(abortReason(signal!)));
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.onmessage = (event) => {
        const response = event.data;
        if (response.ok) finish(() => resolve(response.bytes));
        else if ('error' in response) finish(() => reject(mailErrorFromRecord(response.error)));
        else finish(() => reject(new Error(`message worker: ${response.unexpected}`)));
      };
      // A worker that cannot start (blocked by policy, old browser) must not cost the user their mail: build here.
      worker.onerror = () =>
        finish(() => {
          try {
            resolve(buildMessage(draft, { now }));
          } catch (error) {
            reject(error);
          }
        });
      // The draft is copied, not transferred: its attachment buffers still belong to the compose form.
      worker.postMessage({ draft, now: now.getTime() });
    });
  };
}

const defaultBuilder = createOffThreadBuilder();

/**
 * Builds the message in a module worker when it is large (≥ 256 KiB), on the calling thread otherwise. Rejects with
 * the builder's typed errors, or with the signal's reason when aborted (the worker is terminated at once).
 */
export function buildMessageOffThread(draft: MessageDraft, signal?: AbortSignal): Promise<Uint8Array> {
  return defaultBuilder(draft, signal);
}
