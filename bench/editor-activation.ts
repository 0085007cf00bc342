/**
 * The rich editor's first activation in the built app (src/compose/ui/BodyArea.tsx): the compose page paints a
 * plain textarea and swaps in the Squire editor on the first click in the body. Measured from that click (the
 * `pointerdown` event's own timestamp) to the first moment the focused element is the editor, contenteditable,
 * checked on every DOM change, focus change and frame; then text typed at once must land in it (and when it does not,
 * text typed a second later is tried, and both are counted). Two cases, each in a fresh browser context:
 * - prefetched: the page was left idle until the editor's chunk had arrived (`requestIdleCallback` fetches it), as
 *   when a person reads the page before writing;
 * - cold: the chunk's files (from Vite's manifest) held back by the network until the click, then let through: a
 *   click before the idle fetch finished, on a cold cache (Playwright's routing also bypasses the HTTP cache).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page, Route } from '@playwright/test';
import { type Summary, summarize } from './stats.ts';

export interface EditorActivation {
  /** Click → focused and editable. */
  prefetchedMs: Summary;
  coldMs: Summary;
  /**
   * Runs in which text typed at once after the editor took focus did not land, and of those, how many also lost
   * what was typed a second later. Both 0 when typing works; not a time, so reported beside the times.
   */
  lostAtOnce: { prefetched: number; cold: number; alsoLostLater: number };
  runs: number;
  /** The files held back in the cold case (the editor's chunk, the compose extras and what only they import). */
  chunkFiles: string[];
}

type Manifest = Record<string, { file: string; imports?: string[]; css?: string[]; isEntry?: boolean }>;

/** The files the body's lazy modules add to the first load: the editor and the compose extras, with what they import. */
export function editorChunkFiles(appDir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(appDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const closure = (keys: string[]) => {
    const files = new Set<string>();
    const seen = new Set<string>();
    const visit = (key: string) => {
      if (seen.has(key) || !manifest[key]) return;
      seen.add(key);
      files.add(manifest[key].file);
      for (const css of manifest[key].css ?? []) files.add(css);
      for (const imported of manifest[key].imports ?? []) visit(imported);
    };
    for (const key of keys) visit(key);
    return files;
  };
  const firstLoad = closure(Object.keys(manifest).filter((key) => manifest[key]!.isEntry));
  const lazy = closure(['src/editor/index.ts', 'src/compose/ui/ComposeExtras.tsx']);
  if (!manifest['src/editor/index.ts']) throw new Error('the build has no src/editor/index.ts chunk');
  return [...lazy].filter((file) => !firstLoad.has(file));
}

/** Plain JavaScript (see bench/groups/app.ts for why not a function). */
const instrument = `(() => {
  const marks = (window.__editorBench = {});
  document.addEventListener('pointerdown', (event) => {
    if (marks.clickAt === undefined && event.target && event.target.id === 'body') marks.clickAt = event.timeStamp;
  }, true);
  const check = () => {
    if (marks.clickAt === undefined || marks.editableAt !== undefined) return;
    const focused = document.activeElement;
    if (focused && focused.id === 'body' && focused.isContentEditable) marks.editableAt = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
  document.addEventListener('focusin', check, true);
  const frame = () => {
    check();
    if (marks.editableAt === undefined) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

interface Marks {
  clickAt?: number;
  editableAt?: number;
}

export interface ActivationRun {
  /** Click → the editor focused and contenteditable. */
  focusedMs: number;
  /** Whether text typed at once after that moment stayed in the editor. */
  typedAtOnceKept: boolean;
  /** When it did not: whether text typed a second later did. */
  typedLaterKept: boolean | null;
}

/** Types `text` and waits up to 3 s for it to be in the editor. */
async function typeAndCheck(page: Page, text: string): Promise<boolean> {
  await page.keyboard.type(text);
  return page
    .waitForFunction((wanted) => document.querySelector('#body')?.textContent?.includes(wanted), text, {
      timeout: 3000,
    })
    .then(
      () => true,
      () => false,
    );
}

async function activate(page: Page): Promise<ActivationRun> {
  await page.locator('#body').click();
  await page.waitForFunction(
    () => (window as unknown as { __editorBench: Marks }).__editorBench.editableAt !== undefined,
    undefined,
    { timeout: 20_000 },
  );
  const marks = await page.evaluate(() => (window as unknown as { __editorBench: Marks }).__editorBench);
  // Prove it: what the person types goes into the editor; typed at once, and if that was lost, a second later.
  const typedAtOnceKept = await typeAndCheck(page, 'こんにちは');
  let typedLaterKept: boolean | null = null;
  if (!typedAtOnceKept) {
    await page.waitForTimeout(1000);
    typedLaterKept = await typeAndCheck(page, 'a second later');
  }
  return { focusedMs: marks.editableAt! - marks.clickAt!, typedAtOnceKept, typedLaterKept };
}

async function once(browser: Browser, appUrl: string, held: string[] | null): Promise<ActivationRun> {
  const context = await browser.newContext({ locale: 'en-US' });
  const waiting: Route[] = [];
  try {
    await context.addInitScript({ content: instrument });
    if (held) {
      await context.route(
        (url) => held.some((file) => url.pathname.endsWith(`/${file}`)),
        (route) => void waiting.push(route),
      );
    }
    const page = await context.newPage();
    await page.goto(appUrl);
    if (held) {
      // The idle fetch asks for the chunk and waits for it; the click comes first. (Not `networkidle`: the page
      // keeps a request open to the offline Google, so the network never goes quiet.)
      for (let waited = 0; waiting.length === 0; waited += 50) {
        if (waited > 20_000) throw new Error('the editor chunk was not requested while the page was idle');
        await page.waitForTimeout(50);
      }
      const clicked = activate(page);
      await page.waitForFunction(
        () => (window as unknown as { __editorBench: Marks }).__editorBench.clickAt !== undefined,
      );
      for (const route of waiting.splice(0)) await route.continue();
      await context.unroute(() => true);
      return await clicked;
    }
    // Prefetched: the chunk has arrived and been evaluated (the format switch replaced its disabled placeholder).
    await page.locator('.format-mode__choice:not([disabled])').waitFor({ timeout: 20_000 });
    return await activate(page);
  } finally {
    for (const route of waiting) await route.abort().catch(() => {});
    await context.close();
  }
}

export async function measureEditorActivation(
  browser: Browser,
  appOrigin: string,
  appDir: string,
  runs: number,
): Promise<EditorActivation> {
  const files = editorChunkFiles(appDir);
  const url = `${appOrigin}/?lang=en`;
  const prefetched: ActivationRun[] = [];
  const cold: ActivationRun[] = [];
  for (let i = 0; i < runs; i++) {
    prefetched.push(await once(browser, url, null));
    cold.push(await once(browser, url, files));
  }
  const lost = (all: ActivationRun[]) => all.filter((run) => !run.typedAtOnceKept).length;
  const alsoLostLater = [...prefetched, ...cold].filter((run) => run.typedLaterKept === false).length;
  return {
    prefetchedMs: summarize(prefetched.map((run) => run.focusedMs)),
    coldMs: summarize(cold.map((run) => run.focusedMs)),
    lostAtOnce: { prefetched: lost(prefetched), cold: lost(cold), alsoLostLater },
    runs: runs * 2,
    chunkFiles: files,
  };
}
