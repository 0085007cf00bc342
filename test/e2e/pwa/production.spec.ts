/**
 * The service worker of the production bundle, facing Google's real hostnames (answered here by Playwright, since
 * Google is not reachable): it registers under the production CSP, precaches only this origin's files, and never
 * answers or stores a request to accounts.google.com, apis.google.com or *.googleapis.com.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type PreviewServer, preview } from 'vite';
import { expect, test } from '../../support/fixtures.ts';
import { currentLane, firstAppPort } from '../../support/lanes.ts';
import { buildProductionBundle, withGoogleEnv } from '../../support/vite-env.ts';
import { cachedUrls, serviceWorkerInControl } from './helpers.ts';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

const clientId = '1234567890-pwatest.apps.googleusercontent.com';
const googleHosts = /^https:\/\/([a-z0-9-]+\.)*(google\.com|googleapis\.com)\//;
let root: string;
let server: PreviewServer;
let origin: string;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  root = mkdtempSync(join(tmpdir(), 'fumi-pwa-prod-'));
  await buildProductionBundle(root, clientId);
  const port = firstAppPort + 12 + currentLane();
  server = await withGoogleEnv({}, () =>
    preview({ mode: 'production', logLevel: 'error', build: { outDir: root }, preview: { port, strictPort: true } }),
  );
  origin = `http://localhost:${port}`;
});

test.afterAll(async () => {
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

test('the production service worker precaches only this origin and leaves Google’s hosts alone', async ({ page }) => {
  const google: { url: string; fromServiceWorker: boolean }[] = [];
  const failed: string[] = [];
  // Stand-ins that answer: a request the worker took over would show as fromServiceWorker, or fail.
  await page
    .context()
    .route(googleHosts, (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: '/* stand-in for Google */' }),
    );
  page.on('requestfailed', (request) => {
    if (googleHosts.test(request.url())) failed.push(request.url());
  });
  page.on('response', (response) => {
    if (googleHosts.test(response.url()))
      google.push({ url: response.url(), fromServiceWorker: response.fromServiceWorker() });
  });

  const first = await page.goto(`${origin}/?lang=en`);
  const csp = first?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("worker-src 'self'");
  expect(csp).toContain("manifest-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  await serviceWorkerInControl(page);
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();
  await expect.poll(() => google.length).toBeGreaterThanOrEqual(4);

  expect(google.map((entry) => new URL(entry.url).origin + new URL(entry.url).pathname)).toEqual(
    expect.arrayContaining(['https://accounts.google.com/gsi/client', 'https://apis.google.com/js/api.js']),
  );
  expect(google.filter((entry) => entry.fromServiceWorker)).toEqual([]);
  expect(failed).toEqual([]);
  const cached = await cachedUrls(page);
  expect(cached.length).toBeGreaterThan(10);
  expect(cached.filter((url) => !url.startsWith(`${origin}/`))).toEqual([]);
});

test('a typed address of a file reaches the file, not the app (robots.txt under the service worker)', async ({
  page,
}) => {
  await page.goto(`${origin}/?lang=en`);
  await serviceWorkerInControl(page);
  const robots = await page.goto(`${origin}/robots.txt`);
  expect(robots?.fromServiceWorker()).toBe(false);
  expect(await robots?.text()).toContain('User-agent: *');
});
