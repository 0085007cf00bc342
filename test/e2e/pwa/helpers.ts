/** The service worker as a test sees it: wait until it controls the page, and list what Cache Storage holds. */
import type { Page } from '@playwright/test';
import { type OfflineHost, offlineHostOrigin, offlineHostPorts } from '../../../src/config.ts';
import { expect } from '../../support/fixtures.ts';
import { googleOrigin } from '../../support/lanes.ts';

/** Waits until a service worker is active and controls this page (clientsClaim: the first visit too). */
export async function serviceWorkerInControl(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect
    .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 20_000 })
    .toBe(true);
}

/** Every URL in every cache of Cache Storage. */
export function cachedUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) urls.push(request.url);
    }
    return urls;
  });
}

/** Every origin of this lane's offline Google: one per Google host, as Google has (src/config.ts). */
export function offlineGoogleOrigins(): string[] {
  return (Object.keys(offlineHostPorts) as OfflineHost[]).map((host) => offlineHostOrigin(googleOrigin(), host));
}
