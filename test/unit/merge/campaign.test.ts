/**
 * The campaign: its transition table, one step at a time against a fake outbox, the crash points of a reload, and
 * a simulation of random runs with crashes in which no row is ever enqueued or sent twice.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Campaign,
  type CampaignEvent,
  type CampaignState,
  newCampaign,
  TRANSITIONS,
  transition,
} from '../../../src/merge/core/campaign.ts';
import {
  type EntryState,
  type RowEntryView,
  rowEntryId,
  sendTimes,
  testEntryId,
} from '../../../src/merge/core/entries.ts';
import { DAY, MINUTE } from '../../../src/merge/core/pacing.ts';
import type { RowStatus } from '../../../src/merge/core/recipients.ts';
import { type OutboxAction, type StepInput, step } from '../../../src/merge/core/runner.ts';

const t0 = Date.UTC(2026, 10, 26, 0, 0, 0);
const id = 'c1';

const campaign = (state: CampaignState, more: Partial<Campaign> = {}): Campaign => ({ id, state, tests: 0, ...more });

const entry = (row: number, state: EntryState, more: Partial<RowEntryView> = {}): RowEntryView => ({
  id: row === 0 ? testEntryId(id, 1) : rowEntryId(id, row),
  row,
  state,
  messageId: `m${row}@fumi.local`,
  createdAt: t0,
  attempts: 0,
  summary: { to: [`user${row}@example.jp`], cc: [], bcc: [], subject: `${row} 行目のご案内` },
  ...more,
});

const rows = (count: number, status: RowStatus = 'ready') =>
  Array.from({ length: count }, (_, i) => ({ row: i + 2, status }));

const input = (more: Partial<StepInput>): StepInput => ({
  campaign: campaign('running'),
  rows: rows(10),
  entries: [],
  now: t0,
  pacing: { pacePerMinute: 20, dailyLimit: 2000, jitter: 0 },
  previous: [],
  ...more,
});

describe('the transition table', () => {
  // Written out again here, pair by pair, so that a change to the table is a change to this list too.
  const allowed: Array<[CampaignState, CampaignEvent['type'], CampaignState]> = [
    ['draft', 'send-test', 'testing'],
    ['draft', 'start', 'running'],
    ['draft', 'cancel', 'cancelled'],
    ['testing', 'test-settled', 'draft'],
    ['testing', 'cancel', 'cancelled'],
    ['running', 'pause', 'paused'],
    ['running', 'cancel', 'cancelled'],
    ['running', 'limit-reached', 'waiting'],
    ['running', 'only-decisions-left', 'needs-decision'],
    ['running', 'all-settled', 'finished'],
    ['paused', 'resume', 'running'],
    ['paused', 'cancel', 'cancelled'],
    ['waiting', 'limit-passed', 'running'],
    ['waiting', 'limit-reached', 'waiting'],
    ['waiting', 'pause', 'paused'],
    ['waiting', 'cancel', 'cancelled'],
    ['needs-decision', 'decision-made', 'running'],
    ['needs-decision', 'all-settled', 'finished'],
    ['needs-decision', 'cancel', 'cancelled'],
  ];
  const states = Object.keys(TRANSITIONS) as CampaignState[];
  const events: CampaignEvent[] = [
    { type: 'send-test' },
    { type: 'test-settled' },
    { type: 'start' },
    { type: 'pause' },
    { type: 'resume' },
    { type: 'cancel' },
    { type: 'limit-reached', until: t0 + DAY },
    { type: 'limit-passed' },
    { type: 'only-decisions-left' },
    { type: 'decision-made' },
    { type: 'all-settled' },
  ];

  it.each(states.flatMap((state) => events.map((event) => [state, event.type, event] as const)))(
    '%s + %s',
    (state, type, event) => {
      const expected = allowed.find(([from, on]) => from === state && on === type)?.[2] ?? null;
      expect(transition(campaign(state), event)?.state ?? null).toBe(expected);
    },
  );

  it('finished and cancelled are final', () => {
    expect(TRANSITIONS.finished).toEqual({});
    expect(TRANSITIONS.cancelled).toEqual({});
  });

  it('counts tests and keeps the latest “until”', () => {
    expect(transition(newCampaign(id), { type: 'send-test' })).toEqual({ id, state: 'testing', tests: 1 });
    const waiting = transition(campaign('running'), { type: 'limit-reached', until: t0 + 100 })!;
    expect(transition(waiting, { type: 'limit-reached', until: t0 + 50 })!.until).toBe(t0 + 100);
    expect(transition(waiting, { type: 'limit-passed' })).toEqual({ id, state: 'running', tests: 0 });
  });
});

describe('step', () => {
  it('does nothing for a draft', () => {
    expect(step(input({ campaign: campaign('draft') }))).toMatchObject({ actions: [], events: [], wakeAt: null });
  });

  it('running: enqueues the first rows by their schedule, with deterministic ids, up to three in flight', () => {
    const result = step(input({}));
    expect(result.actions).toEqual([
      { type: 'enqueue', row: 2, entryId: 'merge/c1/row/2', notBefore: t0 },
      { type: 'enqueue', row: 3, entryId: 'merge/c1/row/3', notBefore: t0 + 3000 },
      { type: 'enqueue', row: 4, entryId: 'merge/c1/row/4', notBefore: t0 + 6000 },
    ]);
    expect(result.states.slice(0, 4)).toEqual(['pending', 'pending', 'pending', 'pending']);
  });

  it('running: counts queued and sending entries as in flight, and paces after them', () => {
    const entries = [entry(2, 'sending'), entry(3, 'queued', { notBefore: t0 + 3000 })];
    const result = step(input({ entries, previous: sendTimes(entries, t0) }));
    expect(result.actions).toEqual([{ type: 'enqueue', row: 4, entryId: 'merge/c1/row/4', notBefore: t0 + 6000 }]);
  });

  it('running: waits when the next slot is beyond the lookahead', () => {
    const result = step(input({ pacing: { pacePerMinute: 1, dailyLimit: 2000, jitter: 0 }, previous: [t0 - 1000] }));
    expect(result.actions).toEqual([]);
    expect(result.wakeAt).toBe(t0 + 59_000 - 20_000);
  });

  it('never enqueues excluded or left-out rows, and they do not hold the campaign open', () => {
    const mixed = [
      { row: 2, status: 'excluded' as const },
      { row: 3, status: 'left-out' as const },
      { row: 4, status: 'ready' as const },
    ];
    expect(step(input({ rows: mixed })).actions.map((a) => a.type === 'enqueue' && a.row)).toEqual([4]);
    const done = step(input({ rows: mixed, entries: [entry(4, 'sent')] }));
    expect(done.campaign.state).toBe('finished');
    expect(done.states).toEqual(['excluded', 'left-out', 'sent']);
  });

  it('cancels the entry of a row excluded after it was queued, but not one already sending', () => {
    const mixed = [
      { row: 2, status: 'excluded' as const },
      { row: 3, status: 'excluded' as const },
    ];
    const result = step(input({ rows: mixed, entries: [entry(2, 'queued'), entry(3, 'sending')] }));
    expect(result.actions).toEqual([{ type: 'cancel', entryId: 'merge/c1/row/2' }]);
  });

  it('paused: holds what is queued, leaves what is sending to the outbox', () => {
    const entries = [entry(2, 'sending'), entry(3, 'queued'), entry(4, 'held')];
    const result = step(input({ campaign: campaign('paused'), entries }));
    expect(result.actions).toEqual([{ type: 'hold', entryId: 'merge/c1/row/3' }]);
    expect(result.states.slice(0, 4)).toEqual(['sending', 'queued', 'held', 'pending']);
  });

  it('resumed: releases held rows first, with new times, then goes on with new rows', () => {
    const entries = [
      entry(2, 'sent', { result: { gmailId: 'g2', threadId: 't2', sentAt: t0 - 60_000 } }),
      entry(3, 'held'),
    ];
    const resumed = transition(campaign('paused'), { type: 'resume' })!;
    const result = step(input({ campaign: resumed, entries, previous: sendTimes(entries, t0) }));
    expect(result.actions).toEqual([
      { type: 'release', entryId: 'merge/c1/row/3', notBefore: t0 },
      { type: 'enqueue', row: 4, entryId: 'merge/c1/row/4', notBefore: t0 + 3000 },
      { type: 'enqueue', row: 5, entryId: 'merge/c1/row/5', notBefore: t0 + 6000 },
    ]);
  });

  it('Gmail’s daily limit: waits until Gmail’s time, holds the rest, then retries the same entry', () => {
    const refused = entry(3, 'failed', { failure: { code: 'daily-limit', resumeAt: t0 + 5 * 3_600_000 } });
    const entries = [
      entry(2, 'sent', { result: { gmailId: 'g', threadId: 't', sentAt: t0 - 9000 } }),
      refused,
      entry(4, 'queued'),
    ];
    const stopped = step(input({ entries, previous: sendTimes(entries, t0) }));
    expect(stopped.events).toEqual([{ type: 'limit-reached', until: t0 + 5 * 3_600_000 }]);
    expect(stopped.campaign).toMatchObject({ state: 'waiting', until: t0 + 5 * 3_600_000 });
    expect(stopped.actions).toEqual([{ type: 'hold', entryId: 'merge/c1/row/4' }]);
    expect(stopped.wakeAt).toBe(t0 + 5 * 3_600_000);
    expect(stopped.states.slice(0, 3)).toEqual(['sent', 'waiting', 'queued']);

    const later = t0 + 5 * 3_600_000 + 1;
    const held = [entries[0]!, refused, entry(4, 'held')];
    const resumed = step(input({ campaign: stopped.campaign, entries: held, now: later, previous: [] }));
    expect(resumed.events).toEqual([{ type: 'limit-passed' }]);
    expect(resumed.actions).toEqual([
      { type: 'retry', entryId: 'merge/c1/row/3', notBefore: later },
      { type: 'release', entryId: 'merge/c1/row/4', notBefore: later + 3000 },
      { type: 'enqueue', row: 5, entryId: 'merge/c1/row/5', notBefore: later + 6000 },
    ]);
  });

  it('our own count of the day: waits for the window without holding what already fits', () => {
    const previous = Array.from({ length: 500 }, (_, i) => t0 - 20 * 3_600_000 + i * 1000);
    const result = step(input({ pacing: { pacePerMinute: 20, dailyLimit: 500, jitter: 0 }, previous }));
    expect(result.campaign).toMatchObject({ state: 'waiting', until: previous[0]! + DAY + MINUTE });
    expect(result.actions).toEqual([]);
    expect(result.wakeAt).toBe(previous[0]! + DAY + MINUTE);
  });

  it('finishes when every row is settled; a not-sure row waits for the user', () => {
    const sent = (row: number) =>
      entry(row, 'sent', { result: { gmailId: `g${row}`, threadId: `t${row}`, sentAt: t0 } });
    const two = rows(2);
    expect(step(input({ rows: two, entries: [sent(2), entry(3, 'failed')] })).campaign.state).toBe('finished');
    const unsure = step(input({ rows: two, entries: [sent(2), entry(3, 'not-sure')] }));
    expect(unsure.campaign.state).toBe('needs-decision');
    expect(unsure.states).toEqual(['sent', 'not-sure']);
    // "Send again" is the outbox's own action on the same entry: the row is open again.
    const again = step(input({ rows: two, campaign: unsure.campaign, entries: [sent(2), entry(3, 'queued')] }));
    expect(again.events).toEqual([{ type: 'decision-made' }]);
    expect(again.campaign.state).toBe('running');
    const marked = step(input({ rows: two, campaign: unsure.campaign, entries: [sent(2), sent(3)] }));
    expect(marked.campaign.state).toBe('finished');
  });

  it('cancelled: cancels queued and held entries, leaves a sending one alone, marks the rest not sent', () => {
    const entries = [entry(2, 'sending'), entry(3, 'queued'), entry(4, 'held')];
    const result = step(input({ rows: rows(4), campaign: campaign('cancelled'), entries }));
    expect(result.actions).toEqual([
      { type: 'cancel', entryId: 'merge/c1/row/3' },
      { type: 'cancel', entryId: 'merge/c1/row/4' },
    ]);
    expect(result.states).toEqual(['sending', 'queued', 'held', 'not-sent']);
  });

  it('testing: asks for the test message once, and goes back to draft when it is settled', () => {
    const testing = transition(newCampaign(id), { type: 'send-test' })!;
    expect(step(input({ campaign: testing })).actions).toEqual([{ type: 'enqueue-test', entryId: 'merge/c1/test/1' }]);
    expect(step(input({ campaign: testing, entries: [entry(0, 'sending')] })).actions).toEqual([]);
    const done = step(input({ campaign: testing, entries: [entry(0, 'sent')] }));
    expect(done.campaign).toEqual({ id, state: 'draft', tests: 1 });
    // The second test is a new entry.
    const second = transition(done.campaign, { type: 'send-test' })!;
    expect(step(input({ campaign: second, entries: [entry(0, 'sent')] })).actions).toEqual([
      { type: 'enqueue-test', entryId: 'merge/c1/test/2' },
    ]);
  });
});

describe('crash points: a reload at any moment', () => {
  it('after the step chose a row but before the outbox stored it: the same row, the same id, again', () => {
    const first = step(input({}));
    const again = step(input({}));
    expect(again.actions).toEqual(first.actions);
  });

  it('after the outbox stored the entry but before anything else: never enqueued again', () => {
    const stored = [entry(2, 'queued', { notBefore: t0 })];
    const result = step(input({ entries: stored, previous: sendTimes(stored, t0) }));
    expect(result.actions.filter((a) => a.type === 'enqueue').map((a) => a.type === 'enqueue' && a.row)).toEqual([
      3, 4,
    ]);
  });

  it('with an entry left `sending`: the outbox’s business; the row is neither re-enqueued nor touched', () => {
    const result = step(input({ rows: rows(1), entries: [entry(2, 'sending')] }));
    expect(result.actions).toEqual([]);
    expect(result.campaign.state).toBe('running');
    // When the outbox decides it cannot know, the row is listed for the user.
    const unsure = step(input({ rows: rows(1), entries: [entry(2, 'not-sure')] }));
    expect(unsure.campaign.state).toBe('needs-decision');
  });

  it('paused but the holds never reached the outbox: they are issued again', () => {
    const result = step(input({ campaign: campaign('paused'), entries: [entry(2, 'queued'), entry(3, 'queued')] }));
    expect(result.actions).toEqual([
      { type: 'hold', entryId: 'merge/c1/row/2' },
      { type: 'hold', entryId: 'merge/c1/row/3' },
    ]);
  });

  it('waiting, reopened after the time has passed: goes on at once', () => {
    const result = step(input({ campaign: campaign('waiting', { until: t0 - 1 }) }));
    expect(result.events).toEqual([{ type: 'limit-passed' }]);
    expect(result.actions.filter((a) => a.type === 'enqueue')).toHaveLength(3);
  });

  it('waiting, reopened the next day with everything sent meanwhile: finished in one step', () => {
    const sent = rows(2).map(({ row }) => entry(row, 'sent'));
    const result = step(input({ rows: rows(2), campaign: campaign('waiting', { until: t0 - 1 }), entries: sent }));
    expect(result.events.map((e) => e.type)).toEqual(['limit-passed', 'all-settled']);
    expect(result.campaign.state).toBe('finished');
  });
});

/** An outbox double: stores entries by id with `add` semantics and moves them along as the real one would. */
class FakeOutbox {
  readonly entries = new Map<string, RowEntryView>();
  refusedAdds = 0;
  sends = new Map<number, number>();

