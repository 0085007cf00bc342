/**
 * Gmail's resumable media upload for `users.messages.send`, with `fetch`: raw RFC 822 bytes (not base64), in chunks
 * sliced from a Blob (no copy of the message on the page's thread). Protocol: Gmail uploads guide
 * (shared/reference/gmail-send.md §1). One `ResumableUpload` is one run on one message; it can start from a
 * checkpoint saved by an earlier run, even one from before a reload.
 *
 * Why it can never send twice: Gmail sends the message only when the session has every byte, and a session
 * completes once. Before each request the upload hands the caller a checkpoint to save (the outbox saves it before
 * the request leaves); a run that starts from a checkpoint first asks the session where it stands
 * (`Content-Range: bytes *\/total`) instead of sending again; a new session is opened only while the final byte has
 * never been on the wire.
 */
import type { UploadCheckpoint } from '../outbox/core/entry.ts';
import type { SendFailure } from './policy.ts';
import { isAbortError } from './timers.ts';

export type { UploadCheckpoint };

/** Gmail's message size limit for the upload path (discovery `mediaUpload.maxSize`, 35 MiB). */
export const maxUploadBytes = 36_700_160;
/** Google's client libraries: every chunk but the last is a multiple of 256 KiB. */
export const chunkGranularity = 256 * 1024;
/** Google's default chunk (1 MiB): a progress step every MiB at modest per-request overhead. */
export const defaultChunkBytes = 4 * chunkGranularity;
/** Sessions reopened after 404/410 before giving up: a session that keeps vanishing will not come back. */
const maxRestarts = 2;
/** Chunks in a row that the server acknowledges without moving `Range` forward. */
const maxStalledChunks = 3;

/** A minimal Gmail `Message` as returned by send. */
export interface SentMessage {
  id: string;
  threadId: string;
  labelIds: string[];
}

/** What went on the wire, for the bytes-on-the-wire benchmark (bodies only; headers are not counted). */
export interface RequestBytes {
  kind: 'json' | 'upload-start' | 'upload-chunk' | 'upload-status';
  bytes: number;
}

/** Saved by the caller before the request it announces leaves. */
export type UploadStep = { kind: 'upload-start' } | { kind: 'upload'; upload: UploadCheckpoint };

export type UploadResult =
  | { kind: 'sent'; message: SentMessage }
  | { kind: 'failed'; failure: SendFailure }
  | { kind: 'stalled' }
  | { kind: 'cancelled' };

export interface ResumableUploadOptions {
  fetch: typeof fetch;
  /** Gmail API root with trailing slash (`https://gmail.googleapis.com/` or the offline Google). */
  gmailApiRoot: string;
  message: Blob;
  threadId?: string;
  /** Multiple of 256 KiB. */
  chunkBytes?: number;
  /** Where an earlier run stopped: this run asks the session first. */
  resume?: UploadCheckpoint;
  /** Called, and awaited, before every request that changes what Gmail may hold. */
  checkpoint?: (step: UploadStep) => Promise<void>;
  onProgress?: (confirmed: number, total: number) => void;
  onRequestBytes?: (info: RequestBytes) => void;
}

/** Session start URL (the uploads guide's form; the discovery's `/resumable/upload/…` alias is equivalent). */
export function uploadStartUrl(gmailApiRoot: string): string {
  return `${gmailApiRoot}upload/gmail/v1/users/me/messages/send?uploadType=resumable`;
}

/** `Range: bytes=0-42` (or `0-42`) → 43 bytes held by the server; no header → none. */
export function confirmedFromRange(range: string | null): number {
  const match = range ? /(\d+)\s*-\s*(\d+)/.exec(range) : null;
  return match ? Number(match[2]) + 1 : 0;
}

export function headersRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, key) => {
    record[key] = value;
  });
  return record;
}

