/**
 * Mail merge (issue 14): a 10,000-row list imported through the import worker, in UTF-8 and in Shift_JIS (Japanese
 * Excel's default), with the page's longest main-thread task from a Chromium trace, next to papaparse parsing the
 * same text on the page; and 1,000 rows' messages rendered from a template (next to a bare regular-expression
 * replace) and built into MIME messages in the message worker (next to the gap the fastest pace leaves); and a real
 * campaign's throughput against the quota bound (bench/merge-campaign.ts).
 */
import type { Page } from '@playwright/test';
import { FASTEST_PACE } from '../../src/merge/core/pacing.ts';
import type { BenchContext, BenchGroup } from '../group.ts';
import { traceMainThread } from '../main-thread.ts';
import { type CampaignThroughput, campaignFigures, measureCampaign, renderCampaign } from '../merge-campaign.ts';
import type { ImportRun, ListEncoding, MergeBenchApi, RenderRun } from '../pages/merge.ts';
import { type Figure, sampled } from '../result.ts';
import { formatSummary, type Summary, summarize } from '../stats.ts';
import { ms } from './format.ts';

declare const mergeBench: MergeBenchApi;

const IMPORT_ROWS = 10_000;
const RENDER_ROWS = 1_000;
/** The fastest pace asks for a message this often. */
const FASTEST_GAP_MS = Math.round(60_000 / FASTEST_PACE);

const taskGoal = {
  max: 50,
  kind: 'goal',
  source: 'issue 14: a 10,000-row file parsed with no main-thread task over 50 ms',
} as const;

interface Timed {
  wallMs: Summary;
  longestTaskMs: Summary;
  mostCpuMs: Summary | null;
}

export interface MergeImportRow extends Timed {
  encoding: ListEncoding;
  rows: number;
  fileBytes: number;
  /** papaparse over the decoded text on the main thread, same runs. */
  peer: Timed;
}

export interface MergeBenchData {
  imports: MergeImportRow[];
  render: (Timed & { rows: number; peer: Timed }) | null;
  /**
   * Wall time only: the trace draws this awaited loop (a worker answer per message) as one task spanning the whole
   * window, which says nothing about the page's own work, so no longest task is reported for it.
   */
  build: { rows: number; wallMs: Summary; perMessageMs: Summary } | null;
  /** A real campaign against the double with the quota on (absent in reports from before it was measured). */
  campaign?: CampaignThroughput | null;
}

async function timed(
  ctx: BenchContext,
  page: Page,
  count: number,
  action: () => Promise<ImportRun | RenderRun>,
): Promise<Timed & { last: ImportRun | RenderRun }> {
  const wall: number[] = [];
  const longest: number[] = [];
  const cpu: (number | null)[] = [];
  let last: ImportRun | RenderRun | null = null;
  const browser = await ctx.browser();
  for (let i = 0; i < count; i++) {
    await page.evaluate(() => (globalThis as unknown as { gc(): void }).gc());
    const { result, main } = await traceMainThread(browser, page, action);
    last = result;
    wall.push(result.wallMs);
    longest.push(main.longestTaskMs);
    cpu.push(main.mostCpuMs);
  }
  return {
    wallMs: summarize(wall),
    longestTaskMs: summarize(longest),
    mostCpuMs: cpu.every((c) => c !== null) ? summarize(cpu as number[]) : null,
    last: last!,
  };
}

const strip = ({ wallMs, longestTaskMs, mostCpuMs }: Timed): Timed => ({ wallMs, longestTaskMs, mostCpuMs });