  apply(action: OutboxAction, now: number): void {
    const existing = this.entries.get(action.entryId);
    if (action.type === 'enqueue' || action.type === 'enqueue-test') {
      if (existing) {
        this.refusedAdds++;
        return;
      }
      const row = action.type === 'enqueue' ? action.row : 0;
      this.entries.set(action.entryId, {
        ...entry(row, 'queued'),
        id: action.entryId,
        createdAt: now,
        notBefore: action.type === 'enqueue' ? action.notBefore : now,
      });
      return;
    }
    if (!existing) return;
    if (action.type === 'hold' && existing.state === 'queued') existing.state = 'held';
    if (action.type === 'release' && existing.state === 'held')
      Object.assign(existing, { state: 'queued', notBefore: action.notBefore });
    if (action.type === 'retry' && existing.state === 'failed') {
      Object.assign(existing, { state: 'queued', notBefore: action.notBefore, failure: undefined });
    }
    if (action.type === 'cancel' && (existing.state === 'queued' || existing.state === 'held'))
      existing.state = 'cancelled';
  }

  /** One request of the outbox: start the next due entry, or finish the one in flight. */
  progress(now: number, outcome: number): void {
    const inFlight = [...this.entries.values()].find((e) => e.state === 'sending');
    if (inFlight) {
      if (outcome < 0.8) {
        inFlight.state = 'sent';
        inFlight.result = { gmailId: `g${inFlight.id}`, threadId: `t${inFlight.id}`, sentAt: now };
        this.sends.set(inFlight.row, (this.sends.get(inFlight.row) ?? 0) + 1);
      } else if (outcome < 0.85) {
        // Gmail refused it for good (an address its own checks refuse): never retried.
        inFlight.state = 'failed';
        inFlight.failure = { code: 'invalid-recipient' };
      } else if (outcome < 0.9) {
        inFlight.state = 'failed';
        inFlight.failure = { code: 'rate-limit', resumeAt: now + 30_000 };
      } else {
        inFlight.state = 'not-sure';
      }
      return;
    }
    const due = [...this.entries.values()]
      .filter((e) => e.state === 'queued' && (e.notBefore ?? 0) <= now)
      .sort((a, b) => (a.notBefore ?? 0) - (b.notBefore ?? 0))[0];
    if (due) due.state = 'sending';
  }
}

