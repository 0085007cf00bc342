/**
 * Playwright fixtures shared by every browser test. Import `test` and `expect` from here, not from
 * '@playwright/test', so that each test also checks, for free, the promises the app makes everywhere:
 * - no Content-Security-Policy violation (issue "Host it anywhere": the strict CSP must hold in every flow);
 * - no access token printed to the console (issue "Reliability and security").
 */
import { test as base, expect, type Page } from '@playwright/test';
import { appOrigin } from './lanes.ts';

interface Violation {
  directive: string;
  blocked: string;
  source: string;
}

declare global {
  interface Window {
    __cspViolations?: Violation[];
  }
}

// Google access tokens start with `ya29.`; the offline double issues tokens of the same shape.
const tokenPattern = /ya29\.[\w-]{8,}/;

async function collectViolations(page: Page): Promise<Violation[]> {
  const perPage = await Promise.all(
    page
      .context()
      .pages()
      .filter((each) => !each.isClosed())
      .map((each) => each.evaluate(() => window.__cspViolations ?? []).catch(() => [] as Violation[])),
  );
  return perPage.flat();
}

export const test = base.extend<{
  securityWatch: undefined;
  undoSeconds: number | null;
  bodyMode: 'rich' | 'plain' | null;
}>({
  /**
   * The body mode new messages start in (the person's saved choice, localStorage `fumi.body-mode`). Plain in the
   * suites about headers, encodings, faults and hostile text, which type into the textarea and read the text part
   * back byte for byte; the editor's own tests use rich, and null leaves the app's default (rich).
   */
  bodyMode: ['plain', { option: true }],
  /**
   * The undo window the page starts with (the person's saved choice, localStorage `fumi.undo-seconds`). Off in most
   * tests, so "Message sent." follows the click as it did before the outbox; the outbox's own tests set it, and
   * null leaves the app's default (5 s).
   */
  undoSeconds: [0, { option: true }],
  // Each worker drives the app of its own lane (test/support/lanes.ts).
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  baseURL: async ({}, use, testInfo) => {
    await use(`${appOrigin(testInfo.parallelIndex)}/`);
  },
  securityWatch: [
    async ({ page, context, undoSeconds, bodyMode }, use) => {
      if (bodyMode !== null)
        await context.addInitScript((mode) => {
          if (localStorage.getItem('fumi.body-mode') === null) localStorage.setItem('fumi.body-mode', mode);
        }, bodyMode);
      if (undoSeconds !== null)
        await context.addInitScript((seconds) => {
          // Only before the page has a choice of its own: a test that changes the setting keeps it across reloads.
          if (localStorage.getItem('fumi.undo-seconds') === null)
            localStorage.setItem('fumi.undo-seconds', String(seconds));
        }, undoSeconds);
      await context.addInitScript(() => {
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (event) => {
          window.__cspViolations?.push({
            directive: event.violatedDirective,
            blocked: event.blockedURI,
            source: `${event.sourceFile}:${event.lineNumber}`,
          });
        });
      });
      const consoleTokens: string[] = [];
      context.on('console', (message) => {
        if (tokenPattern.test(message.text())) consoleTokens.push(message.text());
      });
      await use(undefined);
      expect(await collectViolations(page), 'Content-Security-Policy violations').toEqual([]);
      expect(consoleTokens, 'access tokens printed to the console').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
