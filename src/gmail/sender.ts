/**
 * The send transport: one attempt at one message, bytes in, one typed outcome out. Small messages go as JSON `raw`
 * through `gapi.client.gmail.users.messages.send`; larger ones through the resumable upload. Every failure goes
 * through the pure policy (policy.ts). Waiting, retrying and remembering where an upload stands are the outbox's
 * (src/outbox): it saves the entry at each `checkpoint` before the request leaves, so an attempt can always be
 * continued, never repeated by accident.
 */

import { encodeBase64Url } from '../mail/base64.ts';
import type { GapiLike, GapiResponse } from './gapi-client.ts';
import {
  decideAfterFailure,
  type HeaderField,
  type SendFailure,
  type StopCode,
  type UncertainReason,
  type WaitReason,
} from './policy.ts';
import { jsonRequestLength, largestJsonMessage } from './raw-encoding.ts';
import {
  maxUploadBytes,
  type RequestBytes,
  ResumableUpload,
  type SentMessage,
  toSentMessage,
  type UploadCheckpoint,
  type UploadStep,
} from './resumable-upload.ts';
import { realTimers, type Timers } from './timers.ts';

export { gmailSentFolderLink, gmailWebLink } from './web-link.ts';

/**
 * Largest JSON request sent through gapi. Gmail documents no JSON limit; 413s are reported above about 6.5 MiB
 * and older front ends refused less, so we keep well clear (shared/reference/gmail-send.md §1, Size limits).
 */
export const defaultJsonCapBytes = 4_500_000;

export interface SenderDeps {
  gapi: GapiLike;
  fetch: typeof fetch;
  endpoints: { gmailApiRoot: string };
  timers?: Timers;
  random?: () => number;
  jsonCapBytes?: number;
  /** Resumable chunk size, a multiple of 256 KiB. */
  chunkBytes?: number;
  /** Every request body as it leaves (for the bytes-on-the-wire benchmark). */
  onRequestBytes?: (info: RequestBytes) => void;
  /**
   * False when the browser knows it is offline (`navigator.onLine`). Checked before the attempt: a request that
   * cannot leave waits for the network, it is never "not sure".
   */
  isOnline?: () => boolean;
}

/** Announced, and awaited, before the request it names leaves. */
export type SendStep = { kind: 'json' } | UploadStep;

export interface AttemptOptions {
  /** The access token this attempt uses; handed back in `needs-token` so only that token is forgotten. */
  token: string;
  threadId?: string;
  /** Where an earlier attempt's upload stands: this attempt asks that session first. */
  resume?: UploadCheckpoint;
  /** Automatic retries already made for this message (Gmail's backoff counts them). */
  retriesSoFar: number;
  /** Cancels chunk uploads; a request that may deliver the mail is never pulled back mid-flight. */
  signal?: AbortSignal;
  checkpoint(step: SendStep): Promise<void>;
  /** Bytes the server has confirmed, of the whole message (upload path; the JSON path reports 0 then all). */
  onProgress?(sent: number, total: number): void;
}

interface StopDetails {
  code: StopCode;
  field?: HeaderField;
  /** Epoch ms when Google says sending can resume. */
  resumeAt?: number;
  /** Google's own message, for "details". */
  message?: string;
  /** The message size, for `too-large` and `upload-unreachable`. */
  sizeBytes?: number;
  /** The largest message that path takes: the upload limit, or the JSON cap for `upload-unreachable`. */
  limitBytes?: number;
}

export type AttemptOutcome =
  | { kind: 'sent'; id: string; threadId: string; labelIds: string[] }
  /** Gmail refused it for now; nothing was delivered. Try again after `delayMs`. */
  | { kind: 'retry'; delayMs: number; reason: WaitReason; upload?: UploadCheckpoint }
  /** Google refused `rejectedToken` (401): renew inside the person's next click, then attempt again. */
  | { kind: 'needs-token'; rejectedToken: string; upload?: UploadCheckpoint }
  /** The browser is offline; nothing was delivered, or an upload waits for its session to be asked. */
  | { kind: 'offline'; upload?: UploadCheckpoint }
  /** The request left and no usable answer came: the mail may have gone. Never retried without the person. */
  | { kind: 'uncertain'; reason: UncertainReason }
  | ({ kind: 'stopped'; upload?: UploadCheckpoint } & StopDetails)
  | { kind: 'cancelled'; upload?: UploadCheckpoint };

export type SendPath = 'json' | 'upload';

export interface Sender {
  attempt(message: Blob, options: AttemptOptions): Promise<AttemptOutcome>;
  /** Which path a message of this size takes. */
  pathFor(byteLength: number, threadId?: string): SendPath;
}

type AttemptResult =
  | { kind: 'sent'; message: SentMessage }
  | { kind: 'failed'; failure: SendFailure }
  | { kind: 'stalled' }
  | { kind: 'cancelled' }
  | { kind: 'not-ready' };

