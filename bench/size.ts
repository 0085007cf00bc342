/**
 * `npm run size`: builds the production app into a temporary folder and prints our own first-load bytes.
 * Exits non-zero above the budget, like the CI test (test/unit/budget/first-load.test.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, firstLoadBudgetGzipBytes, formatFirstLoad, measureFirstLoad } from './first-load.ts';

const outDir = mkdtempSync(join(tmpdir(), 'fumi-size-'));
try {
  await buildApp({ outDir, mode: 'production' });
  const result = measureFirstLoad(outDir);
  console.log('First-load JavaScript of our own (production build, index.html entry + static imports):');
  console.log(formatFirstLoad(result));
  if (result.js.gzip > firstLoadBudgetGzipBytes) {
    console.error(`Over budget by ${result.js.gzip - firstLoadBudgetGzipBytes} bytes gzip.`);
    process.exitCode = 1;
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