async function bodyOf(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function toSentMessage(body: unknown): SentMessage {
  const value = (typeof body === 'object' && body !== null ? body : {}) as Partial<SentMessage>;
  return {
    id: typeof value.id === 'string' ? value.id : '',
    threadId: typeof value.threadId === 'string' ? value.threadId : '',
    labelIds: Array.isArray(value.labelIds) ? value.labelIds.filter((label) => typeof label === 'string') : [],
  };
}

export class ResumableUpload {
  private sessionUrl: string | null = null;
  private confirmed = 0;
  /** True once the last byte has been sent and no 308 has since said the session is incomplete. */
  private finalChunkSent = false;
  /** After any interruption, or when resuming, the next request asks the session for its state first. */
  private needsStatus = false;
  /** True once any answer has come back from the upload endpoint: a later TypeError is a drop, not CORS. */
  private reachedEndpoint = false;
  private restarts = 0;
  private stalledChunks = 0;
  private readonly total: number;
  private readonly chunkBytes: number;

  constructor(private readonly options: ResumableUploadOptions) {
    this.total = options.message.size;
    this.chunkBytes = options.chunkBytes ?? defaultChunkBytes;
    if (this.chunkBytes <= 0 || this.chunkBytes % chunkGranularity !== 0) {
      throw new RangeError(`chunkBytes must be a positive multiple of ${chunkGranularity}`);
    }
    const resume = options.resume;
    if (resume && resume.total === this.total) {
      this.sessionUrl = resume.sessionUrl;
      this.confirmed = resume.confirmed;
      this.finalChunkSent = resume.finalChunkSent;
      this.needsStatus = true;
      // The session answered before this run began; a drop now is a drop, not a CORS refusal.
      this.reachedEndpoint = true;
    }
  }

  /** Bytes the server has confirmed. */
  get confirmedBytes(): number {
    return this.confirmed;
  }

  /** Where the session stands, for the caller to keep; undefined before a session exists. */
  get state(): UploadCheckpoint | undefined {
    return this.sessionUrl
      ? {
          sessionUrl: this.sessionUrl,
          total: this.total,
          confirmed: this.confirmed,
          finalChunkSent: this.finalChunkSent,
        }
      : undefined;
  }

  /**
   * Sends until the message is accepted or something needs a decision. `signal` cancels between requests and
   * aborts chunk uploads, except the final chunk: once it is on the wire the mail may go, and pulling it back
   * would only hide whether it did.
   */
  async run(accessToken: string, signal?: AbortSignal): Promise<UploadResult> {
    try {
      return await this.loop(accessToken, signal);
    } catch (error) {
      if (isAbortError(error)) return { kind: 'cancelled' };
      if (!this.reachedEndpoint) return { kind: 'failed', failure: { kind: 'cors-or-unreachable' } };
      this.needsStatus = this.sessionUrl !== null;
      if (!this.sessionUrl) return { kind: 'failed', failure: { kind: 'network-before-send' } };
      return {
        kind: 'failed',
        failure: { kind: 'upload-interrupted', mayHaveCompleted: this.finalChunkSent },
      };
    }
  }

  private async save(step: UploadStep): Promise<void> {
    await this.options.checkpoint?.(step);
  }

  private async loop(accessToken: string, signal?: AbortSignal): Promise<UploadResult> {
    for (;;) {
      if (signal?.aborted) return { kind: 'cancelled' };
      if (!this.sessionUrl) {
        const failure = await this.startSession(accessToken, signal);
        if (failure) return { kind: 'failed', failure };
        continue;
      }
      const response = this.needsStatus
        ? await this.queryStatus(accessToken, signal)
        : await this.putChunk(accessToken, signal);
      this.reachedEndpoint = true;
      this.needsStatus = false;
      const outcome = await this.handle(response);
      if (outcome) return outcome;
    }
  }

  private async startSession(accessToken: string, signal?: AbortSignal): Promise<SendFailure | null> {
    await this.save({ kind: 'upload-start' });
    const metadata = this.options.threadId ? JSON.stringify({ threadId: this.options.threadId }) : '';
    const headers: Record<string, string> = {
      Authorization: `Bearer ${accessToken}`,
      'X-Upload-Content-Type': 'message/rfc822',
      'X-Upload-Content-Length': String(this.total),
    };
    if (metadata) headers['Content-Type'] = 'application/json; charset=UTF-8';
    this.options.onRequestBytes?.({ kind: 'upload-start', bytes: metadata.length });
    const startUrl = uploadStartUrl(this.options.gmailApiRoot);
    const response = await this.options.fetch(startUrl, { method: 'POST', headers, body: metadata, signal });
    this.reachedEndpoint = true;
    if (!response.ok)
      return {
        kind: 'http',
        status: response.status,
        body: await bodyOf(response),
        headers: headersRecord(response.headers),
      };
    const location = response.headers.get('Location');
    // Without a readable Location (not exposed to CORS) the browser cannot use the upload endpoint at all.
    if (!location) return { kind: 'cors-or-unreachable' };
    this.sessionUrl = new URL(location, startUrl).href;
    this.confirmed = 0;
    this.finalChunkSent = false;
    // Saved before the first chunk: from now on a reload asks this session instead of opening another.
    await this.save({ kind: 'upload', upload: this.state as UploadCheckpoint });
    this.options.onProgress?.(0, this.total);
    return null;
  }

  private queryStatus(accessToken: string, signal?: AbortSignal): Promise<Response> {
    this.options.onRequestBytes?.({ kind: 'upload-status', bytes: 0 });
    return this.options.fetch(this.sessionUrl as string, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${accessToken}`, 'Content-Range': `bytes */${this.total}` },
      signal,
    });
  }

  private async putChunk(accessToken: string, signal?: AbortSignal): Promise<Response> {
    const start = this.confirmed;
    const end = Math.min(start + this.chunkBytes, this.total);
    const isFinal = end === this.total;
    if (isFinal) {
      this.finalChunkSent = true;
      await this.save({ kind: 'upload', upload: this.state as UploadCheckpoint });
    }
    this.options.onRequestBytes?.({ kind: 'upload-chunk', bytes: end - start });
    // A zero-byte message has no byte range to name; RFC 9110 has none, Google documents only `bytes */0` then.
    const range = this.total === 0 ? 'bytes */0' : `bytes ${start}-${end - 1}/${this.total}`;
    return this.options.fetch(this.sessionUrl as string, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'message/rfc822', 'Content-Range': range },
      body: this.options.message.slice(start, end),
      signal: isFinal ? undefined : signal,
    });
  }

  private async handle(response: Response): Promise<UploadResult | null> {
    const status = response.status;
    if (status === 200 || status === 201) {
      this.confirmed = this.total;
      this.options.onProgress?.(this.total, this.total);
      return { kind: 'sent', message: toSentMessage(await bodyOf(response)) };
    }
    if (status === 308) {
      await response.body?.cancel();
      const confirmed = Math.min(confirmedFromRange(response.headers.get('Range')), this.total);
      this.finalChunkSent = false;
      this.stalledChunks = confirmed > this.confirmed ? 0 : this.stalledChunks + 1;
      if (this.stalledChunks >= maxStalledChunks) return { kind: 'stalled' };
      // The server's Range is the truth, even when it holds less than we sent: resend from there.
      if (confirmed > this.confirmed) this.options.onProgress?.(confirmed, this.total);
      this.confirmed = confirmed;
      // Saved after every answer, so the checkpoint is never behind the session (and never says "final chunk
      // sent" once Gmail has said it still wants bytes).
      await this.save({ kind: 'upload', upload: this.state as UploadCheckpoint });
      return null;
    }
    if (status === 404 || status === 410) {
      await response.body?.cancel();
      // The session is gone (expired or lost). If the final byte was sent, the mail may already be out.
      if (this.finalChunkSent)
        return { kind: 'failed', failure: { kind: 'network-after-send', reason: 'session-gone' } };
      if (this.restarts >= maxRestarts) {
        return { kind: 'failed', failure: { kind: 'http', status, body: 'upload session lost repeatedly' } };
      }
      this.restarts += 1;
      this.sessionUrl = null;
      this.confirmed = 0;
      return null;
    }
    // Any other answer is the server's final word on this request; a later run resumes from a status query, which
    // can never create a message, so even a 5xx here is safe to retry.
    this.needsStatus = true;
    return {
      kind: 'failed',
      failure: { kind: 'http', status, body: await bodyOf(response), headers: headersRecord(response.headers) },
    };
  }
}