export const merge: BenchGroup<MergeBenchData> = {
  name: 'merge',
  title: 'Mail merge',
  async run(ctx) {
    const [browser, pages] = await Promise.all([ctx.browser(), ctx.pages()]);
    const data: MergeBenchData = { imports: [], render: null, build: null, campaign: null };
    const missing: string[] = [];
    const open = async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${pages.origin}/merge/merge.html`);
      await page.waitForFunction(() => typeof (globalThis as { mergeBench?: unknown }).mergeBench === 'object');
      return { context, page };
    };
    ctx.log('Mail merge (traced):');
    for (const encoding of ['utf-8', 'shift_jis'] as const) {
      const { context, page } = await open();
      try {
        const fileBytes = await page.evaluate(([rows, enc]) => mergeBench.prepareImport(rows, enc), [
          IMPORT_ROWS,
          encoding,
        ] as const);
        const ours = await timed(ctx, page, ctx.runs, () => page.evaluate(() => mergeBench.runImport()));
        const run = ours.last as ImportRun;
        if (run.rows !== IMPORT_ROWS || run.ready !== IMPORT_ROWS || run.encoding !== encoding)
          throw new Error(`imported ${run.rows} rows (${run.ready} ready) as ${run.encoding}`);
        const peer = await timed(ctx, page, ctx.runs, () =>
          page.evaluate((enc) => mergeBench.runPapaparseOnPage(enc), encoding),
        );
        data.imports.push({ encoding, rows: IMPORT_ROWS, fileBytes, ...strip(ours), peer: strip(peer) });
        ctx.log(
          `  import ${encoding.padEnd(9)} ${IMPORT_ROWS} rows: ${formatSummary(ours.wallMs, 0, ' ms')}, longest task ${formatSummary(ours.longestTaskMs, 0, ' ms')}; papaparse on the page ${formatSummary(peer.wallMs, 0, ' ms')}, longest task ${formatSummary(peer.longestTaskMs, 0, ' ms')}`,
        );
      } catch (error) {
        missing.push(`import ${encoding}: ${String(error).split('\n')[0]}`);
      } finally {
        await context.close();
      }
    }
    {
      const { context, page } = await open();
      try {
        await page.evaluate((rows) => mergeBench.prepareRender(rows), RENDER_ROWS);
        const ours = await timed(ctx, page, ctx.runs, () => page.evaluate(() => mergeBench.runRender()));
        const peer = await timed(ctx, page, ctx.runs, () => page.evaluate(() => mergeBench.runRegexRender()));
        if (ours.last.rows !== RENDER_ROWS) throw new Error(`rendered ${ours.last.rows} rows`);
        data.render = { rows: RENDER_ROWS, ...strip(ours), peer: strip(peer) };
        const built = await timed(ctx, page, Math.min(3, ctx.runs), () => page.evaluate(() => mergeBench.runBuild()));
        data.build = {
          rows: RENDER_ROWS,
          wallMs: built.wallMs,
          perMessageMs: summarize(built.wallMs.runs.map((w) => w / RENDER_ROWS)),
        };
        ctx.log(
          `  render ${RENDER_ROWS} rows: ${formatSummary(ours.wallMs, 1, ' ms')} (regex replace ${formatSummary(peer.wallMs, 1, ' ms')}); build in the worker ${formatSummary(data.build.perMessageMs, 2, ' ms')} a message`,
        );
      } catch (error) {
        missing.push(`render: ${String(error).split('\n')[0]}`);
      } finally {
        await context.close();
      }
    }
    try {
      const [served, google] = await Promise.all([ctx.app(), ctx.google()]);
      const c = await measureCampaign(browser, served.origin, google.origin, ctx.log);
      data.campaign = c;
      ctx.log(
        `  campaign: ${c.rowsPerMinute.toFixed(1)} rows a minute (${c.ratio.toFixed(3)} of ${c.bound}), ${c.quotaRefusals} refused by the quota, busiest 60 s ${c.busiestMinute}`,
      );
    } catch (error) {
      missing.push(`campaign throughput: ${String(error).split('\n')[0]}`);
    }
    const figures: Figure[] = [];
    for (const row of data.imports) {
      const id = `merge.import.${row.encoding}.${row.rows}`;
      const name = `Import of ${row.rows.toLocaleString('en-US')} rows, ${row.encoding === 'utf-8' ? 'UTF-8' : 'Shift_JIS'}`;
      figures.push(
        sampled(
          {
            id: `${id}.wall`,
            label: `${name}: wall time (worker)`,
            unit: 'ms',
            peer: { label: 'papaparse on the main thread', value: row.peer.wallMs.median, unit: 'ms' },
          },
          row.wallMs.runs,
        ),
        sampled(
          {
            id: `${id}.longest-task`,
            label: `${name}: longest main-thread task (trace)`,
            unit: 'ms',
            limit: taskGoal,
            peer: { label: 'papaparse on the main thread', value: row.peer.longestTaskMs.median, unit: 'ms' },
          },
          row.longestTaskMs.runs,
        ),
      );
      if (row.mostCpuMs)
        figures.push(
          sampled(
            {
              id: `${id}.most-cpu-in-a-task`,
              label: `${name}: most main-thread CPU in one task (trace)`,
              unit: 'ms',
              limit: taskGoal,
            },
            row.mostCpuMs.runs,
          ),
        );
    }
    if (data.render) {
      figures.push(
        sampled(
          {
            id: `merge.render.${data.render.rows}.wall`,
            label: `Rendering ${data.render.rows.toLocaleString('en-US')} rows' subject and body`,
            unit: 'ms',
            peer: { label: 'a bare regular-expression replace', value: data.render.peer.wallMs.median, unit: 'ms' },
          },
          data.render.wallMs.runs,
        ),
        sampled(
          {
            id: `merge.render.${data.render.rows}.longest-task`,
            label: `Rendering ${data.render.rows.toLocaleString('en-US')} rows: longest main-thread task (trace)`,
            unit: 'ms',
            limit: { max: 50, kind: 'goal', source: 'the 50 ms long-task threshold (issue 14 for the import)' },
          },
          data.render.longestTaskMs.runs,
        ),
      );
    }
    if (data.build) {
      figures.push(
        sampled(
          {
            id: `merge.build.${data.build.rows}.per-message`,
            label: 'Rendering and building one row’s MIME message in the worker',
            unit: 'ms',
            limit: {
              max: FASTEST_GAP_MS,
              kind: 'goal',
              source: `the gap between messages at the fastest pace, ${FASTEST_PACE} a minute`,
            },
          },
          data.build.perMessageMs.runs,
        ),
      );
    }
    if (data.campaign) figures.push(...campaignFigures(data.campaign));
    return { data, figures, missing };
  },
  render({ data }) {
    const lines = [
      'Mail merge: a 10,000-row list through the import worker (decode, parse, check; rows back in batches), and 1,000 rows rendered and built (Chromium trace; goal: no main-thread task over 50 ms):',
      '',
      '| Case | Wall time | Longest main-thread task | Most CPU in one task | Peer: same work on the main thread |',
      '|---|---|---|---|---|',
      ...data.imports.map(
        (r) =>
          `| Import ${r.rows.toLocaleString('en-US')} rows, ${r.encoding === 'utf-8' ? 'UTF-8' : 'Shift_JIS'} (${(r.fileBytes / 1024).toFixed(0)} KB) | ${ms(r.wallMs)} | ${ms(r.longestTaskMs)} | ${ms(r.mostCpuMs)} | papaparse alone: ${ms(r.peer.wallMs)}, longest task ${ms(r.peer.longestTaskMs)} |`,
      ),
    ];
    if (data.render)
      lines.push(
        `| Render ${data.render.rows.toLocaleString('en-US')} rows (subject and body, with fallbacks for empty cells) | ${ms(data.render.wallMs)} | ${ms(data.render.longestTaskMs)} | ${ms(data.render.mostCpuMs)} | regex replace (no checks): ${ms(data.render.peer.wallMs)} |`,
      );
    if (data.build)
      lines.push(
        `| Render and build ${data.build.rows.toLocaleString('en-US')} MIME messages in the worker, one at a time | ${ms(data.build.wallMs)} (${formatSummary(data.build.perMessageMs, 2, ' ms')} each) | n/a (see bench/groups/merge.ts) | | limit: one every ${FASTEST_GAP_MS} ms at the fastest pace |`,
      );
    if (data.campaign) lines.push('', ...renderCampaign(data.campaign));
    return lines;
  },
};
