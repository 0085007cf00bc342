/**
 * Builds one browser entry (with its module workers) into a fresh temporary folder, the way the module-level browser
 * tests load our code into Chromium without the app around it. Returns the folder.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';

export async function buildBrowserEntry(entry: string, fileName: string, prefix: string): Promise<string> {
  const outDir = mkdtempSync(path.join(tmpdir(), prefix));
  await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    base: './',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      rollupOptions: { input: entry, output: { entryFileNames: fileName } },
    },
    worker: { format: 'es' },
  });
  return outDir;
}
