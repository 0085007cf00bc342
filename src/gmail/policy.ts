/**
 * What to do after a send attempt fails: a pure table from Google's answers to actions.
 * No DOM, no gapi, no clock: the caller passes the time, the retry count and a jitter source.
 *
 * Sources: Gmail "Resolve errors" guide and the uploads guide (backoff 2^n s + up to 1 s of jitter, n = 0…4),
 * summarised with their wire forms in shared/reference/gmail-send.md §3.
 */

/** One entry of the v1 `errors[]` list Gmail still sends beside the v2 `status`. */
export interface GoogleErrorItem {
  message?: string;
  domain?: string;
  reason?: string;
  location?: string;
  locationType?: string;
}

/** Google's error envelope: `{"error":{"code","message","errors":[…],"status","details"}}`. */
export interface GoogleErrorEnvelope {
  error: {
    code?: number;
    message?: string;
    errors?: GoogleErrorItem[];
    status?: string;
    details?: Array<{ '@type'?: string; reason?: string; domain?: string; metadata?: Record<string, string> }>;
  };
}

/**
 * How the attempt ended.
 * - `http`: Google answered with an error status.
 * - `network-before-send`: nothing that could send a message left the page (safe to repeat).
 * - `network-after-send`: the message request left and no answer came back: it may have been sent.
 * - `upload-interrupted`: a resumable upload lost its connection; a status query can tell where it stands.
 *   `mayHaveCompleted` is true once the final chunk has been on the wire.
 * - `cors-or-unreachable`: the upload endpoint could not be reached at all (CORS refusal, offline, blocked).
 */
export type FailureKind =
  | 'http'
  | 'network-before-send'
  | 'network-after-send'
  | 'upload-interrupted'
  | 'cors-or-unreachable';

export interface SendFailure {
  kind: FailureKind;
  /**
   * For `http`: whether the refused request carried the whole message (the JSON path). A 5xx to such a request
   * does not say the message was not processed, so it reads as "not sure"; on the upload path a status query
   * can always tell, so a 5xx there is retried.
   */
  carriedMessage?: boolean;
  /** For `network-after-send`: what is known of why no answer came. */
  reason?: UncertainReason;
  status?: number;
  /** The parsed error envelope, or the raw response text (HTML error pages from Google's front end happen). */
  body?: unknown;
  /** Response headers; names are matched case-insensitively. */
  headers?: Readonly<Record<string, string | undefined>>;
  mayHaveCompleted?: boolean;
}

/** Message header a 400 points at, so the UI can focus the matching field. */
export type HeaderField = 'to' | 'cc' | 'bcc' | 'from' | 'subject';

export type StopCode =
  | 'daily-limit'
  | 'sending-limit'
  | 'rate-limited'
  | 'server-error'
  | 'offline'
  | 'invalid-header'
  | 'recipient-required'
  | 'insufficient-scope'
  | 'api-not-enabled'
  | 'domain-policy'
  | 'delegation-denied'
  | 'mail-service-disabled'
  | 'invalid-thread'
  | 'too-large'
  | 'bad-request'
  | 'upload-unreachable'
  | 'upload-stalled'
  | 'client-not-ready'
  | 'unknown';

export type WaitReason = 'rate-limit' | 'concurrency' | 'server-error' | 'network';

/** Why an outcome is "not sure": the connection dropped, a server error answered, or the upload session vanished. */
export type UncertainReason = 'lost-answer' | 'server-error' | 'session-gone';

export type PolicyAction =
  | { action: 'renew-token' }
  | { action: 'wait-and-retry'; delayMs: number; reason: WaitReason }
  | { action: 'uncertain'; reason: UncertainReason }
  | { action: 'stop'; code: StopCode; field?: HeaderField; resumeAt?: number; message?: string };

export interface PolicyContext {
  /** Retries already made for this send (0 after the first failure). */
  retriesSoFar: number;
  /** Current time, epoch ms. */
  now: number;
  /** Uniform in [0, 1); injected so tests are deterministic. */
  random: () => number;
}

