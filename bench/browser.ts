/**
 * Headless Chromium for the benchmark, and the renderer's peak memory. CDP heap readings cannot be taken while a
 * page runs a long synchronous build (the inspector answers only between tasks), and ArrayBuffers live outside the
 * JS heap, so the peak is read from the OS instead: VmHWM of the renderer processes, reset before each run through
 * /proc/<pid>/clear_refs (Linux). It covers the JS heap, ArrayBuffers and dedicated workers alike.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { type Browser, chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from '../test/support/chromium.ts';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    // expose-gc: collect between runs so one run's garbage is not charged to the next.
    args: [...chromiumArgs, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
  });
}

export async function browserVersion(browser: Browser): Promise<string> {
  return browser.version();
}

/** Process ids of Chromium's renderers, from the browser-level DevTools session. */
export async function rendererPids(browser: Browser): Promise<number[]> {
  const session = await browser.newBrowserCDPSession();
  try {
    const info = (await session.send('SystemInfo.getProcessInfo')) as {
      processInfo: { type: string; id: number }[];
    };
    return info.processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
  } finally {
    await session.detach();
  }
}

function statusKb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Starts a peak-memory window over every renderer; `end()` gives the largest growth of any one, in bytes. */
export async function startPeakMemory(browser: Browser): Promise<{ end(): number } | null> {
  if (process.platform !== 'linux') return null;
  const pids = await rendererPids(browser);
  const start = new Map<number, number>();
  for (const pid of pids) {
    try {
      // "5" resets the peak resident set size to the current one (proc(5), clear_refs).
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
      start.set(pid, statusKb(pid, 'VmRSS'));
    } catch {
      // A renderer that exited meanwhile.
    }
  }
  if (start.size === 0) return null;
  return {
    end: () => Math.max(...[...start].map(([pid, rss]) => statusKb(pid, 'VmHWM') - rss)) * 1024,
  };
}
