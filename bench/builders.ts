/**
 * Message building, side by side: our builder (main thread and worker) and the anchors, the same message, the same
 * browser. Each builder runs in a fresh page of its own; between runs the page collects garbage.
 */
import type { Browser } from '@playwright/test';
import { startPeakMemory } from './browser.ts';
import type { BenchApi, RunResult } from './pages/harness.ts';
import { type Summary, summarize } from './stats.ts';

export const MiB = 1024 * 1024;

export interface BuildCase {
  label: string;
  attachmentBytes: number;
}

export const buildCases: BuildCase[] = [
  { label: 'text only', attachmentBytes: 0 },
  { label: '1 MiB', attachmentBytes: 1 * MiB },
  { label: '10 MiB', attachmentBytes: 10 * MiB },
  { label: '25 MiB', attachmentBytes: 25 * MiB },
];

export interface BuildRow {
  builder: string;
  case: string;
  attachmentBytes: number;
  wallMs: Summary;
  longestTaskMs: Summary;
  peakMemoryBytes: Summary | null;
  outputLength: number;
  error?: string;
}

declare const bench: BenchApi;
declare const gc: () => void;

/** Measures one builder page (`<origin>/<page>.html`) over every case. */
export async function measureBuilder(
  browser: Browser,
  url: string,
  builder: string,
  runs: (c: BuildCase) => number,
  log: (line: string) => void,
): Promise<BuildRow[]> {
  const rows: BuildRow[] = [];
  for (const buildCase of buildCases) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const results: RunResult[] = [];
    const peaks: number[] = [];
    let error: string | undefined;
    try {
      await page.goto(url);
      await page.waitForFunction(() => typeof (globalThis as { bench?: unknown }).bench === 'object');
      await page.evaluate((size) => bench.prepare(size), buildCase.attachmentBytes);
      for (let i = 0; i < runs(buildCase); i++) {
        await page.evaluate(() => gc());
        const peak = await startPeakMemory(browser);
        results.push(await page.evaluate(() => bench.run()));
        if (peak) peaks.push(peak.end());
      }
    } catch (e) {
      error = e instanceof Error ? e.message.split('\n')[0] : String(e);
    } finally {
      await context.close();
    }
    const row: BuildRow = {
      builder,
      case: buildCase.label,
      attachmentBytes: buildCase.attachmentBytes,
      wallMs: summarize(results.map((r) => r.wallMs)),
      longestTaskMs: summarize(results.map((r) => r.longestTaskMs)),
      peakMemoryBytes: peaks.length ? summarize(peaks) : null,
      outputLength: results[0]?.outputLength ?? 0,
      ...(error ? { error } : {}),
    };
    log(
      `  ${builder.padEnd(24)} ${buildCase.label.padEnd(10)} ${row.wallMs.median.toFixed(1)} ms` +
        `${error ? `  ERROR ${error}` : ''}`,
    );
    rows.push(row);
  }
  return rows;
}
