/**
 * What the compose page downloads of our own before it is usable: the HTML entry chunk, every chunk it imports
 * statically (transitively), and their CSS. Lazy chunks (dynamic `import()`), workers and Google's scripts are not
 * part of it. Shared by `npm run size`, the byte-budget test and `npm run bench`.
 *
 * The file list comes from Vite's manifest (`build.manifest: true`), cross-checked against what index.html
 * references, so a renamed chunk or a new static import is counted without anyone editing a list of names.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, type InlineConfig } from 'vite';

/** Budget from issue 10: gzip bytes of our own first-load JavaScript. */
export const firstLoadBudgetGzipBytes = 20 * 1024;

export interface FileSize {
  file: string;
  kind: 'js' | 'css';
  raw: number;
  gzip: number;
  brotli: number;
}

export interface FirstLoad {
  files: FileSize[];
  /** JavaScript only: the number the budget checks. */
  js: { raw: number; gzip: number; brotli: number };
  css: { raw: number; gzip: number; brotli: number };
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  src?: string;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

const projectRoot = resolve(import.meta.dirname, '..');

/**
 * Builds the app with the project's own vite.config.ts into `outDir`, with a manifest and without source maps.
 * `env` values are set as process env for the build (Vite gives them priority over `.env*` files); NODE_ENV is
 * always `production`, as in `vite build`.
 */
export async function buildApp(options: { outDir: string; mode: string; env?: Record<string, string> }) {
  const saved: Record<string, string | undefined> = {};
  // Vitest sets NODE_ENV=test, which would make Vite bundle development builds of Preact: measure what ships.
  const env = { NODE_ENV: 'production', ...options.env };
  for (const [key, value] of Object.entries(env)) {
    saved[key] = process.env[key];
    process.env[key] = value;
  }
  try {
    const config: InlineConfig = {
      root: projectRoot,
      configFile: join(projectRoot, 'vite.config.ts'),
      mode: options.mode,
      logLevel: 'error',
      build: { outDir: options.outDir, emptyOutDir: true, manifest: true, sourcemap: false },
    };
    await build(config);
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

function readManifest(outDir: string): Manifest {
  return JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
}

/** Local files index.html loads by itself (scripts, module preloads, stylesheets); external URLs are ignored. */
export function htmlReferences(html: string): string[] {
  const refs: string[] = [];
  const tag = /<(script|link)\b[^>]*>/gi;
  for (const match of html.matchAll(tag)) {
    const text = match[0];
    const isScript = match[1]?.toLowerCase() === 'script';
    const rel = /\brel="([^"]*)"/i.exec(text)?.[1]?.toLowerCase() ?? '';
    if (!isScript && rel !== 'stylesheet' && rel !== 'modulepreload') continue;
    const url = (isScript ? /\bsrc="([^"]*)"/i : /\bhref="([^"]*)"/i).exec(text)?.[1];
    if (!url || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) continue;
    refs.push(url.replace(/^\.?\//, ''));
  }
  return refs;
}

/**
 * The first-load file list of a build made with `build.manifest: true`: the HTML entry and its static import
 * closure with CSS, in load order. Throws when index.html references a local script or stylesheet that the
 * manifest graph does not explain, because the count would then be wrong.
 */
export function firstLoadFiles(outDir: string): string[] {
  const manifest = readManifest(outDir);
  const entry = Object.entries(manifest).find(([key, chunk]) => chunk.isEntry && key.endsWith('index.html'));
  if (!entry) throw new Error(`No index.html entry in ${outDir}/.vite/manifest.json`);
  const files: string[] = [];
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`Manifest import ${key} has no chunk`);
    for (const imported of chunk.imports ?? []) visit(imported);
    for (const css of chunk.css ?? []) if (!files.includes(css)) files.push(css);
    files.push(chunk.file);
  };
  visit(entry[0]);

  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  // Classic blocking scripts (the first-paint language script, src/app/shell) are our own first-load JS too.
  for (const script of classicScripts(html)) if (!files.includes(script)) files.unshift(script);
  const unexplained = htmlReferences(html).filter((ref) => /\.(m?js|css)$/.test(ref) && !files.includes(ref));
  if (unexplained.length > 0) {
    throw new Error(`index.html loads files the manifest graph does not explain: ${unexplained.join(', ')}`);
  }
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].filter((m) => m[1]?.trim());
  if (inline.length > 0) throw new Error('index.html has inline scripts; count them before trusting the budget');
  return files;
}

/** Local `<script src>` files that are not modules: outside Vite's module graph, loaded before first paint. */
export function classicScripts(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*>/gi)]
    .map((match) => match[0])
    .filter((tag) => !/\btype="module"/i.test(tag))
    .map((tag) => /\bsrc="([^"]*)"/i.exec(tag)?.[1])
    .filter((url): url is string => Boolean(url) && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url ?? ''))
    .map((url) => url.replace(/^\.?\//, ''));
}

function sizeOf(bytes: Buffer) {
  return {
    raw: bytes.length,
    // Default gzip level (6), what servers and CDNs use when they compress on the fly: the conservative figure.
    gzip: gzipSync(bytes).length,
    // Quality 11, what static hosts precompress with.
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** Sizes of each first-load file of a finished build (each compressed on its own: one HTTP response each). */
export function measureFirstLoad(outDir: string): FirstLoad {
  const files = firstLoadFiles(outDir).map((file): FileSize => {
    const kind = file.endsWith('.css') ? 'css' : 'js';
    return { file, kind, ...sizeOf(readFileSync(join(outDir, file))) };
  });
  const sum = (kind: FileSize['kind']) =>
    files
      .filter((f) => f.kind === kind)
      .reduce((acc, f) => ({ raw: acc.raw + f.raw, gzip: acc.gzip + f.gzip, brotli: acc.brotli + f.brotli }), {
        raw: 0,
        gzip: 0,
        brotli: 0,
      });
  return { files, js: sum('js'), css: sum('css') };
}

/** Human-readable lines for a terminal or a test log. */
export function formatFirstLoad(result: FirstLoad): string {
  const kb = (n: number) => `${(n / 1024).toFixed(2)} KB`;
  const lines = result.files.map(
    (f) => `  ${f.file.padEnd(40)} ${kb(f.raw).padStart(10)} raw ${kb(f.gzip).padStart(10)} gzip ${kb(f.brotli)} br`,
  );
  lines.push(
    `  JS total: ${kb(result.js.gzip)} gzip, ${kb(result.js.brotli)} brotli (budget ${kb(firstLoadBudgetGzipBytes)} gzip)`,
    `  CSS total: ${kb(result.css.gzip)} gzip, ${kb(result.css.brotli)} brotli`,
  );
  return lines.join('\n');
}
