/**
 * Lighthouse 12.2.3 (pinned: 13 needs Node 22) on the offline build served by `vite preview` with the production
 * headers, the offline Google running, mobile and desktop presets. Each run gets a fresh Chromium (its own temporary
 * profile), so one run's IndexedDB draft cannot slow the next. Lighthouse's own throttling applies (simulated).
 */
import { chromiumArgs, findChromium } from '../../test/support/chromium.ts';
import type { BenchGroup } from '../group.ts';
import { type Figure, sampled } from '../result.ts';
import { formatSummary, type Summary, summarize } from '../stats.ts';

const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof categories)[number];
const metrics = {
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  fcp: 'first-contentful-paint',
} as const;
type Metric = keyof typeof metrics;

export interface LighthouseRun {
  scores: Record<Category, number | null>;
  metrics: Record<Metric, number | null>;
  /** Audits that cost points: category, id, title, score. */
  flagged: { category: Category; id: string; title: string; score: number }[];
  warnings: string[];
}

export interface LighthousePreset {
  preset: 'mobile' | 'desktop';
  url: string;
  lighthouseVersion: string;
  userAgent: string;
  runs: LighthouseRun[];
  scores: Record<Category, Summary>;
  metrics: Record<Metric, Summary>;
}

async function runOnce(url: string, preset: 'mobile' | 'desktop'): Promise<[LighthouseRun, string, string]> {
  // chrome-launcher lets the OS pick the DevTools port (never one of the browser tests' fixed ports). On a loaded
  // machine Chromium can take longer to answer than its default 50 tries × 500 ms.
  // Loaded here, not at the top: Lighthouse is large, and most runs (`--only builders`, the unit tests) never need it.
  const [chromeLauncher, { default: lighthouse, desktopConfig }] = await Promise.all([
    import('chrome-launcher'),
    import('lighthouse'),
  ]);
  const chrome = await chromeLauncher.launch({
    chromePath: findChromium(),
    chromeFlags: [...chromiumArgs, '--headless=new'],
    logLevel: 'silent',
    maxConnectionRetries: 120,
  });
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, output: 'json', logLevel: 'error' },
      preset === 'desktop' ? desktopConfig : undefined,
    );
    if (!result) throw new Error('Lighthouse returned nothing');
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const scores = Object.fromEntries(
      categories.map((c) => [c, lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c]!.score! * 100)]),
    ) as Record<Category, number | null>;
    const values = Object.fromEntries(
      Object.entries(metrics).map(([key, audit]) => [key, lhr.audits[audit]?.numericValue ?? null]),
    ) as Record<Metric, number | null>;
    const flagged = categories.flatMap((category) =>
      (lhr.categories[category]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0)
        .map((ref) => lhr.audits[ref.id]!)
        .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative')
        .map((audit) => ({ category, id: audit.id, title: audit.title, score: audit.score! })),
    );
    const run: LighthouseRun = { scores, metrics: values, flagged, warnings: lhr.runWarnings.map(String) };
    return [run, lhr.lighthouseVersion, lhr.environment.hostUserAgent];
  } finally {
    chrome.kill();
  }
}

const gain = { min: 100, kind: 'goal', source: 'issue 16: Lighthouse 100 in every category, both presets' } as const;
const clsGoal = { max: 0.01, kind: 'goal', source: 'issue 16: CLS at most 0.01' } as const;

