/**
 * Message building, side by side: our builder (main thread and both worker paths) and the anchors, the same message,
 * the same browser, and native `toBase64` over the same bytes in the same page and run (the floor). Each builder runs
 * in a fresh page of its own; between runs the page collects garbage.
 */
import type { Browser } from '@playwright/test';
import { startPeakMemory } from '../browser.ts';
import { pageScriptGzip } from '../build-pages.ts';
import type { BenchGroup } from '../group.ts';
import type { BenchApi, RunResult } from '../pages/harness.ts';
import { type Figure, sampled } from '../result.ts';
import { formatSummary, type Summary, summarize } from '../stats.ts';
import { kb, ms } from './format.ts';

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
  /** Native `toBase64` over the same attachment, same page and run (pages with a native floor). */
  nativeMs?: Summary;
  /** Per run: build time ÷ native time. */
  nativeRatio?: Summary;
  /** Our MIME base64 writer alone over the same bytes, into memory written before (same page and run). */
  encoderMs?: Summary;
  /** Per run: encoder time ÷ native time. */
  encoderRatio?: Summary;
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
    const native = results.filter((r) => r.nativeMs !== undefined && r.encoderMs !== undefined);
    if (native.length) {
      row.nativeMs = summarize(native.map((r) => r.nativeMs!));
      row.nativeRatio = summarize(native.map((r) => r.wallMs / r.nativeMs!));
      row.encoderMs = summarize(native.map((r) => r.encoderMs!));
      row.encoderRatio = summarize(native.map((r) => r.encoderMs! / r.nativeMs!));
    }
    log(
      `  ${builder.padEnd(30)} ${buildCase.label.padEnd(10)} ${row.wallMs.median.toFixed(1)} ms` +
        `${row.nativeMs ? ` (native toBase64 ${row.nativeMs.median.toFixed(1)} ms, our encoder alone ${row.encoderMs!.median.toFixed(1)} ms)` : ''}` +
        `${error ? `  ERROR ${error}` : ''}`,
    );
    rows.push(row);
  }
  return rows;
}

export interface BuildersData {
  rows: BuildRow[];
  /** Minified+gzip bytes of each builder's page JavaScript, the harness subtracted. */
  weights: Record<string, number>;
}

const pagesToMeasure = [
  ['ours', 'ours (main thread)'],
  ['ours-worker', 'ours (worker, bytes in)'],
  ['ours-blob', 'ours (worker, Blob in and out)'],
  ['mimetext', 'mimetext'],
  ['emailjs', 'emailjs-mime-builder'],
] as const;

/** Goals for our builder (issue 10 and issue 17). */
const wallGoal = { max: 300, kind: 'goal', source: 'issue 10: 25 MiB in under 300 ms' } as const;
const taskGoal = { max: 50, kind: 'goal', source: 'issue 17: no main-thread task over 50 ms in the worker' } as const;
const ratioGoal = { max: 2, kind: 'goal', source: 'issue 17: at most 2× native toBase64' } as const;

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function rowFigures(r: BuildRow): Figure[] {
  const id = `builders.${slug(r.builder)}.${slug(r.case)}`;
  const ours = r.builder.startsWith('ours');
  const worker = r.builder.includes('worker');
  const big = r.attachmentBytes === 25 * MiB;
  const figures = [
    sampled(
      {
        id: `${id}.wall`,
        label: `${r.builder}, ${r.case}: wall time`,
        unit: 'ms',
        ...(ours && big ? { limit: wallGoal } : {}),
      },
      r.wallMs.runs,
    ),
    sampled(
      {
        id: `${id}.longest-task`,
        label: `${r.builder}, ${r.case}: longest main-thread task (Long Tasks API, 0 = none over 50 ms)`,
        unit: 'ms',
        ...(worker && big ? { limit: taskGoal } : {}),
      },
      r.longestTaskMs.runs,
    ),
  ];
  if (r.peakMemoryBytes) {
    figures.push(
      sampled(
        { id: `${id}.peak-memory`, label: `${r.builder}, ${r.case}: renderer peak memory growth`, unit: 'MiB' },
        r.peakMemoryBytes.runs.map((b) => b / MiB),
      ),
    );
  }
  if (r.nativeMs && r.nativeRatio && r.encoderMs && r.encoderRatio) {
    figures.push(
      sampled(
        { id: `${id}.native-base64`, label: `native toBase64 over the same ${r.case}, same page and run`, unit: 'ms' },
        r.nativeMs.runs,
      ),
      sampled(
        {
          id: `${id}.native-ratio`,
          label: `${r.builder}, ${r.case} ÷ native toBase64`,
          unit: 'ratio',
          ...(r.attachmentBytes >= 10 * MiB ? { limit: ratioGoal } : {}),
          peer: { label: 'native toBase64', value: r.nativeMs.median, unit: 'ms' },
        },
        r.nativeRatio.runs,
      ),
      sampled(
        {
          id: `${id}.encoder`,
          label: `our MIME base64 writer alone over the same ${r.case}, memory written before`,
          unit: 'ms',
        },
        r.encoderMs.runs,
      ),
      sampled(
        {
          id: `${id}.encoder-ratio`,
          label: `our MIME base64 writer alone, ${r.case} ÷ native toBase64`,
          unit: 'ratio',
          peer: { label: 'native toBase64', value: r.nativeMs.median, unit: 'ms' },
        },
        r.encoderRatio.runs,
      ),
    );
  }
  return figures;
}

