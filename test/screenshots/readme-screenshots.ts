/**
 * The README's screenshots (docs/screenshots/*.png), taken in Chromium with a ja-JP browser from the built app:
 * the setup screen (a production build without a client ID), Check setup (the demo build that `npm start` shows),
 * and the consent window of the offline Google, which is written only when the popup is in Japanese as Google's is.
 *
 *   E2E_PORT_OFFSET=600 npm run screenshots
 *
 * Ports are 4190/4191 (apps) and 8850 (offline Google) plus E2E_PORT_OFFSET, clear of the browser tests' lanes
 * (4173-4182, 8790-8807).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { type PreviewServer, preview } from 'vite';
import { buildApp } from '../../bench/first-load.ts';
import { startOfflineGoogle } from '../offline-google/server.ts';
import { chromiumArgs, findChromium } from '../support/chromium.ts';

const root = resolve(import.meta.dirname, '../..');
const shots = join(root, 'docs/screenshots');
const offset = Math.max(0, Number(process.env.E2E_PORT_OFFSET ?? 0) || 0);
const ports = { setup: 4190 + offset, demo: 4191 + offset, google: 8850 + offset };

/** `vite preview` with the production headers of its mode (the demo build's CSP names the offline Google). */
async function serve(outDir: string, port: number, mode: string): Promise<PreviewServer> {
  return preview({
    root,
    configFile: join(root, 'vite.config.ts'),
    mode,
    logLevel: 'error',
    build: { outDir },
    preview: { port, strictPort: true },
  });
}

async function jaPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    locale: 'ja-JP',
    viewport: { width: 960, height: 900 },
    colorScheme: 'light',
    deviceScaleFactor: 1,
  });
  return context.newPage();
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'fumi-shots-'));
  const google = await startOfflineGoogle({ host: '127.0.0.1', port: ports.google });
  const servers: PreviewServer[] = [];
  let browser: Browser | null = null;
  try {
    await buildApp({ outDir: join(work, 'setup'), mode: 'production', env: { VITE_GOOGLE_CLIENT_ID: '' } });
    await buildApp({
      outDir: join(work, 'demo'),
      mode: 'offline',
      env: { VITE_OFFLINE_GOOGLE_ORIGIN: google.origin },
    });
    servers.push(await serve(join(work, 'setup'), ports.setup, 'production'));
    // Read by vite.config.ts for the preview's CSP, as the browser tests' lanes do (playwright.config.ts).
    process.env.VITE_OFFLINE_GOOGLE_ORIGIN = google.origin;
    servers.push(await serve(join(work, 'demo'), ports.demo, 'offline'));
    browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
    mkdirSync(shots, { recursive: true });

    const setup = await jaPage(browser);
    await setup.goto(`http://localhost:${ports.setup}/`);
    await setup.getByRole('heading', { level: 1, name: 'このページの設定を完了してください' }).waitFor();
    await setup.screenshot({ path: join(shots, 'setup-ja.png'), fullPage: true });
    console.log('docs/screenshots/setup-ja.png');

    const demo = await jaPage(browser);
    await demo.goto(`http://localhost:${ports.demo}/`);
    await demo.getByRole('button', { name: 'Gmail アカウントに接続' }).waitFor();
    const check = demo.locator('details.check-setup');
    await check.locator('summary').click();
    await check.getByText('読み込み済み').first().waitFor();
    await check.screenshot({ path: join(shots, 'check-setup-ja.png') });
    console.log('docs/screenshots/check-setup-ja.png');

    const opened = demo.waitForEvent('popup');
    await demo.getByRole('button', { name: 'Gmail アカウントに接続' }).click();
    const popup = await opened;
    await popup.waitForLoadState();
    const lang = await popup.evaluate(() => document.documentElement.lang);
    if (lang.startsWith('ja')) {
      // The account chooser first (no login hint yet), then the consent screen the README talks about.
      const account = popup.getByText('alice@example.com').first();
      if (await account.isVisible()) await account.click();
      await popup.locator('input[type="checkbox"]').first().waitFor();
      await popup.screenshot({ path: join(shots, 'consent-ja.png'), fullPage: true });
      console.log('docs/screenshots/consent-ja.png');
    } else {
      console.log(`consent-ja.png not written: the offline Google's consent window is in "${lang || 'no language'}"`);
    }
  } finally {
    await browser?.close();
    await Promise.all(servers.map((server) => server.close()));
    await google.close();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
