/**
 * What the campaign reads from the outbox: one entry per row, in the small shape below (the outbox adapts its own
 * entry to it). The campaign keeps no per-row state of its own: a row's state is derived from its entry, so a
 * reload can never leave the two disagreeing, and "row r already has an entry" is the guard against sending twice.
 */
import type { RowStatus } from './recipients.ts';

export type EntryState = 'held' | 'queued' | 'sending' | 'sent' | 'not-sure' | 'failed' | 'cancelled';

export interface RowEntryView {
  /** `rowEntryId(campaignId, row)` for rows, `testEntryId(campaignId, n)` for tests. */
  id: string;
  /** The row (spreadsheet number) this entry sends; 0 for a test. */
  row: number;
  state: EntryState;
  /** The Message-ID the outbox fixed for this message (without brackets): what a follow-up answers. */
  messageId: string;
  createdAt: number;
  /** Epoch ms: not sent before. */
  notBefore?: number;
  attempts: number;
  summary: { to: readonly string[]; cc: readonly string[]; bcc: readonly string[]; subject: string };
  result?: { gmailId: string; threadId: string; sentAt: number };
  /** `resumeAt` is set only when Gmail said nothing was sent and when to try again (daily limit, rate limit). */
  failure?: { code: string; resumeAt?: number; message?: string };
}

/**
 * The outbox entry id of a row. Deterministic on purpose: the outbox stores entries with IndexedDB `add` (not
 * `put`), so a second enqueue of the same row, from a reload or a second tab, fails instead of sending twice.
 */
export function rowEntryId(campaignId: string, row: number): string {
  return `merge/${campaignId}/row/${row}`;
}

/** The id of the campaign's n-th test message (n counts from 1), deterministic for the same reason. */
export function testEntryId(campaignId: string, n: number): string {
  return `merge/${campaignId}/test/${n}`;
}

/** A row as the progress table and the export show it. */
export type RowState =
  | 'pending'
  | 'excluded'
  | 'left-out'
  | 'held'
  | 'queued'
  | 'waiting'
  | 'sending'
  | 'sent'
  | 'not-sure'
  | 'failed'
  | 'cancelled'
  | 'not-sent';

/** True for an entry Gmail refused for now with nothing sent, either failed or re-queued by the outbox itself. */
export function isWaitingForGmail(entry: RowEntryView, now: number): boolean {
  if (entry.failure?.resumeAt === undefined) return false;
  return entry.state === 'failed' || (entry.state === 'queued' && entry.failure.resumeAt > now);
}

/**
 * The state of one row. An entry, once it exists, decides (excluding a row afterwards cancels its entry instead);
 * without one, the analysis does, and a cancelled campaign turns the rows it never reached into `not-sent`.
 */
export function rowState(
  status: RowStatus,
  entry: RowEntryView | undefined,
  campaignCancelled: boolean,
  now: number,
): RowState {
  if (entry) {
    if (isWaitingForGmail(entry, now)) return 'waiting';
    return entry.state;
  }
  if (status === 'excluded') return 'excluded';
  if (status === 'left-out') return 'left-out';
  return campaignCancelled ? 'not-sent' : 'pending';
}

/** Rows in these states will not change again without the user. */
export const SETTLED: ReadonlySet<RowState> = new Set([
  'excluded',
  'left-out',
  'sent',
  'failed',
  'cancelled',
  'not-sent',
]);

/**
 * The times that count against the account's windows, from every outbox entry (all origins): when each sent (or
 * possibly sent) message left, and when each queued one is planned to. Held, failed and cancelled ones send nothing.
 */
export function sendTimes(entries: readonly RowEntryView[], now: number): number[] {
  const times: number[] = [];
  for (const entry of entries) {
    if (entry.state === 'sent') times.push(entry.result?.sentAt ?? entry.createdAt);
    else if (entry.state === 'not-sure') times.push(entry.notBefore ?? entry.createdAt);
    else if (entry.state === 'sending') times.push(now);
    else if (entry.state === 'queued') times.push(Math.max(now, entry.notBefore ?? now));
  }
  return times;
}

export interface Progress {
  total: number;
  sent: number;
  failed: number;
  notSure: number;
  /** Rows that will still be sent: pending, held, queued, waiting, sending. */
  remaining: number;
  /** Excluded, left out, cancelled and never-sent rows. */
  skipped: number;
}

export function countProgress(states: readonly RowState[]): Progress {
  const progress: Progress = { total: states.length, sent: 0, failed: 0, notSure: 0, remaining: 0, skipped: 0 };
  for (const state of states) {
    if (state === 'sent') progress.sent++;
    else if (state === 'failed') progress.failed++;
    else if (state === 'not-sure') progress.notSure++;
    else if (SETTLED.has(state)) progress.skipped++;
    else progress.remaining++;
  }
  return progress;
}
