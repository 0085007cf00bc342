/**
 * The worker path's main thread, case by case (bench/groups/worker.ts traces each one). Every case starts from the
 * File the compose form holds and marks its window with `bench:start` / `bench:end` for the trace.
 */
import {
  type AttachmentInput,
  type BlobAttachmentInput,
  buildMessageBlobOffThread,
  buildMessageOffThread,
  type MessageDraft,
} from '../../src/mail/index.ts';
import type { BuildRequest, BuildResponse } from '../../src/mail/worker-protocol.ts';
import type { OutboxEntry } from '../../src/outbox/core/entry.ts';
import { indexedDbOutboxStore } from '../../src/outbox/store.ts';
import { benchMessage } from './harness.ts';
import { toDraft } from './ours-draft.ts';

export type WorkerPathCase =
  | 'app-today'
  | 'bytes-in'
  | 'blob'
  | 'blob-in-bytes-out'
  | 'blob-in-bytes-out-blob-on-page'
  | 'read-message-blob'
  | 'store-message-blob'
  | 'store-message-bytes'
  | 'store-outbox-entry';

export interface WorkerPathRun {
  wallMs: number;
  /** Long Tasks API entries (> 50 ms) inside the window, for a cross-check with the trace. */
  longTasksMs: number[];
  outputBytes: number;
}

let file: File | null = null;
let bytes: Uint8Array | null = null;
let base: Omit<MessageDraft, 'attachments'> | null = null;
let message: Blob | null = null;
let messageBytes: Uint8Array | null = null;

const named = { filename: '報告書.bin', contentType: 'application/octet-stream' };
function attachment(extra: { data: Uint8Array }): AttachmentInput;
function attachment(extra: { blob: Blob }): BlobAttachmentInput<Blob>;
function attachment(extra: { data: Uint8Array } | { blob: Blob }) {
  return { ...named, ...extra };
}

let rawWorker: Worker | null = null;
/** The worker protocol spoken directly, for the design alternatives the bridge does not offer. */
function rawBuild(request: BuildRequest<Blob>): Promise<BuildResponse<Blob>> {
  rawWorker ??= new Worker(new URL('../../src/mail/message.worker.ts', import.meta.url), { type: 'module' });
  const worker = rawWorker;
  return new Promise((resolve) => {
    worker.onmessage = (event: MessageEvent<BuildResponse<Blob>>) => resolve(event.data);
    worker.postMessage(request);
  });
}

const cases: Record<WorkerPathCase, () => Promise<number>> = {
  // What src/app/send-services.ts does today: read the File on the page, then the bytes draft to the worker.
  async 'app-today'() {
    const data = new Uint8Array(await file!.arrayBuffer());
    return (await buildMessageOffThread({ ...base!, attachments: [attachment({ data })] })).length;
  },
  async 'bytes-in'() {
    return (await buildMessageOffThread({ ...base!, attachments: [attachment({ data: bytes! })] })).length;
  },
  async blob() {
    return (await buildMessageBlobOffThread({ ...base!, attachments: [attachment({ blob: file! })] })).size;
  },
  async 'blob-in-bytes-out'() {
    const answer = await rawBuild({ draft: { ...base!, attachments: [attachment({ blob: file! })] }, now: Date.now() });
    if (!('bytes' in answer)) throw new Error(JSON.stringify(answer));
    return answer.bytes.length;
  },
  async 'blob-in-bytes-out-blob-on-page'() {
    const answer = await rawBuild({ draft: { ...base!, attachments: [attachment({ blob: file! })] }, now: Date.now() });
    if (!('bytes' in answer)) throw new Error(JSON.stringify(answer));
    return new Blob([answer.bytes as Uint8Array<ArrayBuffer>], { type: 'message/rfc822' }).size;
  },
  // What a sender would pay to turn the message Blob back into bytes on the page.
  async 'read-message-blob'() {
    return (await message!.arrayBuffer()).byteLength;
  },
  // What an outbox pays to persist the finished message: a Blob is stored by reference, bytes are serialized.
  async 'store-message-blob'() {
    await store(message!);
    return message!.size;
  },
  async 'store-message-bytes'() {
    await store(messageBytes!);
    return messageBytes!.length;
  },
  // The app's own write when the undo time ends: entry and payload (the message Blob and the form's snapshot) in one
  // IndexedDB transaction, through the outbox's store (src/outbox/store.ts), as `release` does.
  async 'store-outbox-entry'() {
    outboxRun += 1;
    const at = Date.now();
    const entry: OutboxEntry = {
      id: `bench-${outboxRun}`,
      messageId: `bench-${outboxRun}@example.com`,
      createdAt: at,
      updatedAt: at,
      origin: { kind: 'compose' },
      account: 'alice@example.com',
      ownerTab: 'bench',
      state: 'queued',
      retries: 0,
      attempts: 0,
      summary: { to: ['taro@example.jp'], cc: [], bcc: [], subject: '報告書', size: message!.size },
    };
    if (!(await outbox.add(entry, { message: message!, draft: { subject: '報告書', body: '' } })))
      throw new Error('the outbox refused the entry');
    return message!.size;
  },
};

let outboxRun = 0;
const outbox = indexedDbOutboxStore();

let database: Promise<IDBDatabase> | null = null;
function store(value: Blob | Uint8Array): Promise<void> {
  database ??= new Promise((resolve, reject) => {
    const request = indexedDB.open('bench-outbox', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('messages');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return database.then(
    (db) =>
      new Promise<void>((resolve, reject) => {
        const transaction = db.transaction('messages', 'readwrite');
        transaction.objectStore('messages').put(value, 'entry');
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
      }),
  );
}

const longTasks: PerformanceEntry[] = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });
const nextTask = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const api = {
  /** `finished`: also build the finished message first (as a Blob, or as bytes), for the cases that start from it. */
  async prepare(attachmentBytes: number, finished: 'none' | 'blob' | 'bytes') {
    const m = benchMessage(attachmentBytes);
    bytes = m.attachment!.data;
    file = new File([bytes as Uint8Array<ArrayBuffer>], '報告書.bin', { type: 'application/octet-stream' });
    const { attachments: _none, ...rest } = toDraft({ ...m, attachment: null });
    base = rest;
    const draft = { ...base, attachments: [attachment({ blob: file })] };
    message = finished === 'blob' ? await buildMessageBlobOffThread(draft) : null;
    messageBytes = null;
    if (finished === 'bytes') {
      const answer = await rawBuild({ draft, now: Date.now() });
      if (!('bytes' in answer)) throw new Error(JSON.stringify(answer));
      messageBytes = answer.bytes;
    }
  },
  async run(which: WorkerPathCase): Promise<WorkerPathRun> {
    await nextTask(0);
    performance.mark('bench:start');
    const start = performance.now();
    const outputBytes = await cases[which]();
    const wallMs = performance.now() - start;
    performance.mark('bench:end');
    await nextTask(100);
    const end = start + wallMs;
    const longTasksMs = longTasks
      .filter((t) => t.startTime + t.duration >= start && t.startTime <= end)
      .map((t) => Math.round(t.duration));
    return { wallMs, longTasksMs, outputBytes };
  },
};

export type WorkerPathApi = typeof api;
(globalThis as unknown as { workerPath: WorkerPathApi }).workerPath = api;
