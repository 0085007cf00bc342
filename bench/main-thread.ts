/**
 * The page's main-thread tasks from a Chromium trace, below the Long Tasks API's 50 ms floor. The page marks the
 * window it wants judged with `performance.mark('bench:start')` and `performance.mark('bench:end')`; the marks also
 * tell which process and thread are the page's main thread, so other renderers (other contexts, workers) never count.
 *
 * A task is an outermost `RunTask` / `ThreadControllerImpl::RunTask` slice of the trace (what DevTools' Performance
 * panel draws as a grey "Task"). Its wall time includes any time the OS gave the core to another process, which the
 * user feels too; its CPU time (the trace's thread clock) is the work the page itself did, which on a loaded, shared
 * machine tells "we blocked the thread" apart from "the thread waited for a core".
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
  /** Thread (CPU) time of a complete slice, in µs. */
  tdur?: number;
  args?: Record<string, unknown>;
}

export interface MainThreadTask {
  /** Start, in ms after `bench:start`. */
  startMs: number;
  durationMs: number;
  /** CPU time the main thread spent in this task (null when the trace has no thread clock). */
  cpuMs: number | null;
  /** The longest slices inside this task (name, wall ms, CPU ms), to tell what it was doing. */
  inside: { name: string; ms: number; cpuMs: number | null }[];
}

export interface MainThreadReport {
  /** Longest task (wall time) that overlaps the window, in ms (0 when no task was traced). */
  longestTaskMs: number;
  /** Largest CPU time of any one task in the window (null without a thread clock). */
  mostCpuMs: number | null;
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
const taskNames = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
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
  const cpu = (e: TraceEvent) => (typeof e.tdur === 'number' ? round(e.tdur / 1000) : null);
  // Both task names nest (RunTask inside ThreadControllerImpl::RunTask, or alone): keep the outermost of each nest.
  const outermost: TraceEvent[] = [];
  for (const e of slices
    .filter((e) => taskNames.has(e.name) && overlaps(e))
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)) {
    const outer = outermost.at(-1);
    if (outer && e.ts + e.dur! <= outer.ts + outer.dur!) continue;
    outermost.push(e);
  }
  const tasks = outermost
    .map((task): MainThreadTask => {
      const taskEnd = task.ts + task.dur!;
      const inside = slices
        .filter((e) => e !== task && !wrappers.has(e.name) && e.ts >= task.ts && e.ts + e.dur! <= taskEnd)
        .sort((a, b) => b.dur! - a.dur!)
        .slice(0, 6)
        .map((e) => ({ name: e.name, ms: round(e.dur! / 1000), cpuMs: cpu(e) }));
      return {
        startMs: round((task.ts - start.ts) / 1000),
        durationMs: round(task.dur! / 1000),
        cpuMs: cpu(task),
        inside,
      };
    })
    .sort((a, b) => b.durationMs - a.durationMs);
  const cpuTimes = tasks.map((t) => t.cpuMs).filter((ms): ms is number => ms !== null);
  return {
    longestTaskMs: tasks[0]?.durationMs ?? 0,
    mostCpuMs: cpuTimes.length ? Math.max(...cpuTimes) : null,
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