/** gapi settles rejected requests with `{result, body, headers, status, statusText}`; no status means no answer. */
function failureFromGapi(reason: unknown): SendFailure {
  const response = (typeof reason === 'object' && reason !== null ? reason : {}) as Partial<GapiResponse<unknown>>;
  if (typeof response.status === 'number' && response.status >= 100) {
    const body = typeof response.result === 'object' && response.result !== null ? response.result : response.body;
    return { kind: 'http', status: response.status, body, headers: response.headers, carriedMessage: true };
  }
  return { kind: 'network-after-send', reason: 'lost-answer' };
}

/** Creates the sender. All of Google is injected: tests pass fakes, the app passes `window.gapi` and `fetch`. */
export function createSender(deps: SenderDeps): Sender {
  const timers = deps.timers ?? realTimers;
  const random = deps.random ?? Math.random;
  const jsonCap = deps.jsonCapBytes ?? defaultJsonCapBytes;

  const pathFor = (byteLength: number, threadId?: string): SendPath =>
    jsonRequestLength(byteLength, threadId) <= jsonCap ? 'json' : 'upload';

  async function sendJson(message: Blob, options: AttemptOptions): Promise<AttemptResult> {
    const client = deps.gapi.client;
    // Nothing has left the page: init never finished (initGmailClient rejected or was not awaited).
    if (!client?.gmail) return { kind: 'not-ready' };
    const bytes = new Uint8Array(await message.arrayBuffer());
    const raw = encodeBase64Url(bytes);
    const resource = options.threadId ? { raw, threadId: options.threadId } : { raw };
    await options.checkpoint({ kind: 'json' });
    client.setToken({ access_token: options.token });
    deps.onRequestBytes?.({ kind: 'json', bytes: jsonRequestLength(bytes.length, options.threadId) });
    options.onProgress?.(0, bytes.length);
    try {
      const response = await client.gmail.users.messages.send({ userId: 'me', resource });
      options.onProgress?.(bytes.length, bytes.length);
      return { kind: 'sent', message: toSentMessage(response.result) };
    } catch (reason) {
      return { kind: 'failed', failure: failureFromGapi(reason) };
    }
  }

  async function attempt(message: Blob, options: AttemptOptions): Promise<AttemptOutcome> {
    const total = message.size;
    if (total > maxUploadBytes)
      return { kind: 'stopped', code: 'too-large', sizeBytes: total, limitBytes: maxUploadBytes };
    // A message that started as an upload stays one: its session is the only thing that knows where it stands.
    const path = options.resume ? 'upload' : pathFor(total, options.threadId);
    const upload =
      path === 'upload'
        ? new ResumableUpload({
            fetch: deps.fetch,
            gmailApiRoot: deps.endpoints.gmailApiRoot,
            message,
            threadId: options.threadId,
            chunkBytes: deps.chunkBytes,
            resume: options.resume,
            checkpoint: options.checkpoint,
            onProgress: options.onProgress,
            onRequestBytes: deps.onRequestBytes,
          })
        : null;
    const where = () => (upload?.state ? { upload: upload.state } : {});

    if (options.signal?.aborted) return { kind: 'cancelled', ...where() };
    if (deps.isOnline?.() === false) return { kind: 'offline', ...where() };
    const result = upload ? await upload.run(options.token, options.signal) : await sendJson(message, options);

    if (result.kind === 'sent') return { kind: 'sent', ...result.message };
    if (result.kind === 'cancelled') return { kind: 'cancelled', ...where() };
    if (result.kind === 'stalled') return { kind: 'stopped', code: 'upload-stalled', sizeBytes: total, ...where() };
    if (result.kind === 'not-ready') return { kind: 'stopped', code: 'client-not-ready' };

    const failure = result.failure;
    // The network went away under an upload: its session is kept and asked when the browser is back online.
    const lostNetwork = failure.kind === 'upload-interrupted' || failure.kind === 'network-before-send';
    if (lostNetwork && deps.isOnline?.() === false) return { kind: 'offline', ...where() };

    const action = decideAfterFailure(failure, { retriesSoFar: options.retriesSoFar, now: timers.now(), random });
    switch (action.action) {
      case 'renew-token':
        return { kind: 'needs-token', rejectedToken: options.token, ...where() };
      case 'uncertain':
        return { kind: 'uncertain', reason: action.reason };
      case 'wait-and-retry':
        return { kind: 'retry', delayMs: action.delayMs, reason: action.reason, ...where() };
      case 'stop': {
        const { action: _, ...stop } = action;
        if (stop.code === 'upload-unreachable')
          return {
            kind: 'stopped',
            code: stop.code,
            sizeBytes: total,
            limitBytes: largestJsonMessage(jsonCap, options.threadId),
          };
        if (stop.code === 'too-large') return { kind: 'stopped', ...stop, sizeBytes: total };
        return { kind: 'stopped', ...stop, ...where() };
      }
    }
  }

  return { attempt, pathFor };
}
