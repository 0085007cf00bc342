/**
 * The one size check that may fail CI (issue 10): gzip bytes of our own JavaScript that the compose page needs
 * before it is usable. Builds the production app (no client ID needed) into a temporary folder, reads Vite's
 * manifest for the entry chunk and its static imports, and compares with the budget.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildApp,
  type FirstLoad,
  firstLoadBudgetGzipBytes,
  firstLoadFiles,
  formatFirstLoad,
  htmlReferences,
  measureFirstLoad,
} from '../../../bench/first-load.ts';

describe('first-load JavaScript budget', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'fumi-budget-'));
  let result: FirstLoad;

  beforeAll(async () => {
    await buildApp({ outDir, mode: 'production' });
    result = measureFirstLoad(outDir);
    console.log(`First-load JavaScript of our own:\n${formatFirstLoad(result)}`);
  }, 60_000);

  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('counts the entry chunk index.html loads, and every static import of it', () => {
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const entryScripts = htmlReferences(html).filter((ref) => ref.endsWith('.js'));
    expect(entryScripts.length).toBeGreaterThan(0);
    for (const script of entryScripts) expect(firstLoadFiles(outDir)).toContain(script);
    expect(result.js.raw).toBeGreaterThan(1000);
  });

  it(`stays within ${firstLoadBudgetGzipBytes} bytes gzip`, () => {
    expect(result.js.gzip).toBeLessThanOrEqual(firstLoadBudgetGzipBytes);
  });

  it('refuses to count a build whose index.html loads a script the manifest does not explain', () => {
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const tampered = html.replace('</head>', '<script type="module" src="./assets/smuggled.js"></script></head>');
    writeFileSync(join(outDir, 'index.html'), tampered);
    try {
      expect(() => firstLoadFiles(outDir)).toThrow(/smuggled\.js/);
    } finally {
      writeFileSync(join(outDir, 'index.html'), html);
    }
  });
});

describe('htmlReferences', () => {
  it('lists local scripts, module preloads and stylesheets, not external or other links', () => {
    const html = [
      '<link rel="icon" href="./favicon.svg">',
      '<script type="module" crossorigin src="./assets/index-abc.js"></script>',
      '<link rel="modulepreload" crossorigin href="./assets/vendor-def.js">',
      '<link rel="stylesheet" crossorigin href="/assets/index-123.css">',
      '<script async src="https://accounts.google.com/gsi/client"></script>',
    ].join('\n');
    expect(htmlReferences(html)).toEqual(['assets/index-abc.js', 'assets/vendor-def.js', 'assets/index-123.css']);
  });
});
