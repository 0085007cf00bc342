/**
 * The production build must carry nothing of the offline Google: no URL of it, no control route, no code from
 * test/offline-google. The same scan over an offline-mode build must find the double, so this test can fail.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;
const viteBin = join(root, 'node_modules/vite/bin/vite.js');
const outDirs: string[] = [];

function build(mode: 'production' | 'offline'): Map<string, string> {
  const outDir = mkdtempSync(join(tmpdir(), `bundle-${mode}-`));
  outDirs.push(outDir);
  const env = { ...process.env };
  // A developer shell or CI may export these; the production build must be judged without them.
  delete env.VITE_GOOGLE_CLIENT_ID;
  delete env.VITE_OFFLINE_GOOGLE_ORIGIN;
  delete env.VITEST;
  execFileSync(
    process.execPath,
    [viteBin, 'build', '--mode', mode, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
    {
      cwd: root,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(js|mjs|css|html|json|map|txt|svg|webmanifest)$|^_headers$/.test(name))
        files.set(path.slice(outDir.length + 1), readFileSync(path, 'utf8'));
    }
  };
  walk(outDir);
  return files;
}

function filesContaining(files: Map<string, string>, needle: string): string[] {
  return [...files].filter(([, text]) => text.includes(needle)).map(([name]) => name);
}

const doubleMarkers = [
  '127.0.0.1:8790',
  'offline-google',
  '__control',
  'offline-demo-client',
  'offline-gsi',
  'GSI_LOGGER',
];

afterAll(() => {
  for (const dir of outDirs) rmSync(dir, { recursive: true, force: true });
});

describe('production bundle stays clean of the offline Google', () => {
  it('vite build (production) contains no URL, route or code of the double, source maps included', () => {
    const files = build('production');
    expect(files.size).toBeGreaterThan(0);
    for (const marker of doubleMarkers) expect(filesContaining(files, marker), marker).toEqual([]);
    // The app already names Google's real endpoints (src/config.ts realGoogle), so the bundle must carry them.
    expect(filesContaining(files, 'https://accounts.google.com/gsi/client').length).toBeGreaterThan(0);
    expect(filesContaining(files, 'https://apis.google.com/js/api.js').length).toBeGreaterThan(0);
  }, 120_000);

  it('the same scan finds the double in an offline-mode build (the check can fail)', () => {
    const files = build('offline');
    expect(filesContaining(files, '127.0.0.1:8790').length).toBeGreaterThan(0);
  }, 120_000);
});
