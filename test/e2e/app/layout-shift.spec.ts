/**
 * Issue 16, "No layout shift": from the first paint to a settled page (Google's scripts loaded, every after-paint
 * chunk in, Connect offered), the page does not move. CLS is computed as Web Vitals defines it: layout-shift
 * entries without recent input, grouped in session windows (gap < 1 s, window ≤ 5 s), the largest window wins.
 * Also: the prerendered shell alone, with our JavaScript held back, already shows the form in the page's language.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../../support/fixtures.ts';
import { accountRegion } from '../compose/helpers.ts';

const devices = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
const locales = { ja: 'ja-JP', en: 'en-US' } as const;
const words = {
  ja: { title: '新規メッセージ', connect: 'Gmail アカウントに接続', check: '設定の確認' },
  en: { title: 'New message', connect: 'Connect Gmail account', check: 'Check setup' },
} as const;

declare global {
  interface Window {
    __shifts?: { value: number; time: number; sources: string[] }[];
    __lcp?: number;
  }
}

async function watchLayout(page: Page) {
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
        sources?: { node?: Node | null }[];
      })[]) {
        if (entry.hadRecentInput) continue;
        const sources = (entry.sources ?? []).map((source) => {
          const node = source.node as Element | null;
          return node?.nodeName ? `${node.nodeName.toLowerCase()}.${node.className ?? ''}` : '?';
        });
        window.__shifts?.push({ value: entry.value, time: entry.startTime, sources });
      }
    }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => {
      const last = list.getEntries().at(-1);
      if (last) window.__lcp = last.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
}

/** Web Vitals CLS: the largest sum over session windows (≤ 1 s between shifts, ≤ 5 s per window). */
function cumulativeLayoutShift(shifts: readonly { value: number; time: number }[]): number {
  let worst = 0;
  let current = 0;
  let first = 0;
  let last = 0;
  for (const shift of shifts) {
    if (current > 0 && shift.time - last < 1000 && shift.time - first < 5000) {
      current += shift.value;
    } else {
      current = shift.value;
      first = shift.time;
    }
    last = shift.time;
    worst = Math.max(worst, current);
  }
  return worst;
}

for (const [language, locale] of Object.entries(locales) as [keyof typeof locales, string][]) {
  for (const [device, viewport] of Object.entries(devices)) {
    test.describe(`${language} · ${device}`, () => {
      test.use({ locale, viewport });

      test(`nothing moves from first paint to a settled page (CLS ≤ 0.01)`, async ({ page }) => {
        await watchLayout(page);
        await page.goto('./');
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await expect(accountRegion(page).getByRole('button', { name: words[language].connect })).toBeVisible({
          timeout: 20_000,
        });
        // The sent log and "Check setup" arrive after paint, below the form; give late chunks a moment.
        await expect(page.getByText(words[language].check, { exact: true })).toBeVisible();
        await page.waitForTimeout(1500);
        const shifts = await page.evaluate(() => window.__shifts ?? []);
        const cls = cumulativeLayoutShift(shifts);
        const lcp = await page.evaluate(() => window.__lcp ?? null);
        test.info().annotations.push({
          type: 'layout',
          description: `CLS ${cls.toFixed(4)}, LCP ${lcp === null ? '—' : `${Math.round(lcp)} ms`} (localhost)`,
        });
        console.log(`[layout] ${language} ${device}: CLS ${cls.toFixed(4)}, LCP ${Math.round(lcp ?? 0)} ms`);
        expect(cls, `layout shifts: ${JSON.stringify(shifts)}`).toBeLessThanOrEqual(0.01);
      });

      test('before any of our JavaScript runs, the prerendered form is shown in the page’s language', async ({
        page,
      }) => {
        // Only the app's module chunks are held back; the tiny blocking language script still runs.
        await page.route(/\/assets\/index-[^/]+\.js$/, (route) => route.abort());
        await page.goto('./');
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await expect(page.getByRole('heading', { level: 2, name: words[language].title })).toBeVisible();
        const other = language === 'ja' ? 'en' : 'ja';
        await expect(page.locator(`[data-shell="${other}"]`)).toBeHidden();
        await expect(page.locator(`[data-shell="${language}"] textarea`)).toBeVisible();
      });
    });
  }
}

test.describe('the language the first paint is drawn in', () => {
  test.use({ locale: 'en-US' });

  for (const [how, path, saved, expected] of [
    ['?lang wins over the browser', '/?lang=ja', null, 'ja'],
    ['the saved choice wins over the browser', '/', 'ja', 'ja'],
    ['?lang wins over the saved choice', '/?lang=en', 'ja', 'en'],
  ] as const) {
    test(how, async ({ page }) => {
      if (saved) await page.addInitScript((value) => localStorage.setItem('gmail-sender.language', value), saved);
      await page.route(/\/assets\/index-[^/]+\.js$/, (route) => route.abort());
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('lang', expected);
      await expect(page.getByRole('heading', { level: 2, name: words[expected].title })).toBeVisible();
    });
  }
});
