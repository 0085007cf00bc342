/** Shapes shared by the offline Google server, its control routes and the typed Node control client. */
import type { UserQuotaConfig } from './user-quota.ts';

export type { UserQuotaConfig };

export interface TestAccount {
  email: string;
  name: string;
  /** Stable OpenID subject; derived from the email when omitted. */
  sub?: string;
  /** Verified send-as aliases: a `From` naming one of these is kept as written. */
  aliases?: string[];
  /** Workspace domain, reported as `hd` in token responses. */
  hd?: string;
}

export type FaultRoute = 'send' | 'upload' | 'userinfo' | 'any';

/**
 * One injected failure, applied to the next `times` (default 1) requests matching `route` (default 'any'), or, with
 * `until`, to every matching request while the double's clock is before that ISO time, as Gmail's sending limit
 * refuses everything until it lifts (`times` is then ignored, and the fault is gone once the clock passes it).
 * 'send' is the JSON path, 'upload' every /upload and /resumable/upload request (session start and chunks).
 * Transport faults (dropBeforeBody, delay, uploadDrop) hit any request; every other kind is an answer from behind
 * Google's front end, so a request that fails authorization gets its 401 first and leaves the fault pending.
 */
export type FaultSpec = { route?: FaultRoute; times?: number; until?: string } & (
  | { kind: 'unauthorized' }
  | { kind: 'forbidden'; reason: 'rateLimitExceeded' | 'userRateLimitExceeded' | 'dailyLimitExceeded' }
  | {
      kind: 'tooManyRequests';
      /** ISO time for Gmail's "User-rate limit exceeded.  Retry after <ISO>" message; 'auto' = clock + 15 min. */
      retryAfterIso?: string | 'auto';
      /** Seconds for a `Retry-After` header. */
      retryAfterHeaderSeconds?: number;
    }
  | { kind: 'serverError'; status: 500 | 502 | 503 | 504 }
  | { kind: 'dropBeforeBody' }
  /** Accepted, then the answer is lost: the message is recorded and the connection dies before the response. */
  | { kind: 'dropAfterAccept' }
  /**
   * Accepted, then a 5xx: the message is recorded (it will be delivered) and the client gets a server error.
   * A gateway timeout after a completed send is why 5xx on `messages.send` does not prove "not sent" (issue 13).
   */
  | { kind: 'serverErrorAfterAccept'; status: 500 | 502 | 503 | 504 }
  | { kind: 'delay'; ms: number }
  | { kind: 'uploadDrop'; afterPercent: number }
  | { kind: 'sessionGone' }
);

/**
 * An OAuth client as the Google Cloud console holds it. `origins` are its Authorized JavaScript origins, matched
 * exactly (scheme, host, port); 'loopback' accepts any http://localhost:<port> or http://127.0.0.1:<port> and is
 * only the demo client's default, so `npm start` on any port works. A 'testing' client's grants lapse seven days
 * after consent (Google's "Manage App Audience" page: test users' authorizations expire 7 days after consent,
 * unless the app asks only for name, email and profile, which gmail.send is not).
 */
export interface OAuthClientConfig {
  clientId: string;
  origins: string[] | 'loopback';
  publishing: 'testing' | 'in-production';
  /** The app name on the consent screen. */
  name?: string;
}

/** What the consent popup does on its own instead of waiting for clicks (tests of the app use this). */
export type ConsentScript =
  | { action: 'manual' }
  | { action: 'approve'; account?: string; scopes?: string[] }
  | { action: 'deny'; account?: string }
  | { action: 'close' };

export interface ParsedAddress {
  name: string;
  address: string;
}

export interface SentAttachment {
  filename: string | null;
  mimeType: string;
  size: number;
  disposition: string | null;
  contentId: string | null;
}

export interface SentMessage {
  id: string;
  threadId: string;
  labelIds: string[];
  account: string;
  /** How it arrived: JSON `raw`, or an upload protocol. */
  via: 'json' | 'media' | 'multipart' | 'resumable';
  /** Clock time of acceptance (ISO). */
  acceptedAt: string;
  /** The stored SENT copy, after Gmail's rewrites (From, Message-ID, Date), base64. */
  rawBase64: string;
  /**
   * What each recipient's delivered copy shows of Bcc (RFC 5322 §3.6.3; Gmail Help: "Each Bcc recipient only sees
   * their own address"): To/Cc recipients see no Bcc header, a Bcc recipient sees only their own address.
   */
  deliveries: { address: string; field: 'to' | 'cc' | 'bcc'; bccSeen: string | null }[];
  /** The bytes exactly as the client sent them, base64. */
  originalRawBase64: string;
  parsed: {
    from: ParsedAddress | null;
    to: ParsedAddress[];
    cc: ParsedAddress[];
    bcc: ParsedAddress[];
    replyTo: ParsedAddress[];
    subject: string | null;
    messageId: string | null;
    inReplyTo: string | null;
    references: string | null;
    date: string | null;
    text: string | null;
    html: string | null;
    headers: { key: string; value: string }[];
    attachments: SentAttachment[];
  };
}

export interface OfflineGoogleOptions {
  port?: number;
  host?: string;
  accounts?: TestAccount[];
  /** JSON-body cap on the non-upload send path; Google answers 413 somewhere around 5-6.5 MiB. */
  jsonBodyLimit?: number;
  /** Accept standard-alphabet base64 (`+`, `/`) in `raw`; whether Google does today is unverified. */
  acceptStandardBase64?: boolean;
  /** Add a `Date` header when missing (unverified for Gmail, so a switch). */
  addDateWhenMissing?: boolean;
  /** Workspace-style cap on recipients per API message (Google: 100); null = off. */
  maxRecipients?: number | null;
  /** Hide `Range` from the page on upload answers, as google-api-javascript-client#69 saw (default: readable). */
  uploadRangeHidden?: boolean;
  /**
   * Enforce Gmail's per-user per-minute quota (100 units a send, a rolling 60 s; user-quota.ts); null or absent =
   * not enforced. Browser tests on a sped-up campaign clock send far faster than Google would allow.
   */
  userQuota?: UserQuotaConfig | null;
  /** Log each request line to stderr. */
  verbose?: boolean;
  /** OAuth clients besides the demo client (which is always known unless replaced under its own ID). */
  clients?: OAuthClientConfig[];
}

export interface ResetOptions extends Omit<OfflineGoogleOptions, 'port' | 'host' | 'verbose'> {
  /** OAuth clients to know besides (or instead of) the demo client, keyed by client ID. */
  clients?: OAuthClientConfig[];
}

export interface IssuedTokenView {
  token: string;
  email: string;
  clientId: string;
  scopes: string[];
  expiresAt: string;
  revoked: boolean;
}

export interface RequestLogEntry {
  at: string;
  method: string;
  path: string;
  status: number | 'dropped';
  route: FaultRoute | 'other';
}
