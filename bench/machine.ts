/** What the machine line says: hardware, software, load, and how dear fresh memory is here. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { findChromium } from '../test/support/chromium.ts';
import type { Machine } from './result.ts';
import { summarize } from './stats.ts';

function osName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    if (pretty) return `${pretty} (kernel ${release()})`;
  } catch {}
  return `${process.platform} ${release()}`;
}

/**
 * Milliseconds to write 35 MB (one 25 MiB message) into fresh memory, and into the same memory again. The first
 * write pays a page fault per 4 KiB page; in some virtual machines that costs far more than the writing, and every
 * figure that makes a new large buffer (a build, a clone, a Blob, a base64 string) carries it.
 */
export function freshMemoryProbe(): { bytes: number; firstWriteMs: number; againMs: number } {
  const bytes = 35_000_000;
  const first: number[] = [];
  const again: number[] = [];
  for (let i = 0; i < 3; i++) {
    const buffer = new Uint8Array(bytes);
    let t = performance.now();
    buffer.fill(1);
    first.push(performance.now() - t);
    t = performance.now();
    buffer.fill(2);
    again.push(performance.now() - t);
  }
  return { bytes, firstWriteMs: summarize(first).median, againMs: summarize(again).median };
}

/** `chromium --version` of the browser the benchmark uses, for runs that never launched it through Playwright. */
export function installedChromiumVersion(): string {
  try {
    const text = execFileSync(findChromium(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return /(\d+\.\d+\.\d+\.\d+)/.exec(text)?.[1] ?? text.trim();
  } catch {
    return 'unknown';
  }
}

export function describeMachine(chromium: string, loadAtStart: number): Machine {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus().length,
    memoryGiB: totalmem() / 2 ** 30,
    os: osName(),
    node: process.version,
    chromium,
    loadAverage: { start: loadAtStart, end: loadavg()[0]! },
    freshMemory: freshMemoryProbe(),
  };
}
