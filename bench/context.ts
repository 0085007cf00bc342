/**
 * The shared resources of one `npm run bench`: each is started the first time a group asks for it and closed at the
 * end, so `--only builders` neither builds the app nor starts the offline Google.
 */
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type { Browser } from '@playwright/test';
import { preview } from 'vite';
import { startOfflineGoogle } from '../test/offline-google/server.ts';
import { launchBrowser } from './browser.ts';
import { buildBenchPages } from './build-pages.ts';
import { buildApp } from './first-load.ts';
import type { BenchContext, Served } from './group.ts';
import { serveStatic } from './static-server.ts';

const projectRoot = resolve(import.meta.dirname, '..');

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** `vite preview` of a built app, with the project's config (its production headers) and the env it was built with. */
async function previewApp(outDir: string, env: Record<string, string>): Promise<Served> {
  const port = await freePort();
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  // vite.config.ts computes the CSP from VITE_* at config load; process env wins over .env.offline there.
  Object.assign(process.env, env);
  try {
    const server = await preview({
      root: projectRoot,
      configFile: join(projectRoot, 'vite.config.ts'),
      mode: 'offline',
      logLevel: 'error',
      build: { outDir },
      preview: { host: '127.0.0.1', port, strictPort: true, open: false },
    });
    return {
      origin: `http://127.0.0.1:${port}`,
      close: () => server.close(),
    };
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

function once<T>(start: () => Promise<T>): () => Promise<T> {
  let started: Promise<T> | null = null;
  return () => {
    started ??= start();
    return started;
  };
}

export function createContext(options: { runs: number; quick: boolean; workDir: string; log(line: string): void }) {
  const closers: (() => Promise<void>)[] = [];
  let launched: Browser | null = null;
  const { log, workDir } = options;

  const browser = once(async () => {
    launched = await launchBrowser();
    closers.push(() => launched!.close());
    return launched;
  });
  const pages = once(async () => {
    log('Bundling the benchmark pages…');
    const dir = join(workDir, '.pages');
    await buildBenchPages(dir);
    const server = await serveStatic(dir);
    closers.push(server.close);
    return { ...server, dir };
  });
  const google = once(async () => {
    const server = await startOfflineGoogle({ port: await freePort() });
    closers.push(() => server.close());
    return server;
  });
  const app = once(async () => {
    const { origin } = await google();
    log(`Building the app (vite build --mode offline) for the offline Google at ${origin}…`);
    const dir = join(workDir, '.app');
    const env = { VITE_OFFLINE_GOOGLE_ORIGIN: origin };
    await buildApp({ outDir: dir, mode: 'offline', env });
    const server = await previewApp(dir, env);
    closers.push(server.close);
    return { ...server, dir };
  });

  const context: BenchContext = {
    runs: options.runs,
    quick: options.quick,
    log,
    browser,
    pages,
    google,
    app,
    freePort,
  };
  return {
    context,
    /** The browser's version if one was launched. */
    chromiumVersion: () => (launched ? launched.version() : null),
    async close() {
      for (const close of closers.reverse()) await close().catch(() => {});
    },
  };
}
