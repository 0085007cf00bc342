/**
 * The outbox's entries as the campaign core reads them (core/entries.ts `RowEntryView`). The one place that knows
 * both shapes: a paused entry is the core's `held`, and a message Gmail asked to wait for (the outbox re-queued it
 * with a time of Gmail's) carries that time as `failure.resumeAt`, so the campaign waits with it instead of letting
 * the next rows run into the same refusal.
 */
import type { OutboxEntry } from '../outbox/core/entry.ts';
import type { RowEntryView } from './core/entries.ts';

export function toRowEntryView(entry: OutboxEntry): RowEntryView {
  const held = entry.state === 'queued' && entry.blocked?.kind === 'paused';
  const view: RowEntryView = {
    id: entry.id,
    row: entry.origin.kind === 'merge' ? entry.origin.row : 0,
    state: held ? 'held' : entry.state,
    messageId: entry.messageId,
    createdAt: entry.createdAt,
    attempts: entry.attempts,
    summary: { to: entry.summary.to, cc: entry.summary.cc, bcc: entry.summary.bcc, subject: entry.summary.subject },
  };
  if (entry.notBefore !== undefined) view.notBefore = entry.notBefore;
  if (entry.result) view.result = entry.result;
  if (entry.problem) {
    view.failure = { code: entry.problem.code };
    if (entry.problem.resumeAt !== undefined) view.failure.resumeAt = entry.problem.resumeAt;
    if (entry.problem.message !== undefined) view.failure.message = entry.problem.message;
  } else if (entry.state === 'queued' && !held && entry.waitReason && entry.waitReason !== 'pacing') {
    // A 429 or 5xx the outbox is waiting out by itself: Gmail's own wait, which holds the whole campaign.
    if (entry.notBefore !== undefined) view.failure = { code: entry.waitReason, resumeAt: entry.notBefore };
  }
  return view;
}

/**
 * The same entry as the account's windows count it: a message counts from when its request left (Google counts a
 * request when it arrives, not when our answer comes back), so the pace is not slowed by each answer's latency.
 */
export function toWindowView(entry: OutboxEntry): RowEntryView {
  const view = toRowEntryView(entry);
  if (view.result && entry.lastAttemptAt !== undefined) view.result = { ...view.result, sentAt: entry.lastAttemptAt };
  if (entry.state === 'not-sure' && entry.lastAttemptAt !== undefined) view.notBefore = entry.lastAttemptAt;
  return view;
}