export const builders: BenchGroup<BuildersData> = {
  name: 'builders',
  title: 'Message building',
  async run(ctx) {
    const [browser, pages] = await Promise.all([ctx.browser(), ctx.pages()]);
    ctx.log('Message building:');
    // emailjs-mime-builder takes seconds per large message: three runs are enough to show it.
    const runsFor = (page: string) => (c: BuildCase) =>
      page === 'emailjs' && c.attachmentBytes >= 10 * MiB ? Math.min(3, ctx.runs) : ctx.runs;
    const rows: BuildRow[] = [];
    for (const [page, name] of pagesToMeasure) {
      rows.push(
        ...(await measureBuilder(browser, `${pages.origin}/${page}/${page}.html`, name, runsFor(page), ctx.log)),
      );
    }
    const harness = pageScriptGzip(pages.dir, 'baseline');
    const weights = Object.fromEntries(
      pagesToMeasure
        .filter(([page]) => page !== 'ours-worker' && page !== 'ours-blob')
        .map(([page, name]) => [name, pageScriptGzip(pages.dir, page) - harness]),
    );
    return {
      data: { rows, weights },
      figures: rows.filter((r) => !r.error).flatMap(rowFigures),
      missing: rows.filter((r) => r.error).map((r) => `${r.builder}, ${r.case}: ${r.error}`),
    };
  },
  render({ data }) {
    const { rows, weights } = data;
    const runs = Math.max(...rows.map((b) => b.wallMs.runs.length));
    const mb = (s: Summary | null) =>
      s ? formatSummary({ ...s, median: s.median / MiB, min: s.min / MiB, max: s.max / MiB }, 0) : 'n/a';
    const out = [
      `Message building (same message, same browser; up to ${runs} runs each; goals for ours: 25 MiB < 300 ms, no main-thread task > 50 ms in the worker; "0" = no task over 50 ms):`,
      '',
      '| Builder (min+gzip) | Attachment | Wall time | Longest main-thread task | Peak memory (MiB) |',
      '|---|---|---|---|---|',
    ];
    for (const b of rows) {
      const weight = weights[b.builder];
      const name = weight ? `${b.builder} (${kb(weight)})` : b.builder;
      if (b.error) {
        out.push(`| ${name} | ${b.case} | error: ${b.error} | | |`);
        continue;
      }
      out.push(
        `| ${name} | ${b.case} | ${ms(b.wallMs)} | ${formatSummary(b.longestTaskMs, 0, ' ms')} | ${mb(b.peakMemoryBytes)} |`,
      );
    }
    const at25 = (builder: string) =>
      rows.find((r) => r.builder === builder && r.attachmentBytes === 25 * MiB && !r.error);
    const emailjs = at25('emailjs-mime-builder');
    const mimetext = at25('mimetext');
    if (emailjs) {
      out.push(
        '',
        `- emailjs-mime-builder blocks the page for ${(emailjs.longestTaskMs.median / 1000).toFixed(1)} s at 25 MiB (longest task, median).`,
      );
    }
    if (mimetext) {
      const line = Math.ceil(mimetext.attachmentBytes / 3) * 4;
      out.push(
        `- mimetext takes ${ms(mimetext.wallMs)} at 25 MiB, but does less: it writes the attachment as one unwrapped base64 line (${(line / 1e6).toFixed(0)} MB, against the 998-octet limit of RFC 5322) and does not encode headers.`,
      );
    }
    const floor = rows.filter((r) => r.nativeMs && r.attachmentBytes >= 10 * MiB);
    if (floor.length) {
      out.push(
        '',
        'Against the limit: native `Uint8Array.prototype.toBase64` over the same bytes, in the same page and run as our main-thread build (native writes one unwrapped string: no headers, no line breaks). "Encoder alone" is our MIME base64 writer over the same bytes into memory written once before, so that it pays no page faults for fresh memory:',
        '',
        '| Attachment | Ours (main thread) | Native toBase64 | Ratio (per run) | Goal | Encoder alone | Its ratio |',
        '|---|---|---|---|---|---|---|',
        ...floor.map(
          (r) =>
            `| ${r.case} | ${ms(r.wallMs)} | ${ms(r.nativeMs)} | ${formatSummary(r.nativeRatio!, 1, '×')} | ≤ 2×: ${r.nativeRatio!.median <= 2 ? 'yes' : '**no**'} | ${ms(r.encoderMs)} | ${formatSummary(r.encoderRatio!, 1, '×')} |`,
        ),
        '',
        `Fastest runs, the least disturbed by fresh memory: ${floor
          .map(
            (r) =>
              `${r.case}: native ${r.nativeMs!.min.toFixed(1)} ms, our encoder alone ${r.encoderMs!.min.toFixed(1)} ms (${(r.encoderMs!.min / r.nativeMs!.min).toFixed(1)}×)`,
          )
          .join('; ')}.`,
      );
    }
    return out;
  },
};