export const lighthouseGroup: BenchGroup<LighthousePreset[]> = {
  name: 'lighthouse',
  title: 'Lighthouse',
  async run(ctx) {
    const app = await ctx.app();
    const url = `${app.origin}/`;
    // About 10-15 s per run here; three runs per preset give a median without taking minutes.
    const count = ctx.quick ? 1 : Math.min(3, ctx.runs);
    const presets: LighthousePreset[] = [];
    const missing: string[] = [];
    ctx.log(`Lighthouse on ${url}:`);
    for (const preset of ['mobile', 'desktop'] as const) {
      const runs: LighthouseRun[] = [];
      let version = '';
      let userAgent = '';
      for (let i = 0; i < count; i++) {
        let once: Awaited<ReturnType<typeof runOnce>>;
        try {
          once = await runOnce(url, preset);
        } catch (error) {
          missing.push(`${preset} run ${i + 1}: ${String(error).split('\n')[0]}`);
          ctx.log(`  ${preset.padEnd(7)} run ${i + 1} failed: ${String(error).split('\n')[0]}`);
          continue;
        }
        const [run, v, ua] = once;
        runs.push(run);
        version = v;
        userAgent = ua;
        ctx.log(
          `  ${preset.padEnd(7)} ${categories.map((c) => `${c} ${run.scores[c]}`).join(', ')}; LCP ${run.metrics.lcp?.toFixed(0)} ms, TBT ${run.metrics.tbt?.toFixed(0)} ms, CLS ${run.metrics.cls?.toFixed(3)}`,
        );
      }
      if (runs.length === 0) continue;
      const pick = <K extends string>(get: (r: LighthouseRun) => Record<K, number | null>, keys: readonly K[]) =>
        Object.fromEntries(
          keys.map((k) => [k, summarize(runs.map((r) => get(r)[k]).filter((v): v is number => v !== null))]),
        ) as Record<K, Summary>;
      presets.push({
        preset,
        url,
        lighthouseVersion: version,
        userAgent,
        runs,
        scores: pick((r) => r.scores, categories),
        metrics: pick((r) => r.metrics, Object.keys(metrics) as Metric[]),
      });
    }
    const figures = presets.flatMap((p): Figure[] => [
      ...categories.map((c) =>
        sampled(
          { id: `lighthouse.${p.preset}.${c}`, label: `Lighthouse ${p.preset}: ${c}`, unit: 'score', limit: gain },
          p.scores[c].runs,
        ),
      ),
      sampled(
        { id: `lighthouse.${p.preset}.lcp`, label: `Lighthouse ${p.preset}: LCP`, unit: 'ms' },
        p.metrics.lcp.runs,
      ),
      sampled(
        { id: `lighthouse.${p.preset}.tbt`, label: `Lighthouse ${p.preset}: TBT`, unit: 'ms' },
        p.metrics.tbt.runs,
      ),
      sampled(
        { id: `lighthouse.${p.preset}.cls`, label: `Lighthouse ${p.preset}: CLS`, unit: 'cls', limit: clsGoal },
        p.metrics.cls.runs,
      ),
    ]);
    return { data: presets, figures, missing };
  },
  render({ data }) {
    if (data.length === 0) return [];
    const runs = Math.max(...data.map((p) => p.runs.length));
    const score = (s: Summary) => formatSummary(s, 0);
    const out = [
      `Lighthouse ${data[0]!.lighthouseVersion} on the offline build served with the production headers (${runs} run(s) per preset, fresh browser each; goal: 100 everywhere, CLS ≤ 0.01):`,
      '',
      '| Preset | Performance | Accessibility | Best practices | SEO | LCP | TBT | CLS |',
      '|---|---|---|---|---|---|---|---|',
      ...data.map(
        (p) =>
          `| ${p.preset} | ${score(p.scores.performance)} | ${score(p.scores.accessibility)} | ${score(p.scores['best-practices'])} | ${score(p.scores.seo)} | ` +
          `${formatSummary(p.metrics.lcp, 0, ' ms')} | ${formatSummary(p.metrics.tbt, 0, ' ms')} | ${formatSummary(p.metrics.cls, 3)} |`,
      ),
    ];
    const flagged = new Map<string, Set<string>>();
    for (const p of data) {
      for (const audit of p.runs.flatMap((r) => r.flagged)) {
        const key = `${audit.category}: ${audit.title}`;
        if (!flagged.has(key)) flagged.set(key, new Set());
        flagged.get(key)!.add(p.preset);
      }
    }
    if (flagged.size) {
      out.push(
        '',
        `What costs points: ${[...flagged].map(([audit, presets]) => `${audit} (${[...presets].join(', ')})`).join('; ')}.`,
      );
    }
    return out;
  },
};
