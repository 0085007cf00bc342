/**
 * First-load bytes of our own (the same count as `npm run size` and the CI budget test), from a production build.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type FirstLoad, firstLoadBudgetGzipBytes, measureFirstLoad } from '../first-load.ts';
import type { BenchGroup } from '../group.ts';
import { figure } from '../result.ts';
import { kb } from './format.ts';

export const size: BenchGroup<FirstLoad> = {
  name: 'size',
  title: 'First-load bytes',
  async run(ctx) {
    ctx.log('Building the production app for the first-load count…');
    const outDir = mkdtempSync(join(tmpdir(), 'fumi-bench-size-'));
    try {
      await buildApp({ outDir, mode: 'production' });
      const result = measureFirstLoad(outDir);
      const jsFiles = result.files.filter((f) => f.kind === 'js').length;
      return {
        data: result,
        figures: [
          figure({
            id: 'size.first-load-js.gzip',
            label: `First-load JS of our own (${jsFiles} ${jsFiles === 1 ? 'file' : 'files'}), gzip`,
            unit: 'bytes',
            value: result.js.gzip,
            limit: {
              max: firstLoadBudgetGzipBytes,
              kind: 'budget',
              source: 'issue 10; test/unit/budget/first-load.test.ts',
            },
          }),
          figure({
            id: 'size.first-load-js.brotli',
            label: 'First-load JS, brotli',
            unit: 'bytes',
            value: result.js.brotli,
          }),
          figure({ id: 'size.first-load-js.raw', label: 'First-load JS, raw', unit: 'bytes', value: result.js.raw }),
          figure({
            id: 'size.first-load-css.gzip',
            label: 'First-load CSS, gzip',
            unit: 'bytes',
            value: result.css.gzip,
          }),
          figure({
            id: 'size.first-load-css.brotli',
            label: 'First-load CSS, brotli',
            unit: 'bytes',
            value: result.css.brotli,
          }),
        ],
      };
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  },
  render(result) {
    const { js, css, files } = result.data;
    const jsFiles = files.filter((f) => f.kind === 'js').length;
    const within = js.gzip <= firstLoadBudgetGzipBytes ? 'yes' : '**no**';
    return [
      '| Page | Result | Limit |',
      '|---|---|---|',
      `| First-load JS of our own (${jsFiles} ${jsFiles === 1 ? 'file' : 'files'}) | ${kb(js.gzip)} gzip, ${kb(js.brotli)} brotli (${kb(js.raw)} raw) | ≤ ${kb(firstLoadBudgetGzipBytes)} gzip (CI budget): ${within} |`,
      `| First-load CSS | ${kb(css.gzip)} gzip, ${kb(css.brotli)} brotli | |`,
    ];
  },
};
