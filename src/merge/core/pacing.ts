/**
 * When each message of a campaign may leave: a pure function of the pace, a random source for jitter, the account's
 * daily limit and the sends already made. Two rolling windows bound every schedule, whatever the jitter:
 * - the Gmail API's per-user quota: `messages.send` costs 100 units of 6,000 per minute, so at most 60 requests in
 *   any 60 s (gmail-send reference §4; a fixed-minute bucket is then bound too, being one of those windows);
 * - the account's sending limit: 2,000 messages in any 24 h for Workspace, 500 for trial accounts (Workspace admin
 *   help 166852), and a figure for consumer Gmail that no current Google page gives (500 is the common claim).
 */

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

/** 6,000 quota units per minute per user ÷ 100 units per `messages.send`. */
export const QUOTA_SENDS_PER_MINUTE = 60;

/**
 * The fastest pace offered: one under the quota bound. The jitter makes short bursts above the mean; the minute
 * window below holds each of them to 60 sends in any 61 s, so the bound itself is never crossed. A mean of 57 (95 %
 * of the bound) was tried first: it reached 0.95 of the bound only on average, half the runs below it, for no gain
 * in safety, since the window is what keeps the quota. A message the compose form adds after a plan can still meet
 * the bound; that costs the outbox's back-off for a 429, never a second send.
 */
export const FASTEST_PACE = 59;

/**
 * The default pace: one message every 3 s on average. A 2,000-a-day account still finishes its day in under two
 * hours, while a mailbox receiving a burst from one sender sees a human-looking rhythm rather than 59 a minute.
 */
export const DEFAULT_PACE = 20;

/** The slowest pace offered (one a minute on average), as the gap of 35–75 s of neighbouring tools. */
export const SLOWEST_PACE = 1;

/** Jitter: each gap is the mean gap times a factor drawn uniformly from [1 − j, 1 + j]. */
export const DEFAULT_JITTER = 0.3;

export const DAILY_LIMITS = { workspace: 2000, trial: 500, consumer: 500 } as const;

/**
 * Both windows are counted a little wider than Google's: our clock and the moment Google counts a request differ by
 * the request's latency, and a send that lands one second early at the edge of a window is a 429 or a lost day.
 */
const MINUTE_WINDOW = MINUTE + 1_000;
const DAY_WINDOW = DAY + MINUTE;

export interface PacingInput {
  /** Epoch ms; the first message may leave now. */
  now: number;
  /** How many messages to schedule. */
  count: number;
  /** Messages per minute on average, clamped to [SLOWEST_PACE, FASTEST_PACE]. */
  pacePerMinute: number;
  /** 0 … 0.9; default DEFAULT_JITTER. */
  jitter?: number;
  /** Uniform in [0, 1); injected so the schedule is reproducible in tests. Default: 0.5 (no jitter at all). */
  random?: () => number;
  /** Messages the account may send in any 24 h. */
  dailyLimit: number;
  /**
   * Times of messages already sent or already queued with a time (any page of this app, any campaign), in any
   * order. Only the last 24 h (and a minute) matter; older ones are ignored.
   */
  previous: readonly number[];
}

export interface Schedule {
  /** Send times, ascending, one per message. */
  times: number[];
  /**
   * Each stop for the daily limit: message `index` would have left at `from` but waits until `until`, when a send of
   * 24 h earlier leaves the window. The first one is "continues after <until>".
   */
  waits: Array<{ index: number; from: number; until: number }>;
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/**
 * A rolling window: how many times fall in (t − span, t], and the earliest time at or after t when one more fits.
 * Times are added in ascending order; the pointer only moves forward, so a whole schedule costs O(n).
 */
class RollingWindow {
  private start = 0;
  constructor(
    private readonly times: number[],
    private readonly span: number,
    private readonly limit: number,
  ) {}

  /** Earliest time ≥ t at which a send keeps at most `limit` sends in every window of `span`. */
  earliest(t: number): number {
    while (this.start < this.times.length && this.times[this.start]! <= t - this.span) this.start++;
    const inWindow = this.times.length - this.start;
    if (inWindow < this.limit) return t;
    // The send that must leave the window first is the limit-th most recent one.
    return this.times[this.times.length - this.limit]! + this.span;
  }

  add(t: number): void {
    this.times.push(t);
  }
}

/**
 * The send time of each of `count` messages. Each gap after the previous send (or after now) is the mean gap of the
 * pace times a jitter factor; a time that would break the per-minute quota or the daily limit moves to the first
 * moment it fits. Pure: the same input gives the same schedule.
 */
export function planSchedule(input: PacingInput): Schedule {
  const pace = clamp(input.pacePerMinute, SLOWEST_PACE, FASTEST_PACE);
  const jitter = clamp(input.jitter ?? DEFAULT_JITTER, 0, 0.9);
  const random = input.random ?? (() => 0.5);
  const dailyLimit = Math.max(1, Math.floor(input.dailyLimit));
  const meanGap = MINUTE / pace;
  const recent = input.previous.filter((t) => t > input.now - DAY_WINDOW).sort((a, b) => a - b);
  const day = new RollingWindow([...recent], DAY_WINDOW, dailyLimit);
  const minute = new RollingWindow([...recent], MINUTE_WINDOW, QUOTA_SENDS_PER_MINUTE);
  const schedule: Schedule = { times: [], waits: [] };
  // The pace counts from the newest earlier send, so a campaign resumed a second after a send does not burst.
  let last = recent.length > 0 ? recent.at(-1)! : Number.NEGATIVE_INFINITY;
  for (let index = 0; index < input.count; index++) {
    const gap = meanGap * (1 + jitter * (2 * random() - 1));
    const paced = Math.max(input.now, last + gap);
    const afterDay = day.earliest(paced);
    // Whole milliseconds: the times become the outbox's `notBefore`, stored and compared as integers.
    const at = Math.ceil(Math.max(afterDay, minute.earliest(afterDay)));
    // A stop is a delay of more than a gap; after one, the next day's sends leave the window one by one at the
    // pace they came in, each a few milliseconds late, which is not a stop.
    if (afterDay - paced > meanGap) schedule.waits.push({ index, from: paced, until: afterDay });
    day.add(at);
    minute.add(at);
    schedule.times.push(at);
    last = at;
  }
  return schedule;
}

export interface RunEstimate {
  /** When the last message is planned to leave (now when there is nothing to send). */
  endsAt: number;
  durationMs: number;
  /** How many times the daily limit stops the run; 0 means it finishes within one window. */
  dailyStops: number;
  /** The first "continues after" time, if the limit stops it at all. */
  continuesAfter: number | null;
  /** The limit it runs at, for "about 3 days at 2,000 a day". */
  dailyLimit: number;
  /** Calendar-free day count: the run's duration in 24 h windows, rounded up (1 for a run of a few minutes). */
  days: number;
}

/**
 * What the run will take, for the sentence shown before it starts. Uses the mean gap (no jitter), so the estimate
 * does not change each time it is drawn.
 */
export function estimateRun(input: Omit<PacingInput, 'random' | 'jitter'>): RunEstimate {
  const schedule = planSchedule({ ...input, jitter: 0 });
  const endsAt = schedule.times.at(-1) ?? input.now;
  const durationMs = endsAt - input.now;
  return {
    endsAt,
    durationMs,
    dailyStops: schedule.waits.length,
    continuesAfter: schedule.waits[0]?.until ?? null,
    dailyLimit: Math.max(1, Math.floor(input.dailyLimit)),
    days: Math.max(1, Math.ceil(durationMs / DAY)),
  };
}
