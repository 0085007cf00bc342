/**
 * The schedule as a pure function: pace, jitter bounds, the per-minute quota bound, the daily limit and its rolling
 * 24-hour window, and the estimate shown before a run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DAY,
  DEFAULT_PACE,
  estimateRun,
  FASTEST_PACE,
  MINUTE,
  type PacingInput,
  planSchedule,
  QUOTA_SENDS_PER_MINUTE,
} from '../../../src/merge/core/pacing.ts';
import { formatContinuesAfter, formatEstimate } from '../../../src/text/merge.ts';

const now = Date.UTC(2026, 10, 26, 0, 0, 0);
const base: PacingInput = { now, count: 5, pacePerMinute: 20, jitter: 0, dailyLimit: 2000, previous: [] };
const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]!);

/** The most sends in any window of `span` ending at a send. */
function busiest(times: number[], span: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let start = 0;
  let most = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[start]! <= sorted[end]! - span) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

describe('planSchedule: pace', () => {
  it.each([
    ['20 a minute: every 3 s from now', { pacePerMinute: 20 }, [0, 3000, 6000, 9000, 12000]],
    ['1 a minute', { pacePerMinute: 1 }, [0, 60000, 120000, 180000, 240000]],
    ['below the slowest pace: clamped to 1 a minute', { pacePerMinute: 0.1 }, [0, 60000, 120000, 180000, 240000]],
    ['over the fastest: clamped to 59 a minute', { pacePerMinute: 500, count: 3 }, [0, 1017, 2034]],
    ['after a send 1 s ago: the gap counts from it', { previous: [now - 1000] }, [2000, 5000, 8000, 11000, 14000]],
    ['after a queued send 10 s ahead', { previous: [now + 10_000], count: 2 }, [13000, 16000]],
    ['sends older than a day are ignored', { previous: [now - DAY - 2 * MINUTE], count: 2 }, [0, 3000]],
  ])('%s', (_label, input, offsets) => {
    const { times, waits } = planSchedule({ ...base, ...input });
    expect(times.map((t) => t - now)).toEqual(offsets);
    expect(waits).toEqual([]);
  });

  it('draws each gap from [mean × (1 − jitter), mean × (1 + jitter)]', () => {
    const low = planSchedule({ ...base, count: 4, jitter: 0.3, random: () => 0 });
    const high = planSchedule({ ...base, count: 4, jitter: 0.3, random: () => 1 - Number.EPSILON });
    expect(gaps(low.times)).toEqual([2100, 2100, 2100]);
    for (const gap of gaps(high.times)) expect(gap).toBeCloseTo(3900, 6);
  });

  it('is reproducible: the same random source gives the same schedule', () => {
    const seeded = () => {
      let seed = 7;
      return () => {
        seed = (seed * 16807) % 2147483647;
        return seed / 2147483647;
      };
    };
    const input = { ...base, count: 50, jitter: 0.3 };
    expect(planSchedule({ ...input, random: seeded() })).toEqual(planSchedule({ ...input, random: seeded() }));
  });

  it('never puts more than 60 requests in a minute, whatever the jitter does', () => {
    // Jitter 0.9 drawn at its low end would make gaps of 105 ms: the quota bound moves them.
    const { times } = planSchedule({ ...base, count: 300, pacePerMinute: FASTEST_PACE, jitter: 0.9, random: () => 0 });
    expect(busiest(times, MINUTE)).toBeLessThanOrEqual(QUOTA_SENDS_PER_MINUTE);
    expect(busiest(times, MINUTE + 1000)).toBeLessThanOrEqual(QUOTA_SENDS_PER_MINUTE);
  });
});

