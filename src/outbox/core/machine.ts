/**
 * The outbox's state machine: every way an entry may move, as a pure function of (entry, event, time). The outbox
 * saves the entry this returns before it makes the request the new state stands for, so whatever the page meets
 * (a reload, a crash, a second tab) the saved state is a safe place to continue from.
 */
import type {
  Blocker,
  EntryProblem,
  EntryState,
  InFlight,
  OutboxEntry,
  SentResult,
  UploadCheckpoint,
} from './entry.ts';

export type OutboxEvent =
  /** The undo window ended, or the person pressed "Send now". */
  | { type: 'release' }
  /** Undo during the hold. */
  | { type: 'undo' }
  /** This tab takes a due entry and is about to make `inFlight`. */
  | { type: 'claim'; inFlight: InFlight }
  /** The request changes on the way (session opened, chunk confirmed, last chunk about to leave). */
  | { type: 'checkpoint'; inFlight: InFlight; upload?: UploadCheckpoint }
  | { type: 'sent'; result: SentResult }
  /** Gmail refused it for now (rate limit, quota, a server error on the upload path): try again at `until`. */
  | { type: 'retry-later'; until: number; reason: string; upload?: UploadCheckpoint }
  /** It cannot go until the network or a token is back; nothing of it is in flight. */
  | { type: 'blocked'; blocker: Blocker; upload?: UploadCheckpoint }
  /** The network or a token is back. */
  | { type: 'unblock' }
  /** The request left and no usable answer came back. */
  | { type: 'uncertain'; problem: EntryProblem }
  /** Gmail refused it for a reason the person must see (or a limit stops it for hours). */
  | { type: 'stopped'; problem: EntryProblem; upload?: UploadCheckpoint }
  /** Cancel before Gmail could have the message. */
  | { type: 'cancel' }
  /** Found `sending` with nobody working on it: the tab that was died mid-request. */
  | { type: 'recover' }
  /** The person decided to send it (again): the same bytes, the same Message-ID; not before `notBefore` if given. */
  | { type: 'resend'; notBefore?: number }
  /** A campaign pauses (or waits for the daily limit): a queued message does not start. */
  | { type: 'pause' }
  /** A campaign gives a queued message its time (after a pause, or when pacing changes). */
  | { type: 'reschedule'; notBefore: number }
  /** The person checked Gmail's Sent folder: a not-sure message did go. */
  | { type: 'confirm-sent' }
  /** The person has seen a not-sure or failed entry and puts it aside. */
  | { type: 'acknowledge' };

export class OutboxTransitionError extends Error {
  override readonly name = 'OutboxTransitionError';
  constructor(
    readonly from: EntryState,
    readonly event: OutboxEvent['type'],
  ) {
    super(`An outbox entry in state "${from}" cannot take "${event}"`);
  }
}

/** Fields that describe a request in progress; none of them survives leaving `sending`. */
function settled(entry: OutboxEntry, state: EntryState, now: number): OutboxEntry {
  const { inFlight: _inFlight, blocked: _blocked, ...rest } = entry;
  return { ...rest, state, updatedAt: now };
}

/** True once a message may be complete at Gmail: a cancel can no longer take it back. */
export function mayBeDelivered(entry: OutboxEntry): boolean {
  if (entry.state !== 'sending') return false;
  if (entry.inFlight?.kind === 'json') return true;
  return entry.inFlight?.kind === 'upload' && entry.upload?.finalChunkSent === true;
}

