/**
 * Issue "Host it anywhere": a production build with no client ID shows the setup screen (never a blank page), a
 * build with one reaches for the real Google URLs, and a run-time config.json overrides the build.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type PreviewServer, preview } from 'vite';
import { expect, test } from '../../support/fixtures.ts';
import { portOffset } from '../../support/lanes.ts';
import { buildProductionBundle, withGoogleEnv } from '../../support/vite-env.ts';

const clientId = '1234567890-e2etest.apps.googleusercontent.com';
// Moved with E2E_PORT_OFFSET like every other port, so two checkouts can run this file at once.
const noneOrigin = `http://localhost:${4181 + portOffset}`;
const withIdOrigin = `http://localhost:${4182 + portOffset}`;

async function serve(outDir: string, port: number): Promise<PreviewServer> {
  return withGoogleEnv({}, () =>
    preview({ mode: 'production', logLevel: 'error', build: { outDir }, preview: { port, strictPort: true } }),
  );
}

test.describe.configure({ mode: 'serial' });

let root: string;
const servers: PreviewServer[] = [];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  root = mkdtempSync(join(tmpdir(), 'fumi-prod-'));
  await buildProductionBundle(join(root, 'none'), '');
  await buildProductionBundle(join(root, 'with-id'), clientId);
  servers.push(
    await serve(join(root, 'none'), 4181 + portOffset),
    await serve(join(root, 'with-id'), 4182 + portOffset),
  );
});

test.afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  rmSync(root, { recursive: true, force: true });
});

test('without a client ID the production build shows the setup screen, in English and Japanese', async ({ page }) => {
  const googleRequests: string[] = [];
  page.on('request', (request) => {
    if (/google(apis)?\.com/.test(new URL(request.url()).hostname)) googleRequests.push(request.url());
  });
  await page.goto(`${noneOrigin}/?lang=en`);
  await expect(page.getByRole('heading', { level: 1, name: 'Finish setting up this page' })).toBeVisible();
  await expect(page.getByText(noneOrigin, { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: /setup guide/i })).toHaveAttribute('href', '#setup-guide');
  expect(googleRequests).toEqual([]);

  await page.goto(`${noneOrigin}/?lang=ja`);
  await expect(page.getByRole('heading', { level: 1, name: 'このページの設定を完了してください' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
});

test('with a client ID the production build loads GIS and gapi from Google, not from the double', async ({ page }) => {
  const scripts: string[] = [];
  await page.context().route(/^https:\/\/(accounts\.google\.com|apis\.google\.com)\//, async (route) => {
    scripts.push(route.request().url());
    await route.abort('internetdisconnected');
  });
  await page.goto(`${withIdOrigin}/?lang=en`);
  await expect(page.getByRole('textbox', { name: /message/i })).toBeVisible();
  // Google's scripts are requested by the session, which comes with the after-paint chunk (and config.json with it).
  await expect
    .poll(() => [...scripts].sort(), { timeout: 20_000 })
    .toEqual(['https://accounts.google.com/gsi/client', 'https://apis.google.com/js/api.js']);
  // Google unreachable: the user is told which script failed and can retry; the form stays usable.
  await expect(page.getByRole('button', { name: /retry/i }).first()).toBeVisible({ timeout: 20_000 });
  await page.getByRole('textbox', { name: /message/i }).fill('still typing');
});

test('a run-time config.json supplies the client ID, and a malformed one is explained', async ({ page }) => {
  const dir = join(root, 'none');
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ clientId }));
  await page.context().route(/^https:\/\/(accounts|apis)\.google\.com\//, (route) => route.abort());
  await page.goto(`${noneOrigin}/?lang=en`);
  await expect(page.getByRole('textbox', { name: /message/i })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Finish setting up this page' })).toHaveCount(0);

  writeFileSync(join(dir, 'config.json'), JSON.stringify({ clientId: 'my-project', client_secret: 'GOCSPX-oops' }));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Finish setting up this page' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('“my-project” is not an OAuth client ID');
  await expect(page.getByRole('alert')).toContainText('contains a client secret');
});
