/**
 * The worker path's main thread (issue 17): every case starts from the File the compose form holds, runs under a
 * Chromium trace, and reports the longest main-thread task (below the Long Tasks API's 50 ms floor too) and what
 * that task was doing. The first run of each case starts the worker (cold); later runs reuse it, as the app does.
 */
import type { BenchGroup } from '../group.ts';
import { type MainThreadTask, traceMainThread } from '../main-thread.ts';
import type { WorkerPathApi, WorkerPathCase, WorkerPathRun } from '../pages/worker-path.ts';
import { type Figure, sampled } from '../result.ts';
import { formatSummary, type Summary, summarize } from '../stats.ts';
import { ms } from './format.ts';

const MiB = 1024 * 1024;

interface CaseSpec {
  id: WorkerPathCase;
  label: string;
  sizes: number[];
  /** Design alternatives and follow-ups: fewer runs. */
  extra?: boolean;
  /** The finished message these cases start from (built before the timing). */
  message?: 'blob' | 'bytes';
}

const specs: CaseSpec[] = [
  {
    id: 'app-today',
    label: 'the first version: File read on the page, then buildMessageOffThread',
    sizes: [10, 25],
  },
  { id: 'bytes-in', label: 'buildMessageOffThread, bytes already in memory', sizes: [10, 25] },
  { id: 'blob', label: 'buildMessageBlobOffThread(File) → Blob', sizes: [10, 25] },
  {
    id: 'blob-in-bytes-out',
    label: 'alternative: File to the worker, message back as a transferred ArrayBuffer',
    sizes: [25],
    extra: true,
  },
  {
    id: 'blob-in-bytes-out-blob-on-page',
    label: 'alternative: the same, then new Blob(bytes) on the page',
    sizes: [25],
    extra: true,
  },
  {
    id: 'read-message-blob',
    label: 'after: reading the message Blob back into bytes on the page (blob.arrayBuffer())',
    sizes: [25],
    extra: true,
    message: 'blob',
  },
  {
    id: 'store-message-blob',
    label: 'after: storing the message in IndexedDB as the Blob',
    sizes: [25],
    extra: true,
    message: 'blob',
  },
  {
    id: 'store-outbox-entry',
    label: 'after: the outbox saving the entry and its 25 MiB message (src/outbox/store.ts add, one transaction)',
    sizes: [25],
    extra: true,
    message: 'blob',
  },
  {
    id: 'store-message-bytes',
    label: 'after: storing the message in IndexedDB as bytes (the transferred-buffer alternative)',
    sizes: [25],
    extra: true,
    message: 'bytes',
  },
];

export interface WorkerCaseRow {
  case: WorkerPathCase;
  label: string;
  attachmentBytes: number;
  wallMs: Summary;
  /** Longest traced main-thread task per run. */
  longestTaskMs: Summary;
  /** Longest Long Tasks API entry per run (0 = none over 50 ms). */
  longTaskApiMs: Summary;
  /** Per run, the most CPU time the main thread spent in any one task (what the page did, load aside). */
  mostCpuMs: Summary | null;
  /** The longest task of the run with the longest one: when it started and what was inside it. */
  worst: MainThreadTask | null;
  outputBytes: number;
}

declare const workerPath: WorkerPathApi;

const goal = { max: 50, kind: 'goal', source: 'issue 17: no main-thread task over 50 ms at 25 MiB' } as const;

