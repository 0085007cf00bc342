/**
 * The editor's test page: harness.tsx bundled by Vite (with the Preact preset, as the app is), served from a
 * private origin through page.route with the production headers, CSP included. No port is needed, so this page
 * never collides with another checkout's servers.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import preact from '@preact/preset-vite';
import { build } from 'vite';
import { realGoogle } from '../../../src/config.ts';
import { productionHeaders } from '../../../src/security/headers-plugin.ts';
import type { EditorTest } from './harness.tsx';

declare global {
  var editorTest: EditorTest;
}

// A *.localhost name: a secure context (the async clipboard needs one), and page.route answers it, so nothing listens.
export const editorOrigin = 'http://editor.localhost';

const types: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
};

export async function buildHarness(): Promise<string> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'editor-e2e-'));
  await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    base: './',
    plugins: [preact()],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      rollupOptions: {
        input: path.resolve(import.meta.dirname, 'harness.tsx'),
        output: { entryFileNames: 'editor-test.js' },
      },
    },
  });
  return outDir;
}

export function removeHarness(outDir: string): void {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
}

const page = (lang: string) =>
  `<!doctype html><html lang="${lang}"><meta charset="utf-8"><title>editor</title>` +
  '<link rel="stylesheet" href="./base.css"><div id="app"></div><script type="module" src="./editor-test.js"></script>';

/** Opens the test page (again, after a reload, with the same storage). */
export async function openEditor(target: Page, outDir: string, lang = 'ja'): Promise<void> {
  await target.route(`${editorOrigin}/**`, async (route) => {
    const pathname = new URL(route.request().url()).pathname;
    const headers = { ...productionHeaders(realGoogle) };
    if (pathname === '/') {
      await route.fulfill({ headers: { ...headers, 'content-type': 'text/html; charset=utf-8' }, body: page(lang) });
      return;
    }
    const file =
      pathname === '/base.css'
        ? path.resolve(import.meta.dirname, '../../../src/styles/base.css')
        : path.join(outDir, pathname);
    try {
      const type = types[path.extname(file)] ?? 'application/octet-stream';
      await route.fulfill({ headers: { ...headers, 'content-type': type }, body: readFileSync(file) });
    } catch {
      await route.fulfill({ status: 404, body: 'not found' });
    }
  });
  await target.goto(`${editorOrigin}/`);
  await target.waitForFunction(() => 'editorTest' in globalThis);
}

/** A real paste: a trusted Ctrl+C puts `html` on the clipboard (harness copy handler), a trusted Ctrl+V pastes it. */
export async function paste(target: Page, html: string, text = ''): Promise<void> {
  const editor = target.getByRole('textbox', { name: '本文' });
  await target.evaluate(([html, text]) => editorTest.setClipboard(html, text), [html, text] as const);
  await target.locator('#clipboard-source').selectText();
  await target.keyboard.press('Control+C');
  await editor.click();
  await target.keyboard.press('Control+V');
}

/** One IME composition, as Chromium's CDP drives it: the preedit strings, then the committed text. */
export async function compose(cdp: CDPSession, preedit: readonly string[], commit: string): Promise<void> {
  for (const text of preedit) {
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  }
  await cdp.send('Input.insertText', { text: commit });
}
