/**
 * `npm run bench`: measures in headless Chromium, prints Markdown (the README's "Performance" block) and writes
 * bench/results/bench-<date>.json (every figure with its limit or peer). Numbers are reported, never judged: only
 * byte budgets fail CI, and they are tests of their own.
 *
 *   --only a,b   run only these groups (names: `--list`)      --skip a,b   leave these out
 *   --quick      3 runs instead of 5 (1 Lighthouse run)       --out FILE   write the JSON report there
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { createContext } from './context.ts';
import { groups, pending } from './groups/index.ts';
import { describeMachine, installedChromiumVersion } from './machine.ts';
import { formatReport } from './report.ts';
import type { BenchReport, GroupResult } from './result.ts';

const resultsDir = resolve(import.meta.dirname, 'results');
const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? (argv[i + 1] ?? '') : null;
};
const names = (value: string | null) => (value === null ? null : value.split(',').filter(Boolean));
const log = (line: string) => console.error(line);

async function main() {
  if (argv.includes('--list')) {
    for (const g of groups) console.log(`${g.name.padEnd(14)} ${g.title}`);
    return;
  }
  const only = names(arg('only'));
  const skip = new Set(names(arg('skip')) ?? []);
  const unknown = [...(only ?? []), ...skip].filter((name) => !groups.some((g) => g.name === name));
  if (unknown.length)
    throw new Error(`Unknown group(s): ${unknown.join(', ')}. Known: ${groups.map((g) => g.name).join(', ')}`);
  const selected = groups.filter((g) => (only ? only.includes(g.name) : true) && !skip.has(g.name));
  const quick = argv.includes('--quick');

  mkdirSync(resultsDir, { recursive: true });
  const loadAtStart = loadavg()[0]!;
  const started = Date.now();
  const shared = createContext({ runs: quick ? 3 : 5, quick, workDir: resultsDir, log });
  const results: GroupResult[] = [];
  try {
    for (const group of selected) {
      const groupStarted = Date.now();
      try {
        const output = await group.run(shared.context);
        results.push({
          group: group.name,
          title: group.title,
          figures: output.figures,
          data: output.data,
          missing: output.missing ?? [],
          seconds: (Date.now() - groupStarted) / 1000,
        });
      } catch (error) {
        log(`  ${group.name}: ${String(error)}`);
        results.push({
          group: group.name,
          title: group.title,
          figures: [],
          data: null,
          missing: [`the group failed: ${String(error).split('\n')[0]}`],
          seconds: (Date.now() - groupStarted) / 1000,
        });
      }
    }
  } finally {
    const chromium = shared.chromiumVersion() ?? installedChromiumVersion();
    await shared.close();
    const date = new Date().toISOString();
    const report: BenchReport = {
      schema: 2,
      date: date.slice(0, 10),
      machine: describeMachine(chromium, loadAtStart),
      options: argv,
      groups: results,
      pending: only || skip.size ? [] : pending,
    };
    const file = arg('out') ?? join(resultsDir, `bench-${date.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    console.log(formatReport(report));
    log(`Wrote ${file} in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  }
}

await main();
