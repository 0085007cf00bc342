/**
 * The page's side of the import worker: typed calls that accept an AbortSignal, keep one idle worker for 10 s (as
 * src/mail/build-off-thread.ts does) and never clone more than a batch of rows in one task. An import opens a
 * session that keeps its worker, and the list in it, until `close()`, so checking the list again costs the page
 * only the settings it sends.
 */
import type { ColumnChoice } from './core/columns.ts';
import type { ImportedList, ImportOptions, ListRow } from './core/list.ts';
import type { ListAnalysis, ListSettings, RowRecipients } from './core/recipients.ts';
import type { EncodedFile, ExportTarget } from './core/results.ts';
import { type ImportRequest, type ImportResponse, inBatches } from './import-protocol.ts';

export const IMPORT_WORKER_IDLE_MS = 10_000;

/** The part of `Worker` the bridge uses, so tests can pass an in-process stand-in. */
export interface ImportWorkerLike {
  postMessage(message: ImportRequest, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<ImportResponse>) => void) | null;
  onerror: ((event: Event) => void) | null;
}

export interface ImportResult {
  list: ImportedList;
  columns: ColumnChoice;
  /** The list checked with the guessed columns and nothing excluded. */
  analysis: ListAnalysis;
}

export interface ImportSession extends ImportResult {
  /** Checks the list again after the user changed columns, exclusions or cells; only the settings travel. */
  analyse(settings: ListSettings, signal?: AbortSignal): Promise<ListAnalysis>;
  /** Frees the list in the worker; later `analyse` calls reject. */
  close(): void;
}

export interface ImportWorkerClient {
  /** A list file's bytes; the buffer is transferred to the worker (pass a copy if the caller still needs it). */
  importFile(bytes: Uint8Array, options?: ImportOptions, signal?: AbortSignal): Promise<ImportSession>;
  /** Cells pasted from Sheets or Excel. */
  importText(text: string, options?: ImportOptions, signal?: AbortSignal): Promise<ImportSession>;
  /** The results file's bytes (see core/results.ts); the records go to the worker a batch per task. */
  exportResults(records: readonly string[][], target: ExportTarget, signal?: AbortSignal): Promise<EncodedFile>;
  /** Starts a worker ahead of time (when the merge screen opens), so the first import does not wait for it. */
  prewarm(): void;
  dispose(): void;
}

function abortError(signal?: AbortSignal): unknown {
  return signal?.reason ?? new DOMException('The import was cancelled.', 'AbortError');
}

function defaultWorker(): ImportWorkerLike {
  return new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' }) as unknown as ImportWorkerLike;
}

/** Gathers one request's responses; `done` with the value at its last one. */
type Collector<T> = (response: ImportResponse) => { done: true; value: T } | { done: false };

function analysisCollector(): Collector<ListAnalysis> {
  const rows: RowRecipients[] = [];
  return (response) => {
    if (response.kind === 'analysis-rows') rows.push(...response.rows);
    if (response.kind !== 'analysis-done') return { done: false };
    const { ready, excluded, leftOut } = response;
    return { done: true, value: { rows, ready, excluded, leftOut } };
  };
}

function importCollector(): Collector<ImportResult> {
  let head: Extract<ImportResponse, { kind: 'list' }> | null = null;
  const rows: ListRow[] = [];
  const analysis = analysisCollector();
  return (response) => {
    if (response.kind === 'list') head = response;
    else if (response.kind === 'rows') rows.push(...response.rows);
    const taken = analysis(response);
    if (!taken.done || !head) return { done: false };
    return { done: true, value: { list: { ...head.list, rows }, columns: head.columns, analysis: taken.value } };
  };
}

const exportCollector: Collector<EncodedFile> = (response) =>
  response.kind === 'exported' ? { done: true, value: response.file } : { done: false };

interface Pending {
  collect: Collector<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * One worker and the requests waiting for its answers, in order: the worker handles messages one after another, so
 * every response belongs to the oldest request still open.
 */
class Channel {
  private readonly pending: Pending[] = [];
  private dead: unknown = null;

  constructor(readonly worker: ImportWorkerLike) {
    worker.onmessage = (event) => this.receive(event.data);
    // A worker that cannot start (blocked by policy, an old browser) fails every request; nothing is lost.
    worker.onerror = () => this.kill(new Error('import worker: could not start'));
  }

  get alive(): boolean {
    return this.dead === null;
  }

  /** Sends a message that gets no answer. */
  post(message: ImportRequest, transfer: Transferable[] = []): void {
    if (this.alive) this.worker.postMessage(message, transfer);
  }