/** Google's uploads guide: n = 0…4, then give up (five retries, about 31 s of waiting in all). */
export const maxRetries = 5;
/** Waits longer than this are not done automatically: the user is told when sending can resume instead. */
export const maxAutomaticWaitMs = 60_000;
/** "Start retry periods at least one second after the error." (Gmail, Resolve errors) */
const minimumWaitMs = 1_000;

/** Exponential backoff with jitter: 2^n s plus a fresh 0–999 ms, as Google's uploads guide prescribes. */
export function backoffDelayMs(retryIndex: number, random: () => number): number {
  return 2 ** retryIndex * 1_000 + Math.floor(random() * 1_000);
}

/** Accepts the envelope, its JSON text, or any text; returns the envelope when there is one. */
export function parseErrorEnvelope(body: unknown): GoogleErrorEnvelope | null {
  let value = body;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (typeof value !== 'object' || value === null) return null;
  const error = (value as { error?: unknown }).error;
  return typeof error === 'object' && error !== null ? (value as GoogleErrorEnvelope) : null;
}

function headerValue(headers: SendFailure['headers'], name: string): string | undefined {
  if (!headers) return undefined;
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

/**
 * When Google says to come back: a `Retry-After` header (seconds or HTTP-date, RFC 9110 §10.2.3), else the
 * "Retry after <ISO time>" Gmail writes into rate-limit messages (seen with two spaces before it).
 */
export function retryHint(failure: SendFailure, message: string, now: number): number | undefined {
  const header = headerValue(failure.headers, 'retry-after')?.trim();
  if (header) {
    if (/^\d+$/.test(header)) return now + Number(header) * 1_000;
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return date;
  }
  const match = /retry after\s+(\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)/i.exec(message);
  if (match?.[1]) {
    const date = Date.parse(match[1]);
    if (!Number.isNaN(date)) return date;
  }
  return undefined;
}

function rawText(body: unknown): string {
  if (typeof body === 'string') return body.slice(0, 500);
  return '';
}

/** Retry after a wait, or stop with `exhausted` once the retries are used up. */
function retryOrStop(
  context: PolicyContext,
  reason: WaitReason,
  exhausted: StopCode,
  message: string,
  hint?: number,
): PolicyAction {
  if (context.retriesSoFar >= maxRetries) return { action: 'stop', code: exhausted, message };
  if (hint !== undefined) {
    const delayMs = Math.max(minimumWaitMs, hint - context.now);
    if (delayMs > maxAutomaticWaitMs) return { action: 'stop', code: exhausted, resumeAt: hint, message };
    return { action: 'wait-and-retry', delayMs, reason };
  }
  return { action: 'wait-and-retry', delayMs: backoffDelayMs(context.retriesSoFar, context.random), reason };
}

const rateLimitReasons = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'RATE_LIMIT_EXCEEDED']);
const retriedServerStatuses = new Set([500, 502, 503, 504]);

/** Classifies one failed attempt into the single action the sender takes next. */
export function decideAfterFailure(failure: SendFailure, context: PolicyContext): PolicyAction {
  switch (failure.kind) {
    case 'network-after-send':
      // The request may have reached Gmail: repeating it could deliver the mail twice. Only the user decides.
      return { action: 'uncertain', reason: failure.reason ?? 'lost-answer' };
    case 'cors-or-unreachable':
      return { action: 'stop', code: 'upload-unreachable' };
    case 'network-before-send':
      return retryOrStop(context, 'network', 'offline', '');
    case 'upload-interrupted':
      // A status query never creates a message, so resuming is always safe; giving up after the final chunk is not.
      if (context.retriesSoFar >= maxRetries)
        return failure.mayHaveCompleted ? { action: 'uncertain', reason: 'lost-answer' } : stop('offline');
      return retryOrStop(context, 'network', 'offline', '');
    case 'http':
      return decideHttp(failure, context);
  }
}

