/**
 * Bundles the benchmark pages (bench/pages/*.html) with Vite, minified, each in a build of its own under
 * `<outDir>/<page>/`, so no chunk is shared between builders and each page's JavaScript is that builder's weight
 * (plus the small harness, measured alone as `baseline`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const pagesRoot = resolve(import.meta.dirname, 'pages');

export const benchPages = readdirSync(pagesRoot)
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.replace(/\.html$/, ''));

export async function buildBenchPages(outDir: string): Promise<void> {
  for (const page of benchPages) {
    await build({
      root: pagesRoot,
      configFile: false,
      base: './',
      mode: 'production',
      logLevel: 'error',
      build: {
        outDir: join(outDir, page),
        emptyOutDir: true,
        target: 'es2022',
        manifest: true,
        rollupOptions: { input: { [page]: join(pagesRoot, `${page}.html`) } },
      },
      worker: { format: 'es' },
    });
  }
}

/** gzip bytes of the JavaScript a page loads up front (entry and static imports; not workers or lazy chunks). */
export function pageScriptGzip(outDir: string, page: string): number {
  type Chunk = { file: string; imports?: string[] };
  const dir = join(outDir, page);
  const manifest = JSON.parse(readFileSync(join(dir, '.vite', 'manifest.json'), 'utf8')) as Record<string, Chunk>;
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  visit(`${page}.html`);
  return [...seen]
    .map((key) => manifest[key]!.file)
    .filter((file) => file.endsWith('.js'))
    .reduce((n, file) => n + gzipSync(readFileSync(join(dir, file))).length, 0);
}
