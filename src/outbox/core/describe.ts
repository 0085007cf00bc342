/**
 * What the person sees for an entry: one pure table from the entry (and what is happening to it right now) to a
 * sentence key, its raw values and the actions that move things forward. No side effects: a decision such as
 * "ask for consent on the next click" is the outbox's, never this table's. The UI formats the values (sizes,
 * times) in the page's language and renders the actions as buttons.
 */
import { maxRetries } from '../../gmail/policy.ts';
import type { OutboxEntry } from './entry.ts';
import { mayBeDelivered } from './machine.ts';

export type EntryAction =
  /** Take the message back during the hold; it returns to the form. */
  | 'undo'
  /** End the hold early. */
  | 'send-now'
  | 'open-in-gmail'
  /** Gmail's Sent folder, to check a not-sure message before deciding. */
  | 'open-sent'
  /** The person's deliberate resend of the same bytes. */
  | 'send-again'
  /** Back into the form to change it (a refused address, a message too large). */
  | 'edit'
  /** A click that renews the token (or asks for consent) and continues the send. */
  | 'connect-and-send'
  /** Try the same bytes again: the stop said trying again is safe. */
  | 'retry'
  /** Stop a message that has not gone yet. */
  | 'cancel'
  /** Put the notice aside. */
  | 'dismiss';

export type Tone = 'info' | 'success' | 'warning' | 'error';

/** What is happening right now, known only in the tab doing it. */
export interface LiveStatus {
  /** Bytes Gmail has confirmed, of `total`. */
  progress?: { sent: number; total: number };
}

export interface EntryView {
  tone: Tone;
  key: string;
  /** Raw values: byte counts as `size`/`limit`/`reduceBy`/`sent`/`total`, epoch ms as `resumeAt`/`until`. */
  values: Record<string, number | string>;
  /** The header a refusal points at, as a key for `{field}`. */
  fieldKey?: string;
  actions: EntryAction[];
  /** An upload's progress bar, when worth one (a message of at least one 256 KiB chunk). */
  progress?: { sent: number; total: number };
}

const retryableStops = new Set(['server-error', 'offline', 'upload-stalled', 'rate-limited', 'client-not-ready']);
const editStops = new Set(['invalid-header', 'recipient-required', 'too-large', 'bad-request', 'invalid-thread']);
const timedStops = new Set(['daily-limit', 'sending-limit', 'rate-limited']);
/** Not-sure reasons with a sentence of their own; anything else reads as a lost answer. */
const notSureReasons = new Set(['lost-answer', 'server-error', 'page-closed', 'session-gone']);

function failedView(entry: OutboxEntry): EntryView {
  const problem = entry.problem ?? { code: 'unknown' };
  const values: Record<string, number | string> = { details: problem.message ?? '', maxAttempts: maxRetries + 1 };
  if (problem.sizeBytes !== undefined) values.size = problem.sizeBytes;
  if (problem.limitBytes !== undefined) values.limit = problem.limitBytes;
  if (problem.sizeBytes !== undefined && problem.limitBytes !== undefined)
    values.reduceBy = Math.max(0, problem.sizeBytes - problem.limitBytes);
  const timed = timedStops.has(problem.code) && problem.resumeAt !== undefined;
  if (timed) values.resumeAt = problem.resumeAt as number;
  const actions: EntryAction[] =
    problem.code === 'insufficient-scope'
      ? ['connect-and-send', 'edit']
      : retryableStops.has(problem.code)
        ? ['retry', 'edit']
        : editStops.has(problem.code)
          ? ['edit']
          : ['edit', 'retry'];
  const view: EntryView = {
    tone: 'error',
    key: `gmail.stop.${problem.code}${timed ? '.at' : ''}`,
    values,
    actions: [...actions, 'dismiss'],
  };
  return problem.field ? { ...view, fieldKey: `gmail.field.${problem.field}` } : view;
}

/** The view of one entry. `now` drives countdowns; `live` is the sending tab's progress. */
export function describeEntry(entry: OutboxEntry, now: number, live?: LiveStatus): EntryView {
  switch (entry.state) {
    case 'held':
      return {
        tone: 'info',
        key: 'outbox.held',
        values: { seconds: Math.max(0, Math.ceil(((entry.notBefore ?? now) - now) / 1000)) },
        actions: ['undo', 'send-now'],
      };
    case 'queued': {
      if (entry.blocked?.kind === 'paused')
        return { tone: 'info', key: 'outbox.paused', values: {}, actions: ['cancel'] };
      if (entry.blocked?.kind === 'online')
        return { tone: 'warning', key: 'outbox.waiting.online', values: {}, actions: ['cancel'] };
      if (entry.blocked?.kind === 'token')
        return {
          tone: 'warning',
          key: entry.blocked.consent ? 'outbox.waiting.consent' : 'outbox.waiting.token',
          values: {},
          actions: ['connect-and-send', 'cancel'],
        };
      const until = entry.notBefore ?? 0;
      if (until > now && entry.waitReason && entry.waitReason !== 'pacing')
        return {
          tone: 'info',
          key: `gmail.wait.${entry.waitReason}`,
          values: { seconds: Math.ceil((until - now) / 1000), attempt: entry.retries, maxAttempts: maxRetries },
          actions: ['cancel'],
        };
      if (until > now) return { tone: 'info', key: 'outbox.scheduled', values: { until }, actions: ['cancel'] };
      return { tone: 'info', key: 'outbox.sending', values: {}, actions: ['cancel'] };
    }
    case 'sending': {
      const progress =
        live?.progress ?? (entry.upload ? { sent: entry.upload.confirmed, total: entry.upload.total } : undefined);
      const actions: EntryAction[] = mayBeDelivered(entry) ? [] : ['cancel'];
      if (progress && progress.total >= 256 * 1024)
        return {
          tone: 'info',
          key: 'outbox.uploading',
          values: { sent: progress.sent, total: progress.total },
          actions,
          progress,
        };
      return { tone: 'info', key: 'outbox.sending', values: {}, actions };
    }
    case 'sent':
      return { tone: 'success', key: 'outbox.sent', values: {}, actions: ['open-in-gmail', 'dismiss'] };
    case 'not-sure': {
      const reason = entry.problem?.code ?? 'lost-answer';
      return {
        tone: 'warning',
        key: `outbox.not-sure.${notSureReasons.has(reason) ? reason : 'lost-answer'}`,
        values: {},
        actions: ['open-sent', 'send-again', 'dismiss'],
      };
    }
    case 'failed':
      return failedView(entry);
    case 'cancelled':
      return { tone: 'info', key: 'outbox.cancelled', values: {}, actions: ['edit', 'dismiss'] };
  }
}