export const worker: BenchGroup<WorkerCaseRow[]> = {
  name: 'worker',
  title: "The worker path's main thread",
  async run(ctx) {
    const [browser, pages] = await Promise.all([ctx.browser(), ctx.pages()]);
    ctx.log("The worker path's main thread (traced):");
    const rows: WorkerCaseRow[] = [];
    const missing: string[] = [];
    for (const spec of specs) {
      for (const mib of spec.sizes) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const runs: WorkerPathRun[] = [];
        const traced: { longest: number; mostCpu: number | null; worst: MainThreadTask | null }[] = [];
        try {
          await page.goto(`${pages.origin}/worker-path/worker-path.html`);
          await page.waitForFunction(() => typeof (globalThis as { workerPath?: unknown }).workerPath === 'object');
          const finished = spec.message ?? 'none';
          await page.evaluate(([size, message]) => workerPath.prepare(size, message), [mib * MiB, finished] as const);
          const count = spec.extra ? Math.min(3, ctx.runs) : ctx.runs;
          for (let i = 0; i < count; i++) {
            await page.evaluate(() => (globalThis as unknown as { gc(): void }).gc());
            const { result, main } = await traceMainThread(browser, page, () =>
              page.evaluate((which) => workerPath.run(which), spec.id),
            );
            runs.push(result);
            traced.push({ longest: main.longestTaskMs, mostCpu: main.mostCpuMs, worst: main.tasks[0] ?? null });
          }
        } catch (error) {
          missing.push(`${spec.label}, ${mib} MiB: ${String(error).split('\n')[0]}`);
        } finally {
          await context.close();
        }
        if (runs.length === 0) continue;
        const worstRun = traced.reduce((a, b) => (b.longest > a.longest ? b : a));
        const row: WorkerCaseRow = {
          case: spec.id,
          label: spec.label,
          attachmentBytes: mib * MiB,
          wallMs: summarize(runs.map((r) => r.wallMs)),
          longestTaskMs: summarize(traced.map((t) => t.longest)),
          mostCpuMs: traced.every((t) => t.mostCpu !== null) ? summarize(traced.map((t) => t.mostCpu!)) : null,
          longTaskApiMs: summarize(runs.map((r) => Math.max(0, ...r.longTasksMs))),
          worst: worstRun.worst,
          outputBytes: runs[0]!.outputBytes,
        };
        ctx.log(
          `  ${spec.id.padEnd(32)} ${String(mib).padStart(2)} MiB: longest task ${formatSummary(row.longestTaskMs, 0, ' ms')}` +
            `${
              row.worst
                ? ` (worst: ${row.worst.inside
                    .slice(0, 2)
                    .map((i) => `${i.name} ${i.ms} ms`)
                    .join(', ')})`
                : ''
            }`,
        );
        rows.push(row);
      }
    }
    const figures = rows.flatMap((r): Figure[] => {
      const id = `worker.${r.case}.${r.attachmentBytes / MiB}MiB`;
      const judged = r.attachmentBytes === 25 * MiB && (r.case === 'blob' || r.case === 'app-today');
      return [
        sampled(
          {
            id: `${id}.longest-task`,
            label: `${r.label}, ${r.attachmentBytes / MiB} MiB: longest main-thread task (trace)`,
            unit: 'ms',
            ...(judged ? { limit: goal } : {}),
          },
          r.longestTaskMs.runs,
        ),
        ...(r.mostCpuMs
          ? [
              sampled(
                {
                  id: `${id}.most-cpu-in-a-task`,
                  label: `${r.label}, ${r.attachmentBytes / MiB} MiB: most main-thread CPU time in one task (trace)`,
                  unit: 'ms',
                },
                r.mostCpuMs.runs,
              ),
            ]
          : []),
        sampled(
          { id: `${id}.wall`, label: `${r.label}, ${r.attachmentBytes / MiB} MiB: wall time`, unit: 'ms' },
          r.wallMs.runs,
        ),
      ];
    });
    return { data: rows, figures, missing };
  },
  render({ data }) {
    const inside = (t: MainThreadTask | null) =>
      t && t.durationMs >= 10
        ? t.inside
            .filter((i) => i.ms >= 1)
            .slice(0, 2)
            .map((i) => `${i.name} ${i.ms.toFixed(0)} ms${i.cpuMs === null ? '' : ` (CPU ${i.cpuMs.toFixed(0)})`}`)
            .join(', ')
        : '';
    const at25 = (c: WorkerPathCase) => data.find((r) => r.case === c && r.attachmentBytes === 25 * MiB);
    const blob = at25('blob');
    const today = at25('app-today');
    const sentences: string[] = [];
    if (blob && today) {
      sentences.push(
        '',
        `- At 25 MiB, the longest main-thread task during \`buildMessageBlobOffThread\` was ${ms(blob.longestTaskMs)} (goal 50 ms${blob.longestTaskMs.runs[0] === blob.longestTaskMs.max && blob.longestTaskMs.runs.length > 1 ? '; the longest was the first run, which starts the worker and compiles our code' : ''}${blob.mostCpuMs ? `; the most CPU any one task took was ${blob.mostCpuMs.max.toFixed(0)} ms` : ''}). The first version's path (file read on the page, bytes cloned to the worker; the app has since moved to the Blob path) took ${ms(today.longestTaskMs)}${today.mostCpuMs ? `, ${ms(today.mostCpuMs)} of it CPU` : ''}.`,
      );
    }
    const stored = at25('store-message-blob');
    const storedBytes = at25('store-message-bytes');
    if (stored && storedBytes) {
      sentences.push(
        `- Why a Blob comes back rather than a transferred buffer: storing the message in IndexedDB (an outbox) takes a ${stored.longestTaskMs.median.toFixed(0)} ms task as a Blob and ${storedBytes.longestTaskMs.median.toFixed(0)} ms as bytes; a Blob made on the page from transferred bytes takes ${at25('blob-in-bytes-out-blob-on-page')?.longestTaskMs.median.toFixed(0) ?? 'n/a'} ms. Reading the message Blob back into bytes on the page costs a ${at25('read-message-blob')?.longestTaskMs.median.toFixed(0) ?? 'n/a'} ms task (${at25('read-message-blob')?.mostCpuMs?.median.toFixed(0) ?? 'n/a'} ms CPU): a sender should upload \`blob.slice()\` chunks instead.`,
      );
    }
    return [
      "The worker path's main thread, from a File as the compose form holds it (Chromium trace; a task is what DevTools draws as one; goal: none over 50 ms at 25 MiB):",
      '',
      '| Path | Attachment | Longest main-thread task | Most CPU in one task | Long Tasks API | Wall time | The longest task was |',
      '|---|---|---|---|---|---|---|',
      ...data.map(
        (r) =>
          `| ${specs.find((spec) => spec.id === r.case)?.label ?? r.label} | ${r.attachmentBytes / MiB} MiB | ${ms(r.longestTaskMs)} | ${ms(r.mostCpuMs)} | ${formatSummary(r.longTaskApiMs, 0, ' ms')} | ${ms(r.wallMs)} | ${inside(r.worst)} |`,
      ),
      ...sentences,
    ];
  },
};