describe('simulation: random runs with crashes never enqueue or send a row twice', () => {
  type Op = { kind: 'tick'; ms: number; outcome: number; applied: number } | { kind: 'pause' } | { kind: 'resume' };
  const op = fc.oneof(
    {
      weight: 8,
      arbitrary: fc.record({
        kind: fc.constant('tick' as const),
        ms: fc.integer({ min: 0, max: 40_000 }),
        outcome: fc.integer({ min: 0, max: 99 }).map((n) => n / 100),
        applied: fc.integer({ min: 0, max: 4 }),
      }),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'pause' as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'resume' as const }) },
  );

  it('holds for any sequence of steps, partial action batches (a crash), pauses and outbox outcomes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.array(op, { maxLength: 120 }), (count, ops: Op[]) => {
        const outbox = new FakeOutbox();
        const list = rows(count);
        let state: Campaign = transition(newCampaign(id), { type: 'start' })!;
        let now = t0;
        const run = (applied: number) => {
          const own = [...outbox.entries.values()];
          const result = step({
            campaign: state,
            rows: list,
            entries: own,
            now,
            pacing: { pacePerMinute: 57, dailyLimit: 2000, jitter: 0.3 },
            previous: sendTimes(own, now),
            random: () => 0.5,
          });
          // The campaign's state is persisted first; then the actions, of which a crash may cut the tail.
          state = result.campaign;
          for (const action of result.actions.slice(0, applied)) outbox.apply(action, now);
        };
        for (const next of ops) {
          if (next.kind === 'pause' || next.kind === 'resume') {
            state = transition(state, { type: next.kind }) ?? state;
            continue;
          }
          now += next.ms;
          run(next.applied);
          outbox.progress(now, next.outcome);
        }
        // Then the page stays open without crashes until nothing is left to do.
        state = transition(state, { type: 'resume' }) ?? state;
        for (let i = 0; i < 400 && state.state !== 'finished' && state.state !== 'needs-decision'; i++) {
          now += 5_000;
          run(Number.POSITIVE_INFINITY);
          outbox.progress(now, 0.1);
        }
        expect(outbox.refusedAdds).toBe(0);
        for (const sends of outbox.sends.values()) expect(sends).toBe(1);
        expect(['finished', 'needs-decision']).toContain(state.state);
        for (const { row } of list) {
          const stored = outbox.entries.get(rowEntryId(id, row));
          expect(['sent', 'not-sure', 'failed']).toContain(stored?.state);
        }
      }),
      { numRuns: 150 },
    );
  });
});