  request<T>(message: ImportRequest, transfer: Transferable[], collect: Collector<T>): Promise<T> {
    if (!this.alive) return Promise.reject(this.dead);
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ collect, resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage(message, transfer);
    });
  }

  /** Terminates the worker: the only way to stop a synchronous parse. Every open request rejects with `reason`. */
  kill(reason: unknown): void {
    if (!this.alive) return;
    this.dead = reason;
    this.worker.onmessage = null;
    this.worker.onerror = null;
    this.worker.terminate();
    for (const open of this.pending.splice(0)) open.reject(reason);
  }

  private receive(response: ImportResponse): void {
    const head = this.pending[0];
    if (!head) return;
    if (response.kind === 'failed') {
      this.pending.shift();
      head.reject(new Error(`import worker: ${response.message}`));
      return;
    }
    const taken = head.collect(response);
    if (taken.done) {
      this.pending.shift();
      head.resolve(taken.value);
    }
  }
}

/** Lets the page paint and handle input between two batches. */
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function createImportWorkerClient(
  options: { createWorker?: () => ImportWorkerLike; idleMs?: number } = {},
): ImportWorkerClient {
  const createWorker = options.createWorker ?? defaultWorker;
  const idleMs = options.idleMs ?? IMPORT_WORKER_IDLE_MS;
  let idle: Channel | null = null;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let nextListId = 1;

  const dispose = () => {
    clearTimeout(idleTimer);
    idle?.kill(new Error('import worker: disposed'));
    idle = null;
  };
  const take = (): Channel => {
    clearTimeout(idleTimer);
    const channel = idle?.alive ? idle : new Channel(createWorker());
    idle = null;
    return channel;
  };
  const release = (channel: Channel) => {
    if (!channel.alive) return;
    if (idle) {
      channel.kill(new Error('import worker: not needed'));
      return;
    }
    idle = channel;
    idleTimer = setTimeout(dispose, idleMs);
  };

  /** Runs one job on a worker of its own; aborting terminates that worker. */
  async function job<T>(signal: AbortSignal | undefined, work: (channel: Channel) => Promise<T>): Promise<T> {
    if (signal?.aborted) throw abortError(signal);
    const channel = take();
    const onAbort = () => channel.kill(abortError(signal));
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await work(channel);
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  function session(channel: Channel, listId: number, result: ImportResult): ImportSession {
    let closed = false;
    return {
      ...result,
      analyse(settings, signal) {
        if (closed) return Promise.reject(new Error('import worker: the list was closed'));
        if (signal?.aborted) return Promise.reject(abortError(signal));
        const answer = channel.request({ kind: 'analyse', listId, settings }, [], analysisCollector());
        if (!signal) return answer;
        // The worker is not stopped (the list lives there): the caller only stops waiting for this answer.
        return new Promise<ListAnalysis>((resolve, reject) => {
          const onAbort = () => reject(abortError(signal));
          signal.addEventListener('abort', onAbort, { once: true });
          answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
        });
      },
      close() {
        if (closed) return;
        closed = true;
        channel.post({ kind: 'forget', listId });
        release(channel);
      },
    };
  }

  function open(message: (listId: number) => ImportRequest, transfer: Transferable[], signal?: AbortSignal) {
    const listId = nextListId++;
    return job(signal, async (channel) => {
      try {
        return session(channel, listId, await channel.request(message(listId), transfer, importCollector()));
      } catch (error) {
        release(channel);
        throw error;
      }
    });
  }

  return {
    importFile(bytes, importOptions = {}, signal) {
      // Transfer an exact buffer: a view into a larger one would hand over (and detach) more than the file.
      const buffer =
        bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
          ? (bytes.buffer as ArrayBuffer)
          : (bytes.slice().buffer as ArrayBuffer);
      return open(
        (listId) => ({ kind: 'import-bytes', listId, bytes: buffer, options: importOptions }),
        [buffer],
        signal,
      );
    },
    importText(text, importOptions = {}, signal) {
      return open((listId) => ({ kind: 'import-text', listId, text, options: importOptions }), [], signal);
    },
    exportResults(records, target, signal) {
      return job(signal, async (channel) => {
        try {
          for (const batch of inBatches(records)) {
            channel.post({ kind: 'export-rows', records: batch });
            await yieldToPage();
            if (signal?.aborted) throw abortError(signal);
          }
          return await channel.request({ kind: 'export-end', target }, [], exportCollector);
        } finally {
          // A worker stopped by an abort is gone; a live one goes back to the pool (export-end emptied its records).
          release(channel);
        }
      });
    },
    prewarm() {
      if (!idle?.alive) release(new Channel(createWorker()));
    },
    dispose,
  };
}