function stop(code: StopCode, extra: Partial<Extract<PolicyAction, { action: 'stop' }>> = {}): PolicyAction {
  return { action: 'stop', code, ...extra };
}

function decideHttp(failure: SendFailure, context: PolicyContext): PolicyAction {
  const status = failure.status ?? 0;
  const envelope = parseErrorEnvelope(failure.body);
  const message = envelope?.error.message ?? envelope?.error.errors?.[0]?.message ?? rawText(failure.body);
  const reasons = new Set<string>();
  for (const item of envelope?.error.errors ?? []) if (item.reason) reasons.add(item.reason);
  for (const detail of envelope?.error.details ?? []) if (detail.reason) reasons.add(detail.reason);
  const text = [message, ...(envelope?.error.errors ?? []).map((item) => item.message ?? '')].join('\n');

  if (status === 401) return { action: 'renew-token' };

  if (reasons.has('dailyLimitExceeded'))
    return stop('daily-limit', { resumeAt: retryHint(failure, text, context.now), message });
  // Gmail's per-user sending limit: "(Mail sending)" in the message, or a 429 that names its own retry time (the
  // daily cap answers "User-rate limit exceeded.  Retry after <ISO>"). It blocks for up to 24 hours, for every client.
  if (/mail sending/i.test(text) || (status === 429 && /retry after\s+\d{4}-/i.test(text))) {
    const resumeAt = retryHint(failure, text, context.now);
    if (resumeAt !== undefined && resumeAt - context.now <= maxAutomaticWaitMs) {
      return retryOrStop(context, 'rate-limit', 'sending-limit', message, resumeAt);
    }
    return stop('sending-limit', { resumeAt, message });
  }
  if (status === 429 || (status === 403 && [...reasons].some((reason) => rateLimitReasons.has(reason)))) {
    const reason: WaitReason = /concurrent/i.test(text) ? 'concurrency' : 'rate-limit';
    const hint = retryHint(failure, text, context.now);
    const action = retryOrStop(context, reason, 'rate-limited', message, hint);
    return action.action === 'stop' && hint !== undefined ? { ...action, resumeAt: hint } : action;
  }

  if (reasons.has('insufficientPermissions') || reasons.has('ACCESS_TOKEN_SCOPE_INSUFFICIENT')) {
    return stop('insufficient-scope', { message });
  }
  if (
    reasons.has('accessNotConfigured') ||
    reasons.has('SERVICE_DISABLED') ||
    /has not been used in project/i.test(text)
  ) {
    return stop('api-not-enabled', { message });
  }
  if (reasons.has('domainPolicy')) return stop('domain-policy', { message });
  if (/delegation denied/i.test(text)) return stop('delegation-denied', { message });

  if (status === 413 || /payload size exceeds|request entity too large/i.test(text))
    return stop('too-large', { message });

  if (status === 400) {
    const header = /invalid (to|cc|bcc|from|subject) header/i.exec(text);
    if (header?.[1]) return stop('invalid-header', { field: header[1].toLowerCase() as HeaderField, message });
    if (/recipient address required/i.test(text)) return stop('recipient-required', { field: 'to', message });
    if (/mail service not enabled/i.test(text)) return stop('mail-service-disabled', { message });
    if (/thread_?id/i.test(text)) return stop('invalid-thread', { message });
    return stop('bad-request', { message });
  }

  if (retriedServerStatuses.has(status)) {
    // messages.send is not idempotent, and Google does not say a 5xx means "not processed": DEADLINE_EXCEEDED
    // (504) "may be returned even if the operation has completed successfully", UNAVAILABLE (503) is "not always
    // safe to retry non-idempotent operations" (google.rpc.Code), and a 500 or a gateway's 502 can follow an
    // accepted send. Only where the request itself could not have delivered the message is it retried.
    if (failure.carriedMessage) return { action: 'uncertain', reason: 'server-error' };
    return retryOrStop(context, 'server-error', 'server-error', message, retryHint(failure, '', context.now));
  }
  return stop('unknown', { message: message || `HTTP ${status}` });
}
