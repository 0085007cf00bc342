/**
 * The send transport: bytes in, one typed outcome out. Small messages go as JSON `raw` through
 * `gapi.client.gmail.users.messages.send`; larger ones through the resumable upload. Every failure goes through
 * the pure policy (policy.ts), which decides between waiting, renewing the token, asking the user, or stopping.
 */

import { encodeBase64Url } from '../mail/base64.ts';
import type { GapiLike, GapiResponse } from './gapi-client.ts';
import { decideAfterFailure, type HeaderField, type SendFailure, type StopCode, type WaitReason } from './policy.ts';
import { jsonRequestLength, largestJsonMessage } from './raw-encoding.ts';
import {
  maxUploadBytes,
  type RequestBytes,
  ResumableUpload,
  type SentMessage,
  toSentMessage,
} from './resumable-upload.ts';
import { realTimers, sleep, type Timers } from './timers.ts';

export { gmailSentFolderLink, gmailWebLink } from './web-link.ts';

/**
 * Largest JSON request sent through gapi. Gmail documents no JSON limit; 413s are reported above about 6.5 MiB
 * and older front ends refused less, so we keep well clear (shared/reference/gmail-send.md §1, Size limits).
 */
export const defaultJsonCapBytes = 4_500_000;

/** Where access tokens come from; the token session (src/auth) fits. */
export interface TokenSource {
  accessToken(): string | null;
  /** Forget a token Google refused, so the next click renews it. */
  invalidateToken?(): void;
}

export interface SenderDeps {
  gapi: GapiLike;
  fetch: typeof fetch;
  tokens: TokenSource;
  endpoints: { gmailApiRoot: string };
  timers?: Timers;
  random?: () => number;
  jsonCapBytes?: number;
  /** Resumable chunk size, a multiple of 256 KiB. */
  chunkBytes?: number;
  /** Every request body as it leaves (for the bytes-on-the-wire benchmark). */
  onRequestBytes?: (info: RequestBytes) => void;
  /**
   * False when the browser knows it is offline (`navigator.onLine`). Checked before each attempt: a request that
   * cannot leave is "not reached, nothing sent", which the user can retry freely, never "not sure".
   */
  isOnline?: () => boolean;
}

export interface WaitInfo {
  /** When the next try starts, epoch ms (from the injected clock): drives the countdown. */
  until: number;
  reason: WaitReason;
  /** Which retry this wait leads to: 1 for the first. */
  attempt: number;
}

export interface SendOptions {
  threadId?: string;
  /** Cancels waits and upload chunks; a request that may deliver the mail is never pulled back mid-flight. */
  signal?: AbortSignal;
  /** Bytes the server has confirmed, of the whole message (upload path; the JSON path reports 0 then all). */
  onProgress?(sent: number, total: number): void;
  onWait?(info: WaitInfo): void;
}

export type SendOutcome =
  | { kind: 'sent'; id: string; threadId: string; labelIds: string[] }
  /** Google refused the token: show "Reconnect and send", renew inside that click, then call send once more. */
  | { kind: 'needs-reauth' }
  /** The request left and no answer came: the mail may have gone. Never retried without the user. */
  | { kind: 'uncertain' }
  | {
      kind: 'stopped';
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
  | { kind: 'cancelled' };

export type SendPath = 'json' | 'upload';

export interface Sender {
  send(bytes: Uint8Array, options?: SendOptions): Promise<SendOutcome>;
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
    return { kind: 'http', status: response.status, body, headers: response.headers };
  }
  return { kind: 'network-after-send' };
}

/** Creates the sender. All of Google is injected: tests pass fakes, the app passes `window.gapi` and `fetch`. */
export function createSender(deps: SenderDeps): Sender {
  const timers = deps.timers ?? realTimers;
  const random = deps.random ?? Math.random;
  const jsonCap = deps.jsonCapBytes ?? defaultJsonCapBytes;

  const pathFor = (byteLength: number, threadId?: string): SendPath =>
    jsonRequestLength(byteLength, threadId) <= jsonCap ? 'json' : 'upload';

  async function sendJson(bytes: Uint8Array, token: string, threadId?: string): Promise<AttemptResult> {
    const client = deps.gapi.client;
    // Nothing has left the page: init never finished (initGmailClient rejected or was not awaited).
    if (!client?.gmail) return { kind: 'not-ready' };
    const raw = encodeBase64Url(bytes);
    const resource = threadId ? { raw, threadId } : { raw };
    client.setToken({ access_token: token });
    deps.onRequestBytes?.({ kind: 'json', bytes: jsonRequestLength(bytes.length, threadId) });
    try {
      const response = await client.gmail.users.messages.send({ userId: 'me', resource });
      return { kind: 'sent', message: toSentMessage(response.result) };
    } catch (reason) {
      return { kind: 'failed', failure: failureFromGapi(reason) };
    }
  }

  async function send(bytes: Uint8Array, options: SendOptions = {}): Promise<SendOutcome> {
    const { threadId, signal, onProgress, onWait } = options;
    const total = bytes.length;
    if (total > maxUploadBytes)
      return { kind: 'stopped', code: 'too-large', sizeBytes: total, limitBytes: maxUploadBytes };
    const path = pathFor(total, threadId);
    const upload =
      path === 'upload'
        ? new ResumableUpload({
            fetch: deps.fetch,
            gmailApiRoot: deps.endpoints.gmailApiRoot,
            bytes,
            threadId,
            chunkBytes: deps.chunkBytes,
            onProgress,
            onRequestBytes: deps.onRequestBytes,
          })
        : null;

    for (let retries = 0; ; retries += 1) {
      if (signal?.aborted) return { kind: 'cancelled' };
      if (deps.isOnline?.() === false) return { kind: 'stopped', code: 'offline' };
      const token = deps.tokens.accessToken();
      if (!token) return { kind: 'needs-reauth' };
      if (!upload) onProgress?.(0, total);
      const result = upload ? await upload.run(token, signal) : await sendJson(bytes, token, threadId);

      if (result.kind === 'sent') {
        if (!upload) onProgress?.(total, total);
        return { kind: 'sent', ...result.message };
      }
      if (result.kind === 'cancelled') return { kind: 'cancelled' };
      if (result.kind === 'stalled') return { kind: 'stopped', code: 'upload-stalled', sizeBytes: total };
      if (result.kind === 'not-ready') return { kind: 'stopped', code: 'client-not-ready' };

      const action = decideAfterFailure(result.failure, { retriesSoFar: retries, now: timers.now(), random });
      switch (action.action) {
        case 'renew-token':
          deps.tokens.invalidateToken?.();
          return { kind: 'needs-reauth' };
        case 'uncertain':
          return { kind: 'uncertain' };
        case 'stop': {
          const { action: _, ...stop } = action;
          if (stop.code === 'upload-unreachable') {
            return {
              kind: 'stopped',
              code: stop.code,
              sizeBytes: total,
              limitBytes: largestJsonMessage(jsonCap, threadId),
            };
          }
          if (stop.code === 'too-large') return { kind: 'stopped', ...stop, sizeBytes: total };
          return { kind: 'stopped', ...stop };
        }
        case 'wait-and-retry': {
          onWait?.({ until: timers.now() + action.delayMs, reason: action.reason, attempt: retries + 1 });
          if ((await sleep(action.delayMs, timers, signal)) === 'cancelled') return { kind: 'cancelled' };
        }
      }
    }
  }

  return { send, pathFor };
}
