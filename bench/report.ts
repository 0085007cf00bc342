/** The benchmark's Markdown table (pasted into the README under "Performance") from one run's results. */
import type { AppResults } from './app.ts';
import type { BuildRow } from './builders.ts';
import type { EditorChunk } from './editor-chunk.ts';
import type { FirstLoad } from './first-load.ts';
import { firstLoadBudgetGzipBytes } from './first-load.ts';
import { formatSummary, type Summary } from './stats.ts';
import type { WireRow } from './wire.ts';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  chromium: string;
}

export interface BenchResults {
  date: string;
  machine: Machine;
  firstLoad: FirstLoad | null;
  /** The lazily loaded editor (src/editor); absent in results written before it existed. */
  editorChunk?: EditorChunk | null;
  builderWeights: Record<string, number>;
  builders: BuildRow[];
  wire: WireRow[];
  app: AppResults | null;
  missing: string[];
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const mb = (s: Summary | null) =>
  s ? formatSummary({ ...s, median: s.median / 2 ** 20, min: s.min / 2 ** 20, max: s.max / 2 ** 20 }, 0) : 'n/a';
const yes = (ok: boolean) => (ok ? 'yes' : '**no**');

export function formatReport(r: BenchResults): string {
  const out: string[] = [];
  const m = r.machine;
  out.push(
    `Measured ${r.date} on ${m.cpu}, ${m.cores} cores, ${m.memoryGiB.toFixed(0)} GiB RAM, ${m.os}; ` +
      `Node ${m.node}; headless Chromium ${m.chromium}. Times are median (min–max).`,
    '',
  );

  out.push('| Page | Result | Target |', '|---|---|---|');
  if (r.firstLoad) {
    const { js, css } = r.firstLoad;
    out.push(
      `| First-load JS of our own (${r.firstLoad.files.filter((f) => f.kind === 'js').length} file(s)) | ` +
        `${kb(js.gzip)} gzip, ${kb(js.brotli)} brotli (${kb(js.raw)} raw) | ≤ ${kb(firstLoadBudgetGzipBytes)} gzip: ${yes(js.gzip <= firstLoadBudgetGzipBytes)} |`,
      `| First-load CSS | ${kb(css.gzip)} gzip, ${kb(css.brotli)} brotli | |`,
    );
  }
  if (r.editorChunk) {
    const e = r.editorChunk;
    out.push(
      `| Editor chunk (lazy) | ${kb(e.js)} gzip JS: ours ${kb(e.ours)}, Squire ${kb(e.squire)}, DOMPurify ${kb(e.dompurify)}; ${kb(e.css)} gzip CSS | not in the first load |`,
    );
  }
  if (r.app) {
    const a = r.app;
    out.push(
      `| Time to a usable form (localhost) | ${formatSummary(a.usableMs, 0, ' ms')} | |`,
      `| … with Google's scripts held back | ${formatSummary(a.usableWithoutGoogleMs, 0, ' ms')}; typed before they loaded: ${yes(a.usableBeforeGoogle)} | must be usable |`,
      `| Click Send → request leaves (text, valid token) | ${a.clickToRequestMs ? formatSummary(a.clickToRequestMs, 1, ' ms') : `n/a (${a.clickToRequestError ?? 'not measured'})`} | |`,
    );
  }
  out.push('');

  if (r.builders.length) {
    const runs = Math.max(...r.builders.map((b) => b.wallMs.runs.length));
    out.push(
      `Message building (same message, same browser; up to ${runs} runs each; target for ours: 25 MiB < 300 ms, no main-thread task > 50 ms; "0" = no long task):`,
      '',
      '| Builder (min+gzip) | Attachment | Wall time | Longest main-thread task | Peak memory (MiB) |',
      '|---|---|---|---|---|',
    );
    for (const b of r.builders) {
      const weight = r.builderWeights[b.builder];
      const name = weight ? `${b.builder} (${kb(weight)})` : b.builder;
      if (b.error) {
        out.push(`| ${name} | ${b.case} | error: ${b.error} | | |`);
        continue;
      }
      out.push(
        `| ${name} | ${b.case} | ${formatSummary(b.wallMs, b.wallMs.median < 10 ? 1 : 0, ' ms')} | ` +
          `${formatSummary(b.longestTaskMs, 0, ' ms')} | ${mb(b.peakMemoryBytes)} |`,
      );
    }
    out.push('');
  }

  if (r.wire.length) {
    out.push(
      'Bytes on the wire (request bodies, and bodies + request headers incl. CORS preflights) ÷ message size:',
      '',
      '| Message | Path | Requests | Body ratio | With headers | Target |',
      '|---|---|---|---|---|---|',
    );
    for (const w of r.wire) {
      out.push(
        `| ${w.case.split(',')[0]} (${(w.messageBytes / 2 ** 20).toFixed(2)} MiB) | ${w.path}${w.outcome === 'sent' ? '' : ` (${w.outcome})`} | ${w.requests} | ` +
          `${w.bodyRatio.toFixed(4)} | ${w.withHeadersRatio.toFixed(4)} | ≤ ${w.target}: ${yes(w.withHeadersRatio <= w.target)} |`,
      );
    }
    out.push('');
  }
  if (r.missing.length) out.push(...r.missing.map((line) => `Not measured: ${line}`), '');
  return out.join('\n');
}
