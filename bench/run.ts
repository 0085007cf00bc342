/**
 * `npm run bench`: builds the app and the benchmark pages, starts the offline Google on a free port, and measures
 * in headless Chromium. Prints a Markdown table (for the README's "Performance") and writes
 * bench/results/bench-<date>.json. Numbers are reported, never judged: only the byte budget test fails CI.
 *
 * Options: --quick (3 runs instead of 5), --skip builders,wire,app,size (comma-separated parts to leave out).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { offlineGoogle } from '../src/config.ts';
import { productionHeaders } from '../src/security/headers-plugin.ts';
import { startOfflineGoogle } from '../test/offline-google/server.ts';
import { type AppResults, measureApp } from './app.ts';
import { launchBrowser } from './browser.ts';
import { buildBenchPages, pageScriptGzip } from './build-pages.ts';
import { type BuildRow, MiB, measureBuilder } from './builders.ts';
import { buildApp, type FirstLoad, measureFirstLoad } from './first-load.ts';
import { type BenchResults, formatReport, type Machine } from './report.ts';
import { serveStatic } from './static-server.ts';
import { measureWire, type WireRow } from './wire.ts';

const resultsDir = resolve(import.meta.dirname, 'results');
const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? '') : null;
};
const quick = process.argv.includes('--quick');
const skip = new Set((arg('skip') ?? '').split(',').filter(Boolean));
const runs = quick ? 3 : 5;
const log = (line: string) => console.error(line);

function osName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    if (pretty) return `${pretty} (kernel ${release()})`;
  } catch {}
  return `${process.platform} ${release()}`;
}

/** Minified+gzip bytes of each builder's own page JavaScript, the harness subtracted. */
function builderWeights(pagesDir: string): Record<string, number> {
  const harness = pageScriptGzip(pagesDir, 'baseline');
  const names: Record<string, string> = {
    ours: 'ours (main thread)',
    mimetext: 'mimetext',
    emailjs: 'emailjs-mime-builder',
  };
  return Object.fromEntries(
    Object.entries(names).map(([page, name]) => [name, pageScriptGzip(pagesDir, page) - harness]),
  );
}

async function main() {
  mkdirSync(resultsDir, { recursive: true });
  const missing: string[] = [];
  const started = Date.now();

  let firstLoad: FirstLoad | null = null;
  if (!skip.has('size')) {
    log('Building the production app for the first-load count…');
    const prodDir = join(resultsDir, '.prod');
    try {
      await buildApp({ outDir: prodDir, mode: 'production' });
      firstLoad = measureFirstLoad(prodDir);
    } catch (error) {
      missing.push(`first-load size: the production build failed (${String(error).split('\n')[0]})`);
    }
  }

  // port 0: the double finds a free block of consecutive ports (one per Google host).
  const google = await startOfflineGoogle({ port: 0 });
  const appDir = join(resultsDir, '.app');
  const pagesDir = join(resultsDir, '.pages');
  let appServer: Awaited<ReturnType<typeof serveStatic>> | null = null;
  if (!skip.has('app')) {
    log(`Building the app for the offline Google at ${google.origin}…`);
    try {
      await buildApp({ outDir: appDir, mode: 'offline', env: { VITE_OFFLINE_GOOGLE_ORIGIN: google.origin } });
      // Same headers as `vite preview` gives the app (CSP included), so the page runs as deployed.
      appServer = await serveStatic(appDir, 0, productionHeaders(offlineGoogle(google.origin)));
    } catch (error) {
      missing.push(`app timings: the offline build failed (${String(error).split('\n')[0]})`);
    }
  }
  log('Bundling the benchmark pages (our builder, mimetext, emailjs-mime-builder, the sender)…');
  await buildBenchPages(pagesDir);
  const pages = await serveStatic(pagesDir);
  const browser = await launchBrowser();

  const builders: BuildRow[] = [];
  let wire: WireRow[] = [];
  let app: AppResults | null = null;
  try {
    if (!skip.has('builders')) {
      log('Message building:');
      // emailjs-mime-builder takes seconds per large message: three runs are enough to show it.
      const slow = (bytes: number) => (bytes >= 10 * MiB ? 3 : runs);
      for (const [page, name, runsFor] of [
        ['ours', 'ours (main thread)', () => runs],
        ['ours-worker', 'ours (worker, as the app)', () => runs],
        ['mimetext', 'mimetext', () => runs],
        ['emailjs', 'emailjs-mime-builder', (c: { attachmentBytes: number }) => slow(c.attachmentBytes)],
      ] as const) {
        builders.push(...(await measureBuilder(browser, `${pages.origin}/${page}/${page}.html`, name, runsFor, log)));
      }
    }
    if (!skip.has('wire')) {
      log('Bytes on the wire:');
      try {
        wire = await measureWire(browser, pages.origin, google.origin, log);
      } catch (error) {
        missing.push(`bytes on the wire: ${String(error).split('\n')[0]}`);
      }
    }
    if (appServer) {
      log('The app:');
      try {
        app = await measureApp(browser, `${appServer.origin}/?lang=en`, google.origin, runs, log);
      } catch (error) {
        missing.push(`app timings: ${String(error).split('\n')[0]}`);
      }
    }
  } finally {
    const chromiumVersion = browser.version();
    await browser.close();
    await pages.close();
    await appServer?.close();
    await google.close();
    const machine: Machine = {
      cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
      cores: cpus().length,
      memoryGiB: totalmem() / 2 ** 30,
      os: osName(),
      node: process.version,
      chromium: chromiumVersion,
    };
    const date = new Date().toISOString();
    const results: BenchResults = {
      date: date.slice(0, 10),
      machine,
      firstLoad,
      builderWeights: builders.length ? builderWeights(pagesDir) : {},
      builders,
      wire,
      app,
      missing,
    };
    const file = join(resultsDir, `bench-${date.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    console.log(formatReport(results));
    log(`Wrote ${file} in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  }
}

await main();
