/**
 * The campaign's one step: from its state, its rows and their outbox entries (and the clock), which events follow
 * and which outbox actions to take. Pure and idempotent, so the page calls it on every outbox change, on a timer
 * and after a reload, and a crash anywhere only means the next call repeats what had not happened yet:
 * - a row is enqueued only while it has no entry (the entry id is deterministic, so the outbox refuses a second);
 * - an entry that is `sending` is the outbox's business: the campaign never touches it, and lists it as
 *   "not sure" if the outbox says so;
 * - pause, wait and cancel are applied to entries every time, not once, so a reload mid-pause re-holds them.
 */
import { type Campaign, type CampaignEvent, transition } from './campaign.ts';
import {
  isWaitingForGmail,
  type RowEntryView,
  type RowState,
  rowEntryId,
  rowState,
  SETTLED,
  testEntryId,
} from './entries.ts';
import { DEFAULT_JITTER, DEFAULT_PACE, planSchedule } from './pacing.ts';
import type { RowStatus } from './recipients.ts';

export type OutboxAction =
  /** Add the row's message with this id (IndexedDB `add`: refused if it exists), not to be sent before `notBefore`. */
  | { type: 'enqueue'; row: number; entryId: string; notBefore: number }
  /** Add the current test message (to the user's own address). */
  | { type: 'enqueue-test'; entryId: string }
  /** queued -> held, only if it has not started; an entry already `sending` is left alone. */
  | { type: 'hold'; entryId: string }
  /** held -> queued with a new time. */
  | { type: 'release'; entryId: string; notBefore: number }
  /** failed (Gmail refused, nothing sent, `resumeAt` passed) -> queued with a new time; same entry, same Message-ID. */
  | { type: 'retry'; entryId: string; notBefore: number }
  /** held or queued -> cancelled. */
  | { type: 'cancel'; entryId: string };

export interface PacingSettings {
  pacePerMinute: number;
  dailyLimit: number;
  jitter?: number;
}

export interface StepInput {
  campaign: Campaign;
  /** Every row of the list in send order, with its status from the recipient and template checks. */
  rows: ReadonlyArray<{ row: number; status: RowStatus }>;
  /** This campaign's entries (rows and tests). */
  entries: readonly RowEntryView[];
  now: number;
  pacing: PacingSettings;
  /** `sendTimes` over every outbox entry (this campaign's included): what counts against the account's windows. */
  previous: readonly number[];
  random?: () => number;
  /** Enqueue rows whose time is within `ms` from now, keeping at most `maxInFlight` queued or sending. */
  lookahead?: { ms: number; maxInFlight: number };
}

export interface StepResult {
  campaign: Campaign;
  /** The events applied, in order (to persist with the campaign, and for tests). */
  events: CampaignEvent[];
  actions: OutboxAction[];
  /** Call `step` again by then at the latest (besides every outbox change); null when nothing is due. */
  wakeAt: number | null;
  /** Each row's state, in the order of `rows`. */
  states: RowState[];
}

export const DEFAULT_LOOKAHEAD = { ms: 20_000, maxInFlight: 3 };

const TEST_SETTLED = new Set(['sent', 'failed', 'not-sure', 'cancelled']);

/** Latest `resumeAt` of the entries Gmail refused for now, if it is still ahead. */
function gmailResumeAt(entries: readonly RowEntryView[], now: number): number | null {
  let latest: number | null = null;
  for (const entry of entries) {
    if (entry.row === 0 || !isWaitingForGmail(entry, now)) continue;
    const resumeAt = entry.failure!.resumeAt!;
    if (resumeAt > now && (latest === null || resumeAt > latest)) latest = resumeAt;
  }
  return latest;
}