describe('planSchedule: the daily limit over a rolling 24 hours', () => {
  const spread = (count: number, from: number, step: number) =>
    Array.from({ length: count }, (_, i) => from + i * step);

  it.each([
    ['one below the limit: the next fits now, the one after waits', 499, 2, [0], 1],
    ['at the limit: the first waits', 500, 1, [], 0],
  ])('%s', (_label, sent, count, immediate, waitIndex) => {
    const previous = spread(sent, now - 23 * 60 * MINUTE, 1000);
    const { times, waits } = planSchedule({ ...base, count, dailyLimit: 500, previous });
    expect(times.slice(0, immediate.length).map((t) => t - now)).toEqual(immediate);
    // The oldest send of the window leaves it 24 h (and a minute of margin) after it was made.
    expect(waits).toEqual([{ index: waitIndex, from: expect.any(Number), until: previous[0]! + DAY + MINUTE }]);
    expect(times[waitIndex]).toBe(previous[0]! + DAY + MINUTE);
  });

  it('a window full since 23 h ago continues about an hour later, then one by one as old sends leave', () => {
    const previous = spread(2000, now - 23 * 60 * MINUTE, 1000);
    const { times, waits } = planSchedule({ ...base, count: 3, previous });
    expect(times.map((t) => t - now)).toEqual([
      60 * MINUTE + MINUTE,
      60 * MINUTE + MINUTE + 3000,
      60 * MINUTE + MINUTE + 6000,
    ]);
    expect(waits.map((w) => w.index)).toEqual([0]);
  });

  it('5,000 rows at 2,000 a day stop twice and finish on the third day', () => {
    const { times, waits } = planSchedule({ ...base, count: 5000, pacePerMinute: FASTEST_PACE });
    expect(waits.map((w) => w.index)).toEqual([2000, 4000]);
    expect(waits[0]!.until).toBe(times[0]! + DAY + MINUTE);
    expect(busiest(times, DAY + MINUTE)).toBe(2000);
    expect(times.at(-1)! - now).toBeGreaterThan(2 * DAY);
    expect(times.at(-1)! - now).toBeLessThan(3 * DAY);
  });

  it('holds both bounds for any pace, jitter, limit and history', () => {
    fc.assert(
      fc.property(
        fc.record({
          count: fc.integer({ min: 0, max: 400 }),
          pacePerMinute: fc.double({ min: 0.5, max: 100, noNaN: true }),
          jitter: fc.double({ min: 0, max: 0.9, noNaN: true }),
          dailyLimit: fc.integer({ min: 1, max: 150 }),
          previous: fc.array(fc.integer({ min: -DAY - 5 * MINUTE, max: 30_000 }), { maxLength: 200 }),
          randoms: fc.array(fc.double({ min: 0, max: 0.9999, noNaN: true }), { minLength: 1, maxLength: 20 }),
        }),
        ({ randoms, previous, ...input }) => {
          let i = 0;
          const random = () => randoms[i++ % randoms.length]!;
          const history = previous.map((offset) => now + offset);
          const { times } = planSchedule({ ...input, now, previous: history, random });
          expect(times).toHaveLength(input.count);
          expect(times.every((t, k) => t >= now && (k === 0 || t >= times[k - 1]!))).toBe(true);
          const counted = [...history.filter((t) => t > now - DAY - MINUTE), ...times];
          const newest = times.map((t) => [...counted].filter((c) => c <= t && c > t - DAY - MINUTE).length);
          expect(Math.max(0, ...newest)).toBeLessThanOrEqual(Math.max(input.dailyLimit, 0));
          const minuteCounts = times.map((t) => counted.filter((c) => c <= t && c > t - MINUTE - 1000).length);
          expect(Math.max(0, ...minuteCounts)).toBeLessThanOrEqual(QUOTA_SENDS_PER_MINUTE);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('estimateRun and its sentence', () => {
  it.each([
    ['100 rows at 20 a minute', { count: 100, pacePerMinute: DEFAULT_PACE }, 'about 5 min', '約 5 分'],
    ['1,000 rows at 10 a minute', { count: 1000, pacePerMinute: 10 }, 'about 2 h', '約 2 時間'],
    ['2,000 rows at 1 a minute', { count: 2000, pacePerMinute: 1, dailyLimit: 2000 }, 'about 2 days', '約 2 日'],
    [
      '5,000 rows at 2,000 a day',
      { count: 5000, pacePerMinute: FASTEST_PACE },
      'about 3 days at 2,000 a day',
      '1 日 2,000 通のペースで約 3 日',
    ],
    [
      '1,200 rows, trial account (500 a day)',
      { count: 1200, dailyLimit: 500 },
      'about 3 days at 500 a day',
      '1 日 500 通のペースで約 3 日',
    ],
    ['nothing to send', { count: 0 }, 'about 1 min', '約 1 分'],
  ])('%s', (_label, input, en, ja) => {
    const estimate = estimateRun({ ...base, ...input });
    expect(formatEstimate(estimate, 'en')).toBe(en);
    expect(formatEstimate(estimate, 'ja')).toBe(ja);
  });

  it('says when a stopped run continues', () => {
    const estimate = estimateRun({ ...base, count: 600, dailyLimit: 500 });
    expect(estimate.continuesAfter).toBe(now + DAY + MINUTE);
    expect(formatContinuesAfter(estimate.continuesAfter!, 'en')).toMatch(/^continues after Nov 27, 2026/);
    expect(formatContinuesAfter(estimate.continuesAfter!, 'ja')).toMatch(/^2026\/11\/2[67] .* 以降に再開します$/);
  });
});
