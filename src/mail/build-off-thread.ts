/**
 * The bridge between the page and `message.worker.ts`. With the worker file itself, the only part of src/mail that
 * uses platform objects (`Worker`, `Blob`, `DOMException`); everything it calls is pure.
 */
import { type BlobMessageDraft, checkBlobSizeLimits, measureBlobDraft, readBlobDraft } from './blob-draft.ts';
import { buildMessage, checkSizeLimits, measureMessage } from './build.ts';
import { mailErrorFromRecord } from './errors.ts';
import type { MessageDraft } from './types.ts';
import type { BuildRequest, BuildResponse } from './worker-protocol.ts';

type BuiltResponse = Extract<BuildResponse<Blob>, { ok: true }>;

/**
 * Below this size the build takes a few milliseconds, less than starting a worker, so it stays on the calling thread.
 */
export const OFF_THREAD_THRESHOLD = 256 * 1024;

/** An idle worker is kept this long for the next Send (module start costs ~100 ms), then terminated (Squoosh does 10 s). */
export const WORKER_IDLE_MS = 10_000;

/** The part of `Worker` the bridge uses, so tests can pass an in-process stand-in. */
export interface WorkerLike {
  postMessage(message: BuildRequest<Blob>): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<BuildResponse<Blob>>) => void) | null;
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
  /** The message as a Blob; Blob attachments are read where the message is built (see `buildMessageBlobOffThread`). */
  buildBlob(draft: BlobMessageDraft<Blob>, signal?: AbortSignal): Promise<Blob>;
  /** Starts a worker ahead of time (e.g. when a large file is attached) so Send does not wait for it to load. */
  prewarm(): void;
  /** Terminates the idle worker, if any. */
  dispose(): void;
}

function defaultWorker(): WorkerLike | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./message.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}

function messageBlob(bytes: Uint8Array): Blob {
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'message/rfc822' });
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

  /**
   * Runs one request in a worker and takes its answer with `pick`; `here` builds on the calling thread instead when
   * there is no worker or it cannot start (blocked by policy, old browser): that must not cost the user their mail.
   */
  function run<T>(
    request: BuildRequest<Blob>,
    pick: (answer: BuiltResponse) => T | null,
    here: () => T | Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    const worker = takeWorker();
    if (!worker) return Promise.resolve().then(here);
    return new Promise<T>((resolve, reject) => {
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
        const picked = response.ok ? pick(response) : null;
        if (picked !== null) finish(true, () => resolve(picked));
        else if ('error' in response) finish(true, () => reject(mailErrorFromRecord(response.error)));
        else if ('readError' in response) {
          // The same DOMException (NotReadableError, NotFoundError…) a read on this thread would have given.
          const { name, message } = response.readError;
          finish(true, () => reject(new DOMException(message, name)));
        } else {
          const detail = 'unexpected' in response ? response.unexpected : 'answered with the wrong kind of output';
          finish(false, () => reject(new Error(`message worker: ${detail}`)));
        }
      };
      worker.onerror = () => finish(false, () => Promise.resolve().then(here).then(resolve, reject));
      try {
        worker.postMessage(request);
      } catch (error) {
        // DataCloneError: something in the draft cannot cross (a Blob-like object that is not a real Blob).
        finish(true, () => reject(error));
      }
    });
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
    // The draft is copied, not transferred: its attachment buffers still belong to the caller. That copy is a
    // main-thread task of about 100 ms at 25 MiB (structured clone); `buildBlob` avoids it.
    return run(
      { draft, now: now.getTime() },
      (answer) => ('bytes' in answer ? answer.bytes : null),
      () => buildMessage(draft, { now }),
      signal,
    );
  }

  function buildBlob(draft: BlobMessageDraft<Blob>, signal?: AbortSignal): Promise<Blob> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const now = clock();
    const here = async () => messageBlob(buildMessage(await readBlobDraft(draft), { now }));
    try {
      const size = measureBlobDraft(draft, { now });
      checkBlobSizeLimits(draft, size);
      if (size < threshold) return here();
    } catch (error) {
      return Promise.reject(error);
    }
    // Blobs cross by reference: the files are read, and the message Blob made, in the worker.
    return run(
      { draft, now: now.getTime(), output: 'blob' },
      (answer) => ('blob' in answer ? answer.blob : null),
      here,
      signal,
    );
  }

  return {
    build,
    buildBlob,
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

/**
 * The message as a Blob (`message/rfc822`), from a draft whose attachments may be Blobs (a File, or a Blob from
 * IndexedDB) instead of bytes. From 256 KiB up the worker reads the files and makes the Blob, so the page's main
 * thread never copies them: no structured clone of the bytes, no read into an ArrayBuffer. Validation and size
 * limits are checked first, on the calling thread, from `Blob.size`. Rejects like `buildMessageOffThread`, and with
 * the read's DOMException when a file cannot be read (removed or changed on disk since it was picked).
 */
export function buildMessageBlobOffThread(draft: BlobMessageDraft<Blob>, signal?: AbortSignal): Promise<Blob> {
  return shared.buildBlob(draft, signal);
}

/** Loads the message worker ahead of a large Send; harmless to call often. */
export function prewarmMessageWorker(): void {
  shared.prewarm();
}
