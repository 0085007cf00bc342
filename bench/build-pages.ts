/** Bundles the benchmark pages (bench/pages/*.html: our builder and the two anchors) with Vite, minified. */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const pagesRoot = resolve(import.meta.dirname, 'pages');

export async function buildBenchPages(outDir: string): Promise<void> {
  const input = Object.fromEntries(
    readdirSync(pagesRoot)
      .filter((f) => f.endsWith('.html'))
      .map((f) => [f.replace(/\.html$/, ''), join(pagesRoot, f)]),
  );
  await build({
    root: pagesRoot,
    configFile: false,
    base: './',
    mode: 'production',
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, target: 'es2022', manifest: true, rollupOptions: { input } },
    worker: { format: 'es' },
  });
}