/** The next entry, or an OutboxTransitionError when the event makes no sense in this state. */
export function transition(entry: OutboxEntry, event: OutboxEvent, now: number): OutboxEntry {
  const refuse = (): never => {
    throw new OutboxTransitionError(entry.state, event.type);
  };
  switch (event.type) {
    case 'release': {
      if (entry.state !== 'held') return refuse();
      // The hold's end was its notBefore: released, it is due now.
      const { notBefore: _holdEnd, ...rest } = settled(entry, 'queued', now);
      return rest;
    }
    case 'undo':
      return entry.state === 'held' ? settled(entry, 'cancelled', now) : refuse();
    case 'claim':
      if (entry.state !== 'queued' || entry.blocked) return refuse();
      return {
        ...entry,
        state: 'sending',
        inFlight: event.inFlight,
        attempts: entry.attempts + 1,
        lastAttemptAt: now,
        updatedAt: now,
      };
    case 'checkpoint':
      if (entry.state !== 'sending') return refuse();
      return { ...entry, inFlight: event.inFlight, upload: event.upload ?? entry.upload, updatedAt: now };
    case 'sent': {
      if (entry.state !== 'sending') return refuse();
      const {
        upload: _upload,
        problem: _problem,
        notBefore: _notBefore,
        waitReason: _reason,
        ...rest
      } = settled(entry, 'sent', now);
      return { ...rest, result: event.result };
    }
    case 'retry-later':
      if (entry.state !== 'sending') return refuse();
      return {
        ...settled(entry, 'queued', now),
        notBefore: event.until,
        waitReason: event.reason,
        retries: entry.retries + 1,
        upload: event.upload ?? entry.upload,
      };
    case 'blocked':
      if (entry.state !== 'sending' && entry.state !== 'queued') return refuse();
      return { ...settled(entry, 'queued', now), blocked: event.blocker, upload: event.upload ?? entry.upload };
    case 'unblock':
      // A pause is lifted only by `reschedule`: the campaign that paused it gives it its time.
      return entry.state === 'queued' && entry.blocked?.kind !== 'paused' ? settled(entry, 'queued', now) : refuse();
    case 'uncertain': {
      if (entry.state !== 'sending') return refuse();
      return { ...settled(entry, 'not-sure', now), problem: event.problem };
    }
    case 'stopped':
      if (entry.state !== 'sending') return refuse();
      return { ...settled(entry, 'failed', now), problem: event.problem, upload: event.upload ?? entry.upload };
    case 'cancel':
      if (entry.state === 'queued' || entry.state === 'failed') return settled(entry, 'cancelled', now);
      if (entry.state === 'sending' && !mayBeDelivered(entry)) return settled(entry, 'cancelled', now);
      return refuse();
    case 'recover':
      return entry.state === 'sending' ? recover(entry, now) : refuse();
    case 'resend': {
      if (entry.state !== 'not-sure' && entry.state !== 'failed') return refuse();
      const {
        problem: _problem,
        acknowledged: _acknowledged,
        notBefore: _notBefore,
        waitReason: _reason,
        ...rest
      } = entry;
      // A resend is a new decision: the automatic retries start again, and an upload that may have completed is
      // not resumed (its session would only say so): the person chose to send the same bytes once more.
      const keepUpload = entry.upload && !entry.upload.finalChunkSent ? { upload: entry.upload } : {};
      const { upload: _upload, ...withoutUpload } = rest;
      const later = event.notBefore !== undefined ? { notBefore: event.notBefore, waitReason: 'pacing' } : {};
      return { ...withoutUpload, ...keepUpload, ...later, state: 'queued', retries: 0, updatedAt: now };
    }
    case 'pause':
      return entry.state === 'queued' ? { ...settled(entry, 'queued', now), blocked: { kind: 'paused' } } : refuse();
    case 'reschedule':
      return entry.state === 'queued' && entry.blocked?.kind !== 'online' && entry.blocked?.kind !== 'token'
        ? { ...settled(entry, 'queued', now), notBefore: event.notBefore, waitReason: 'pacing' }
        : refuse();
    case 'confirm-sent': {
      if (entry.state !== 'not-sure') return refuse();
      const { problem: _problem, acknowledged: _acknowledged, upload: _upload, ...rest } = entry;
      return {
        ...rest,
        state: 'sent',
        confirmedByPerson: true,
        result: { gmailId: '', threadId: '', sentAt: entry.lastAttemptAt ?? entry.updatedAt },
        updatedAt: now,
      };
    }
    case 'acknowledge':
      return entry.state === 'not-sure' || entry.state === 'failed'
        ? { ...entry, acknowledged: true, updatedAt: now }
        : refuse();
  }
}

/**
 * A `sending` entry nobody is working on: its tab closed or crashed mid-request.
 * - Preparing (reading the message, opening an upload session): nothing could deliver it; back in the queue.
 * - JSON request: it may have reached Gmail; only the person can check, so `not-sure`.
 * - Chunks of a known session: back in the queue with the session, whose status query tells whether Gmail has
 *   the whole message (then it is sent) or where to continue. It is never started over.
 */
function recover(entry: OutboxEntry, now: number): OutboxEntry {
  switch (entry.inFlight?.kind) {
    case 'preparing':
      return settled(entry, 'queued', now);
    case 'upload':
      if (entry.upload) return settled(entry, 'queued', now);
      return { ...settled(entry, 'not-sure', now), problem: { code: 'page-closed' } };
    default:
      return { ...settled(entry, 'not-sure', now), problem: { code: 'page-closed' } };
  }
}

/** Whether this queued entry may be claimed now. */
export function isDue(entry: OutboxEntry, now: number): boolean {
  return entry.state === 'queued' && !entry.blocked && (entry.notBefore ?? 0) <= now;
}

/**
 * Whether a tab may send this entry: the tab that wrote it, or a tab connected to the account it was written as
 * (never another account: its From and its Gmail would be wrong).
 */
export function maySendFrom(entry: OutboxEntry, tab: { id: string; account: string | null }): boolean {
  if (entry.account && tab.account) return entry.account.toLowerCase() === tab.account.toLowerCase();
  return entry.ownerTab === tab.id && (entry.account === null || tab.account === null);
}
