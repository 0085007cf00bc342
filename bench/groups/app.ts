/**
 * The built app in Chromium against the offline Google: time to a usable form (with Google's scripts served
 * normally, and held back), and click-to-request for a text mail with a valid token.
 */
import type { Browser, BrowserContext, Page, Route } from '@playwright/test';
import type { BenchGroup } from '../group.ts';
import { sampled } from '../result.ts';
import { formatSummary, type Summary, summarize } from '../stats.ts';
import { yes } from './format.ts';

export interface AppResults {
  /** Navigation start to the message box accepting input, Google scripts served normally. */
  usableMs: Summary;
  /** The same with /gsi/client and /js/api.js held back until the form had been typed into. */
  usableWithoutGoogleMs: Summary;
  /** True when, in every run, typing worked while both Google scripts were still held back. */
  usableBeforeGoogle: boolean;
  /** Send click to the send request leaving the page (fetch/XHR call), token valid, text only. */
  clickToRequestMs: Summary | null;
  clickToRequestError?: string;
}

interface Marks {
  usableAt?: number;
  clickAt?: number;
  requestAt?: number;
}

/**
 * Injected before any page script: notes when a textarea first accepts input (checked each frame and on every DOM
 * change), when the Send button is pressed, and when a send request starts (fetch and XHR, whichever gapi uses).
 * Plain JavaScript text, not a function: tsx would wrap a function's inner closures in helpers the page lacks.
 */
const instrument = `(() => {
  const marks = (window.__bench = {});
  const sendUrl = new RegExp('/gmail/v1/users/[^/]+/messages/send');
  const check = () => {
    if (marks.usableAt !== undefined) return;
    const box = document.querySelector('textarea');
    if (box && !box.disabled && !box.readOnly && box.getClientRects().length > 0) marks.usableAt = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
  const frame = () => {
    check();
    if (marks.usableAt === undefined) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  document.addEventListener('click', (event) => {
    const button = event.target && event.target.closest ? event.target.closest('button') : null;
    if (button && button.textContent.trim() === 'Send') marks.clickAt = performance.now();
  }, true);
  const note = (url) => {
    if (sendUrl.test(url) && marks.requestAt === undefined) marks.requestAt = performance.now();
  };
  const originalFetch = window.fetch;
  window.fetch = function (input, init) {
    note(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    return originalFetch.call(this, input, init);
  };
  const originalOpen = XMLHttpRequest.prototype.open;
  const originalSend = XMLHttpRequest.prototype.send;
  const urls = new WeakMap();
  XMLHttpRequest.prototype.open = function (...args) {
    urls.set(this, String(args[1]));
    return originalOpen.apply(this, args);
  };
  XMLHttpRequest.prototype.send = function (body) {
    note(urls.get(this) || '');
    return originalSend.call(this, body);
  };
})();`;

const marks = (page: Page) => page.evaluate(() => (window as unknown as { __bench: Marks }).__bench);

async function newInstrumentedPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'en-US' });
  await context.addInitScript({ content: instrument });
  return { context, page: await context.newPage() };
}

async function timeToUsable(browser: Browser, appUrl: string, _googleOrigin: string, holdGoogle: boolean) {
  const { context, page } = await newInstrumentedPage(browser);
  const held: Route[] = [];
  let googleScriptsLoaded = 0;
  try {
    for (const path of ['/gsi/client', '/js/api.js']) {
      await context.route(`**${path}*`, (route) => {
        if (holdGoogle) held.push(route);
        else {
          googleScriptsLoaded += 1;
          void route.continue();
        }
      });
    }
    await page.goto(appUrl, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { __bench: Marks }).__bench.usableAt !== undefined);
    const usableAt = (await marks(page)).usableAt!;
    // Prove it: type into the message box as a user would.
    const box = page.getByRole('textbox', { name: /message/i });
    await box.pressSequentially('typed before Google', { delay: 0 });
    // The first focus swaps the plain box for the rich editor (a contenteditable): read whichever holds the text.
    const text = await box.evaluate((element) =>
      element instanceof HTMLTextAreaElement ? element.value : (element.textContent ?? ''),
    );
    const typed = text.includes('typed before Google');
    const stillHeld = holdGoogle && held.length >= 1 && googleScriptsLoaded === 0;
    return { usableAt, typedWhileHeld: typed && stillHeld };
  } finally {
    for (const route of held) await route.abort().catch(() => {});
    await context.close();
  }
}

async function post(url: string, body: unknown): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
}

async function outboxCount(googleOrigin: string): Promise<number> {
  return ((await (await fetch(`${googleOrigin}/__control/outbox`)).json()) as unknown[]).length;
}

