/**
 * How much CPU each main-thread task of a page took, from a Chromium trace (CDP `Tracing`): a task's `tdur` is the
 * renderer main thread's own time, which a machine shared with other processes does not inflate the way it inflates
 * wall-clock time (a task of 3 ms of CPU was seen taking 70 ms of wall time during these tests).
 */
import type { CDPSession, Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  cat?: string;
  args?: Record<string, unknown>;
}

export interface TaskCost {
  phase: string;
  cpuMs: number;
  wallMs: number;
  /** The outermost event inside the task, e.g. `HandlePostMessage`, `TimerFire`, `Receive mojo message`. */
  top: string;
  /** The mojo interface the task served, when it is a mojo message (DevToolsSession is Playwright's own traffic). */
  mojo?: string;
}

const TASKS = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

export async function startTrace(page: Page): Promise<() => Promise<TraceEvent[]>> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    categories: 'toplevel,devtools.timeline,v8,blink.user_timing',
    transferMode: 'ReportEvents',
  });
  return async () => {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
    return events;
  };
}

/**
 * The main-thread tasks that overlap the page's `<phase>:start` … `<phase>:end` performance marks, with their CPU
 * and wall time.
 */
export function tasksInPhases(events: readonly TraceEvent[], phases: readonly string[]): TaskCost[] {
  const mark = (name: string) => events.find((e) => e.name === name && (e.cat ?? '').includes('user_timing'));
  const first = mark(`${phases[0]}:start`);
  if (!first) throw new Error('the trace has no phase marks');
  const onMain = events.filter((e) => e.pid === first.pid && e.tid === first.tid && e.ph === 'X');
  const costs: TaskCost[] = [];
  for (const phase of phases) {
    const from = mark(`${phase}:start`)?.ts;
    const to = mark(`${phase}:end`)?.ts;
    if (from === undefined || to === undefined) throw new Error(`no marks for ${phase}`);
    for (const task of onMain) {
      if (!TASKS.has(task.name) || task.ts > to || task.ts + (task.dur ?? 0) < from) continue;
      const inside = onMain
        .filter((e) => e !== task && !TASKS.has(e.name) && e.ts >= task.ts && e.ts <= task.ts + (task.dur ?? 0))
        .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
      const top = inside[0];
      const info = top?.args?.chrome_mojo_event_info as
        | { mojo_interface_tag?: string; watcher_notify_interface_tag?: string }
        | undefined;
      costs.push({
        phase,
        cpuMs: (task.tdur ?? task.dur ?? 0) / 1000,
        wallMs: (task.dur ?? 0) / 1000,
        top: top?.name ?? '(nothing traced)',
        ...(info?.mojo_interface_tag || info?.watcher_notify_interface_tag
          ? { mojo: info.mojo_interface_tag ?? info.watcher_notify_interface_tag }
          : {}),
      });
    }
  }
  return costs;
}
