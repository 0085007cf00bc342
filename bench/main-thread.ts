/**
 * The page's main-thread tasks from a Chromium trace, below the Long Tasks API's 50 ms floor. The page marks the
 * window it wants judged with `performance.mark('bench:start')` and `performance.mark('bench:end')`; the marks also
 * tell which process and thread are the page's main thread, so other renderers (other contexts, workers) never count.
 *
 * A task is a `RunTask` slice of the trace (what DevTools' Performance panel draws as a grey "Task"); its wall time
 * includes any time the OS took the core away, which on a loaded machine is part of what the user would feel.
 */
import type { Browser, Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: Record<string, unknown>;
}

export interface MainThreadTask {
  /** Start, in ms after `bench:start`. */
  startMs: number;
  durationMs: number;
  /** The longest slices inside this task (name and ms), to tell what it was doing. */
  inside: { name: string; ms: number }[];
}

export interface MainThreadReport {
  /** Longest task that overlaps the window, in ms (0 when no task was traced). */
  longestTaskMs: number;
  /** Tasks of 10 ms or more, longest first. */
  tasks: MainThreadTask[];
  windowMs: number;
}

const categories = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8',
  'v8.execute',
  'blink',
  'disabled-by-default-v8.gc',
];

/** Names that only restate "a task ran" (a timer, a promise continuation) and say nothing about what it did. */
const wrappers = new Set([
  'RunTask',
  'ThreadControllerImpl::RunTask',
  'ThreadPool_RunTask',
  'RunMicrotasks',
  'BlinkScheduler_PerformMicrotaskCheckpoint',
  'TimerBase::run',
  'TimerFire',
  'AsyncTask Run',
  'FunctionCall',
  'v8.run',
]);

export function mainThreadTasks(trace: { traceEvents: TraceEvent[] }, mark = 'bench'): MainThreadReport {
  const events = trace.traceEvents;
  const start = events.find((e) => e.name === `${mark}:start` && e.cat.includes('blink.user_timing'));
  const end = events.find((e) => e.name === `${mark}:end` && e.cat.includes('blink.user_timing'));
  if (!start || !end) throw new Error(`trace has no ${mark}:start/${mark}:end marks`);
  const { pid, tid } = start;
  const slices = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && typeof e.dur === 'number');
  const overlaps = (e: TraceEvent) => e.ts + (e.dur ?? 0) >= start.ts && e.ts <= end.ts;
  const tasks = slices
    .filter((e) => e.name === 'RunTask' && overlaps(e))
    .map((task): MainThreadTask => {
      const taskEnd = task.ts + task.dur!;
      const inside = slices
        .filter((e) => e !== task && !wrappers.has(e.name) && e.ts >= task.ts && e.ts + e.dur! <= taskEnd)
        .sort((a, b) => b.dur! - a.dur!)
        .slice(0, 6)
        .map((e) => ({ name: e.name, ms: round(e.dur! / 1000) }));
      return { startMs: round((task.ts - start.ts) / 1000), durationMs: round(task.dur! / 1000), inside };
    })
    .sort((a, b) => b.durationMs - a.durationMs);
  return {
    longestTaskMs: tasks[0]?.durationMs ?? 0,
    tasks: tasks.filter((t) => t.durationMs >= 10),
    windowMs: round((end.ts - start.ts) / 1000),
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Runs `action` under a Chromium trace; its result, and the page's main-thread tasks between its bench marks. */
export async function traceMainThread<T>(
  browser: Browser,
  page: Page,
  action: () => Promise<T>,
  mark = 'bench',
): Promise<{ result: T; main: MainThreadReport }> {
  await browser.startTracing(page, { categories });
  let outcome: { ok: true; result: T } | { ok: false; error: unknown };
  try {
    outcome = { ok: true, result: await action() };
  } catch (error) {
    outcome = { ok: false, error };
  }
  const buffer = await browser.stopTracing();
  if (!outcome.ok) throw outcome.error;
  const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] };
  return { result: outcome.result, main: mainThreadTasks(parsed, mark) };
}