async function clickToRequest(browser: Browser, appUrl: string, googleOrigin: string, runs: number) {
  await post(`${googleOrigin}/__control/reset`, {});
  await post(`${googleOrigin}/__control/consent-script`, {
    script: { action: 'approve', account: 'alice@example.com' },
  });
  const { context, page } = await newInstrumentedPage(browser);
  const times: number[] = [];
  try {
    // The undo window off (the person's choice, kept in this browser): click to request is then the outbox's path
    // with no wait: IndexedDB writes before the request included.
    await context.addInitScript(() => localStorage.setItem('fumi.undo-seconds', '0'));
    await page.goto(appUrl);
    await page.getByRole('button', { name: 'Connect Gmail account' }).click({ timeout: 20_000 });
    await page.getByText('alice@example.com').first().waitFor({ timeout: 20_000 });
    for (let i = 0; i < runs; i++) {
      const before = await outboxCount(googleOrigin);
      await page.evaluate(() => {
        const m = (window as unknown as { __bench: Marks }).__bench;
        m.clickAt = undefined;
        m.requestAt = undefined;
      });
      const to = page
        .getByRole('combobox', { name: 'To' })
        .or(page.getByRole('textbox', { name: 'To' }))
        .first();
      await to.fill('bob@example.com');
      await to.press('Enter');
      await page.getByRole('textbox', { name: 'Subject' }).fill(`Benchmark ${i + 1}`);
      await page.getByRole('textbox', { name: /message/i }).fill('こんにちは。A text-only benchmark mail.');
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await page.waitForFunction(() => (window as unknown as { __bench: Marks }).__bench.requestAt !== undefined, {
        timeout: 20_000,
      });
      const m = await marks(page);
      times.push(m.requestAt! - m.clickAt!);
      // Wait until the double has the mail, so the next run starts from a settled page.
      for (let waited = 0; (await outboxCount(googleOrigin)) <= before && waited < 10_000; waited += 100) {
        await page.waitForTimeout(100);
      }
      if ((await outboxCount(googleOrigin)) <= before) throw new Error(`send ${i + 1} did not reach the outbox`);
      await page.waitForTimeout(300);
    }
  } finally {
    await context.close();
  }
  return summarize(times);
}

export async function measureApp(
  browser: Browser,
  appUrl: string,
  googleOrigin: string,
  runs: number,
  log: (line: string) => void,
): Promise<AppResults> {
  const usable: number[] = [];
  const usableHeld: number[] = [];
  let usableBeforeGoogle = true;
  for (let i = 0; i < runs; i++) {
    usable.push((await timeToUsable(browser, appUrl, googleOrigin, false)).usableAt);
    const held = await timeToUsable(browser, appUrl, googleOrigin, true);
    usableHeld.push(held.usableAt);
    usableBeforeGoogle &&= held.typedWhileHeld;
  }
  log(
    `  usable form: ${summarize(usable).median.toFixed(0)} ms; with Google held: ${summarize(usableHeld).median.toFixed(0)} ms`,
  );
  let clickToRequestMs: Summary | null = null;
  let clickToRequestError: string | undefined;
  try {
    clickToRequestMs = await clickToRequest(browser, appUrl, googleOrigin, runs);
    log(`  click to request: ${clickToRequestMs.median.toFixed(1)} ms`);
  } catch (error) {
    clickToRequestError = error instanceof Error ? error.message.split('\n')[0] : String(error);
    log(`  click to request: ERROR ${clickToRequestError}`);
  }
  return {
    usableMs: summarize(usable),
    usableWithoutGoogleMs: summarize(usableHeld),
    usableBeforeGoogle,
    clickToRequestMs,
    ...(clickToRequestError ? { clickToRequestError } : {}),
  };
}

export const app: BenchGroup<AppResults> = {
  name: 'app',
  title: 'The app',
  async run(ctx) {
    const [browser, served, google] = await Promise.all([ctx.browser(), ctx.app(), ctx.google()]);
    ctx.log('The app:');
    const data = await measureApp(browser, `${served.origin}/?lang=en`, google.origin, ctx.runs, ctx.log);
    return {
      data,
      figures: [
        sampled({ id: 'app.usable', label: 'Time to a usable form (localhost)', unit: 'ms' }, data.usableMs.runs),
        sampled(
          {
            id: 'app.usable-google-held',
            label: "Time to a usable form, Google's scripts held back",
            unit: 'ms',
            note: `typed before they loaded: ${data.usableBeforeGoogle ? 'yes' : 'no'}`,
          },
          data.usableWithoutGoogleMs.runs,
        ),
        sampled(
          { id: 'app.click-to-request', label: 'Click Send → request leaves (text, valid token)', unit: 'ms' },
          data.clickToRequestMs?.runs ?? [],
        ),
      ],
      missing: data.clickToRequestError ? [`click to request: ${data.clickToRequestError}`] : [],
    };
  },
  render({ data: a }) {
    return [
      '| Page | Result | Target |',
      '|---|---|---|',
      `| Time to a usable form (localhost) | ${formatSummary(a.usableMs, 0, ' ms')} | |`,
      `| … with Google's scripts held back | ${formatSummary(a.usableWithoutGoogleMs, 0, ' ms')}; typed before they loaded: ${yes(a.usableBeforeGoogle)} | must be usable |`,
      `| Click Send → request leaves (text, valid token) | ${a.clickToRequestMs ? formatSummary(a.clickToRequestMs, 1, ' ms') : `n/a (${a.clickToRequestError ?? 'not measured'})`} | |`,
    ];
  },
};
