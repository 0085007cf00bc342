/**
 * A faster clock for the campaign's schedule, for tests and demos only: with factor k, the pacing core sees time run
 * k times faster from `origin`, so a campaign paced at 59 a minute sends 59·k a minute and a 24-hour window lasts
 * 24/k hours. Only the campaign's own times are mapped (the schedule, its waits, its "continues after"); the outbox,
 * Gmail's answers and what is stored stay in real time. Factor 1 (every production build) is the identity.
 *
 * Switched on only in builds against the offline Google, by `localStorage['fumi.merge.time-scale']` (a number > 1),
 * which the browser tests and the demo set; a real build ignores it.
 */

export interface TimeScale {
  readonly factor: number;
  toVirtual(real: number): number;
  toReal(virtual: number): number;
}

export const TIME_SCALE_KEY = 'fumi.merge.time-scale';

export function timeScale(origin: number, factor: number): TimeScale {
  const k = Number.isFinite(factor) && factor > 1 ? factor : 1;
  if (k === 1) return { factor: 1, toVirtual: (t) => t, toReal: (v) => v };
  return {
    factor: k,
    toVirtual: (real) => origin + (real - origin) * k,
    toReal: (virtual) => Math.ceil(origin + (virtual - origin) / k),
  };
}

/** The test-only factor, when this build talks to the offline Google; 1 otherwise or when storage is refused. */
export function readTestTimeScale(offlineGoogle: boolean): number {
  if (!offlineGoogle) return 1;
  try {
    const value = Number(globalThis.localStorage?.getItem(TIME_SCALE_KEY));
    return Number.isFinite(value) && value > 1 ? value : 1;
  } catch {
    return 1;
  }
}
