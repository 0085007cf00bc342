/**
 * The production lane: the shipped bundle (`npm run build`, Google's real URLs and the real CSP) against the
 * offline Google answering Google's real hostnames.
 *
 * How the hostnames reach the double: Chromium's `--host-resolver-rules` maps accounts.google.com, apis.google.com,
 * content.googleapis.com, www.googleapis.com, gmail.googleapis.com, oauth2.googleapis.com and mail.google.com to
 * one local HTTPS listener (self-signed certificate, `--ignore-certificate-errors`), which routes by Host. Chosen
 * over Playwright's request interception (`context.route`) after measuring both (Chromium 156, Playwright 1.65):
 * a POST with a request header outside the double's preflight list failed with "Failed to fetch" through the
 * mapping, exactly as against Google, but came back 401 through `context.route`, because Playwright answers CORS
 * preflights itself and allows every header (the route handler never saw the OPTIONS). With the mapping the page
 * makes real sockets: real preflights, real CORS checks, real dropped connections (the double's
 * ERR_RESPONSE_HEADERS_TRUNCATED cut, which `route.abort` cannot produce after a request was accepted).
 *
 * Each worker has its own double (its state is global), its own browser with the mapping, and the shared app
 * server of playwright.config.ts. Every test fails on a CSP violation (test/support/fixtures.ts) or an uncaught
 * page error, in the page or its popups.
 */
import { type Browser, chromium, type Page } from '@playwright/test';
import { generate } from 'selfsigned';
import { OfflineGoogleControl } from '../../offline-google/control.ts';
import { hostResolverRules } from '../../offline-google/hosts.ts';
import { type OfflineGoogle, startOfflineGoogle } from '../../offline-google/server.ts';
import { chromiumArgs, findChromium } from '../../support/chromium.ts';
import { test as base, expect } from '../../support/fixtures.ts';
import { productionAppOrigin, productionClientId } from '../../support/lanes.ts';

export { expect };
export const alice = 'alice@example.com';

interface WorkerFixtures {
  productionGoogle: OfflineGoogle;
  browser: Browser;
}

interface TestFixtures {
  google: OfflineGoogleControl;
  pageErrors: string[];
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  productionGoogle: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      // A throwaway certificate: Chromium is told to ignore certificate errors, so any key will do; none is kept.
      const pems = await generate([{ name: 'commonName', value: 'offline-google.test' }], {
        keySize: 2048,
        algorithm: 'sha256',
      });
      const google = await startOfflineGoogle({ port: 0, tls: { key: pems.private, cert: pems.cert } });
      await use(google);
      await google.close();
    },
    { scope: 'worker' },
  ],
  browser: [
    async ({ productionGoogle }, use) => {
      const browser = await chromium.launch({
        executablePath: findChromium(),
        args: [
          ...chromiumArgs,
          `--host-resolver-rules=${hostResolverRules(productionGoogle.httpsPort ?? 0)}`,
          '--ignore-certificate-errors',
        ],
      });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  baseURL: async ({}, use) => {
    await use(`${productionAppOrigin}/`);
  },
  google: async ({ productionGoogle }, use) => {
    const control = new OfflineGoogleControl(productionGoogle.origin);
    await control.reset();
    // The client as a deployer would register it: the page's exact origin, published (tests of Testing set it).
    await control.setClients([
      { clientId: productionClientId, origins: [productionAppOrigin], publishing: 'in-production', name: 'Fumi' },
    ]);
    await use(control);
  },
  pageErrors: [
    async ({ context }, use) => {
      const errors: string[] = [];
      context.on('weberror', (error) => errors.push(String(error.error())));
      await use(errors);
      expect(errors, 'uncaught errors in the page or its popups').toEqual([]);
    },
    { auto: true },
  ],
});

/** The popup GIS opens, as a user sees it: a window on https://accounts.google.com. */
export async function popupFrom(page: Page, click: () => Promise<void>): Promise<Page> {
  const popup = page.waitForEvent('popup');
  await click();
  const opened = await popup;
  expect(new URL(opened.url()).origin).toBe('https://accounts.google.com');
  return opened;
}
