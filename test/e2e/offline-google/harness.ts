/**
 * Browser-test harness for the offline Google's own contract tests: each worker starts a private double on a free
 * block of ports, so these tests never race the app tests and their lanes' doubles.
 */
import { test as base, type Page } from '@playwright/test';
import { OfflineGoogleControl } from '../../offline-google/control.ts';
import { type OfflineGoogle, startOfflineGoogle } from '../../offline-google/server.ts';

export const CLIENT_ID = 'offline-demo-client.apps.googleusercontent.com';
export const GMAIL_SEND = 'https://www.googleapis.com/auth/gmail.send';

export const test = base.extend<{ control: OfflineGoogleControl }, { offlineGoogle: OfflineGoogle }>({
  offlineGoogle: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
    async ({}, use) => {
      const google = await startOfflineGoogle({ port: 0 });
      await use(google);
      await google.close();
    },
    { scope: 'worker' },
  ],
  control: async ({ offlineGoogle }, use) => {
    const control = new OfflineGoogleControl(offlineGoogle.origin);
    await control.reset();
    await use(control);
  },
});

export { expect } from '@playwright/test';
export { whenClosed } from '../../support/popups.ts';

/**
 * Opens `html` as a page of `http://localhost:<port>` served by the double itself: a different origin from the
 * double's 127.0.0.1, so the popup is cross-origin as in production, while both stay in Chromium's loopback address
 * space (a page.route page counts as public, and Local Network Access then blocks loopback scripts).
 */
export async function openPage(
  page: Page,
  control: OfflineGoogleControl,
  html: string,
  name = 'harness.html',
): Promise<void> {
  await page.goto(await control.addTestPage(name, html));
}

/** A page that loads both scripts and records what GIS and gapi report, for the contract tests. */
export function harnessHtml({ origins }: OfflineGoogle): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>harness</title></head><body>
<button id="go" type="button">Go</button>
<script>
  // The specs' w() helper, defined in the page too so it can be used inside page.evaluate callbacks.
  window.w = () => window;
  window.events = [];
  window.results = [];
  window.errors = [];
  window.onGoogleLibraryLoad = () => events.push('onGoogleLibraryLoad:' + typeof google.accounts.oauth2.initTokenClient);
  window.makeClient = (extra) => google.accounts.oauth2.initTokenClient(Object.assign({
    client_id: '${CLIENT_ID}',
    scope: 'email ${GMAIL_SEND}',
    callback: (r) => results.push(r),
    error_callback: (e) => errors.push({ type: e.type, message: e.message, isError: e instanceof Error }),
  }, extra || {}));
</script>
<script src="${origins['apis.google.com']}/js/api.js" onload="events.push('gapi-onload:' + typeof gapi.load)"></script>
<script src="${origins['accounts.google.com']}/gsi/client" async onload="events.push('gsi-onload')"></script>
</body></html>`;
}

export async function loadHarness(
  page: Page,
  offlineGoogle: OfflineGoogle,
  control: OfflineGoogleControl,
): Promise<void> {
  await openPage(page, control, harnessHtml(offlineGoogle));
  await page.waitForFunction(() => (window as unknown as { events: string[] }).events.includes('gsi-onload'));
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        gapi.load('client', () => resolve());
      }),
  );
}