/** The campaign's next step. See the module comment for the guarantees. */
export function step(input: StepInput): StepResult {
  const { now } = input;
  const byId = new Map(input.entries.map((entry) => [entry.id, entry]));
  const entryOf = (row: number) => byId.get(rowEntryId(input.campaign.id, row));
  const events: CampaignEvent[] = [];
  let campaign = input.campaign;
  const apply = (event: CampaignEvent) => {
    const next = transition(campaign, event);
    if (next) {
      campaign = next;
      events.push(event);
    }
  };
  const rowStates = () =>
    input.rows.map((r) => rowState(r.status, entryOf(r.row), campaign.state === 'cancelled', now));
  const resumeAt = gmailResumeAt(input.entries, now);

  // Derived events until none applies: a reload long after a stop goes waiting -> running -> finished in one step.
  for (let round = 0; round < 8; round++) {
    const before = { ...campaign };
    const open = rowStates().filter((state) => !SETTLED.has(state));
    if (campaign.state === 'testing') {
      const test = byId.get(testEntryId(campaign.id, campaign.tests));
      if (test && TEST_SETTLED.has(test.state)) apply({ type: 'test-settled' });
    } else if (campaign.state === 'waiting') {
      if (resumeAt !== null && resumeAt > (campaign.until ?? 0)) apply({ type: 'limit-reached', until: resumeAt });
      else if (now >= (campaign.until ?? 0)) apply({ type: 'limit-passed' });
    } else if (campaign.state === 'running' || campaign.state === 'needs-decision') {
      if (open.length === 0) apply({ type: 'all-settled' });
      else if (open.every((state) => state === 'not-sure')) apply({ type: 'only-decisions-left' });
      else if (campaign.state === 'needs-decision') apply({ type: 'decision-made' });
      else if (resumeAt !== null) apply({ type: 'limit-reached', until: resumeAt });
    }
    if (campaign.state === before.state && campaign.until === before.until) break;
  }

  const actions: OutboxAction[] = [];
  let wakeAt: number | null = null;
  if (campaign.state === 'testing') {
    const id = testEntryId(campaign.id, campaign.tests);
    if (!byId.has(id)) actions.push({ type: 'enqueue-test', entryId: id });
  }
  // A row excluded after its entry was made: the entry goes, unless it has already started.
  const cancelled = new Set<string>();
  for (const { row, status } of input.rows) {
    const entry = entryOf(row);
    if (status !== 'ready' && entry && (entry.state === 'held' || entry.state === 'queued')) {
      actions.push({ type: 'cancel', entryId: entry.id });
      cancelled.add(entry.id);
    }
  }
  const own = input.entries.filter((entry) => entry.row > 0 && !cancelled.has(entry.id));

  if (campaign.state === 'running') {
    const plan = planNext(input, campaign, rowStates(), entryOf, actions);
    if (plan.limitUntil !== null) apply({ type: 'limit-reached', until: plan.limitUntil });
    wakeAt = plan.wakeAt;
  }
  if (campaign.state === 'paused' || (campaign.state === 'waiting' && resumeAt !== null)) {
    // Paused, or Gmail refused: nothing queued may start. (When our own count stops the campaign, what is already
    // queued fits the window and may go.)
    for (const entry of own) if (entry.state === 'queued') actions.push({ type: 'hold', entryId: entry.id });
  }
  if (campaign.state === 'waiting') wakeAt = campaign.until ?? null;
  if (campaign.state === 'cancelled') {
    for (const entry of own) {
      if (entry.state === 'queued' || entry.state === 'held') actions.push({ type: 'cancel', entryId: entry.id });
    }
  }
  return { campaign, events, actions, wakeAt, states: rowStates() };
}

/** Running: give times to what needs one, in row order, as far as the lookahead and the two windows allow. */
function planNext(
  input: StepInput,
  campaign: Campaign,
  states: readonly RowState[],
  entryOf: (row: number) => RowEntryView | undefined,
  actions: OutboxAction[],
): { wakeAt: number | null; limitUntil: number | null } {
  const { now } = input;
  const lookahead = input.lookahead ?? DEFAULT_LOOKAHEAD;
  const inFlight = states.filter((state) => state === 'queued' || state === 'sending').length;
  // Held rows (after a resume) and refused rows whose time has come go first: they were next before the stop.
  const again: Array<{ row: number; entry: RowEntryView }> = [];
  const fresh: Array<{ row: number; entry: undefined }> = [];
  input.rows.forEach(({ row, status }, index) => {
    const state = states[index]!;
    const entry = entryOf(row);
    if (entry && (state === 'held' || (state === 'waiting' && entry.state === 'failed'))) again.push({ row, entry });
    else if (state === 'pending' && status === 'ready') fresh.push({ row, entry: undefined });
  });
  const needsTime = [...again, ...fresh];
  const room = Math.max(0, lookahead.maxInFlight - inFlight);
  if (needsTime.length === 0 || room === 0) return { wakeAt: null, limitUntil: null };
  const schedule = planSchedule({
    now,
    count: Math.min(room, needsTime.length),
    pacePerMinute: input.pacing.pacePerMinute || DEFAULT_PACE,
    jitter: input.pacing.jitter ?? DEFAULT_JITTER,
    dailyLimit: input.pacing.dailyLimit,
    previous: input.previous,
    ...(input.random ? { random: input.random } : {}),
  });
  const horizon = now + lookahead.ms;
  for (let i = 0; i < schedule.times.length; i++) {
    const at = schedule.times[i]!;
    if (at > horizon) {
      // The daily limit, not the pace, holds the next message back: the campaign waits, and says until when.
      const wait = schedule.waits.find((w) => w.index === i);
      if (wait && i === 0) return { wakeAt: wait.until, limitUntil: wait.until };
      return { wakeAt: at - lookahead.ms, limitUntil: null };
    }
    const { row, entry } = needsTime[i]!;
    if (!entry) actions.push({ type: 'enqueue', row, entryId: rowEntryId(campaign.id, row), notBefore: at });
    else if (entry.state === 'held') actions.push({ type: 'release', entryId: entry.id, notBefore: at });
    else actions.push({ type: 'retry', entryId: entry.id, notBefore: at });
  }
  // Everything that had room got a time; the next step comes with the outbox's next change.
  return { wakeAt: null, limitUntil: null };
}
