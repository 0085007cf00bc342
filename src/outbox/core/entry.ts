/**
 * One message in the outbox, as plain data: what is saved in IndexedDB before every request, so a reload, a crash
 * or a second tab finds exactly where the message stands. Pure types; no DOM, no storage.
 */

/**
 * - `held`: the undo window; in memory only, so a page closed during it sends nothing.
 * - `queued`: waiting its turn (a time, the network or a token); nothing of it is in flight.
 * - `sending`: a request may be in flight; `inFlight` says which kind, which decides what a crash means.
 * - `sent`: Gmail answered with the message's id.
 * - `not-sure`: a request left and no usable answer came back; never resent without the person.
 * - `failed`: Gmail refused it for a reason the person must fix (or it stopped for a limit).
 * - `cancelled`: undone or cancelled before Gmail could have it.
 */
export type EntryState = 'held' | 'queued' | 'sending' | 'sent' | 'not-sure' | 'failed' | 'cancelled';

export type EntryOrigin =
  | { kind: 'compose' }
  | { kind: 'merge'; campaignId: string; row: number }
  | { kind: 'merge-test'; campaignId: string };

/** Where a resumable upload stands as Gmail last confirmed it: enough to ask the same session after a reload. */
export interface UploadCheckpoint {
  /** The session URI from the `Location` of the session start. Valid for a week (uploads guide). */
  sessionUrl: string;
  total: number;
  /** Bytes Gmail has confirmed (the `Range` of its last 308). */
  confirmed: number;
  /** Set before the last byte leaves: from then on the message may be complete, so only the session can tell. */
  finalChunkSent: boolean;
}

/**
 * The request that was about to leave, saved before it left.
 * - `preparing`: nothing that could deliver the message has left (reading it, opening an upload session).
 * - `json`: the whole message in one request (gapi); if no answer came, it may have been sent.
 * - `upload`: chunks or a status query on a known session (`upload` on the entry says where it stands).
 */
export type InFlight = { kind: 'preparing' } | { kind: 'json' } | { kind: 'upload' };

/** Why a queued entry is not going yet. */
export type Blocker =
  /** The browser is offline: it goes when the network is back. */
  | { kind: 'online' }
  /** No valid access token in this tab: one click (Connect / Send) renews it; `consent` when Google must ask again. */
  | { kind: 'token'; consent: boolean }
  /** Its campaign is paused (or waits for Gmail's daily limit): it goes when the campaign gives it a new time. */
  | { kind: 'paused' };

export interface EntryProblem {
  /** A stop code of the Gmail policy (src/gmail/policy.ts) or an outbox code such as `lost-answer`. */
  code: string;
  field?: string;
  /** Epoch ms when Gmail says sending can resume. */
  resumeAt?: number;
  message?: string;
  sizeBytes?: number;
  limitBytes?: number;
}

/** Who it goes to and what it is about: enough for the sent log and a status row, never the body. */
export interface EntrySummary {
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  size: number;
}

export interface SentResult {
  gmailId: string;
  threadId: string;
  sentAt: number;
}

export interface OutboxEntry {
  id: string;
  /** The Message-ID in the bytes: the same on every attempt, so a deliberate resend is recognisable. */
  messageId: string;
  createdAt: number;
  updatedAt: number;
  origin: EntryOrigin;
  /** The account it was written as (its From); only a tab connected to that account may send it. */
  account: string | null;
  /** The tab that created it: it may send it even when the account's address could not be looked up. */
  ownerTab: string;
  state: EntryState;
  /** Not sent before this time (epoch ms): pacing, or a wait Gmail asked for. */
  notBefore?: number;
  /** Why `notBefore` was set: a wait reason of the Gmail policy (`rate-limit`, `server-error`, …) or `pacing`. */
  waitReason?: string;
  /** Why it waits besides time. */
  blocked?: Blocker;
  /** Automatic retries already made (Gmail's backoff counts them). */
  retries: number;
  /** Requests that could have delivered the message. */
  attempts: number;
  /** When the last attempt began (epoch ms): what counts against Gmail's windows for a message that may have gone. */
  lastAttemptAt?: number;
  inFlight?: InFlight;
  upload?: UploadCheckpoint;
  threadId?: string;
  summary: EntrySummary;
  result?: SentResult;
  problem?: EntryProblem;
  /** The person has seen a not-sure or failed entry and put it aside; it stays on record. */
  acknowledged?: boolean;
  /** A not-sure message the person checked in Gmail's Sent folder and marked as sent: no Gmail id is known. */
  confirmedByPerson?: boolean;
}

/** States in which the outbox still owns the message and may send it by itself. */
export const activeStates: ReadonlySet<EntryState> = new Set(['held', 'queued', 'sending']);
/** States that need the person's decision. */
export const decisionStates: ReadonlySet<EntryState> = new Set(['not-sure', 'failed']);
