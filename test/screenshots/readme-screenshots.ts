/**
 * The README's screenshots (docs/screenshots/*.png), taken in Chromium with a ja-JP browser from the built app:
 * the setup screen (a production build without a client ID), Check setup (the demo build that `npm start` shows),
 * the consent window of the offline Google, which is written only when the popup is in Japanese as Google's is, and
 * the mail-merge screen in English and Japanese (a list with its problems and the preview; a finished campaign).
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
import { TIME_SCALE_KEY } from '../../src/merge/time-scale.ts';
import { authText } from '../../src/text/auth.ts';
import { firstPaintText } from '../../src/text/first-paint.ts';
import { mergeScreenText } from '../../src/text/merge-screen.ts';
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

async function jaPage(browser: Browser, locale = 'ja-JP'): Promise<Page> {
  const context = await browser.newContext({
    locale,
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

    for (const language of ['en', 'ja'] as const) {
      for (const path of await mergeShots(browser, language)) console.log(path);
    }
  } finally {
    await browser?.close();
    await Promise.all(servers.map((server) => server.close()));
    await google.close();
    rmSync(work, { recursive: true, force: true });
  }
}

type Language = 'en' | 'ja';

/** A small list with one address to fix, in the page's language: what a person imports on their first campaign. */
const mergeList: Record<Language, string> = {
  en: [
    'name,email,company',
    'Ann Lee,ann@example.com,Lee Books',
    ',bob@example.com,Park Tools',
    'Cy Ode,cy@example,Ode Ltd',
    'Di Mar,di@example.com,Mar Foods',
  ].join('\r\n'),
  ja: [
    '氏名,メールアドレス,会社',
    '山田 太郎,taro@example.jp,山田商事',
    ',hanako@example.jp,佐藤工業',
    '鈴木 一郎,ichiro@example,鈴木電機',
    '高橋 三郎,saburo@example.jp,高橋物産',
  ].join('\r\n'),
};
const mergeMessage: Record<Language, [string, string]> = {
  en: [
    '{{name|Hello}}, your {{company}} order',
    'Dear {{name|customer}},\n\nthank you for ordering from us on behalf of {{company}}.',
  ],
  ja: [
    '{{氏名|お客様}} 様：{{会社}} へのご案内',
    '{{氏名|お客様}} 様\n\n{{会社}} のご担当者様へ、新製品のご案内です。',
  ],
};

/** Connects the page through the offline Google's popup: the account chooser, the gmail.send box, Allow. */
async function connect(page: Page, language: Language) {
  const opened = page.waitForEvent('popup');
  await page.getByRole('button', { name: authText['auth.connect'][language] }).click();
  const popup = await opened;
  await popup.waitForLoadState();
  const account = popup.getByText('alice@example.com').first();
  if (await account.isVisible()) await account.click();
  // An account that already granted gmail.send goes straight back to the page; otherwise the consent screen.
  const closed = popup.waitForEvent('close').then(() => true);
  const box = popup.locator('input[type="checkbox"]').first();
  if (!(await Promise.race([closed, box.waitFor().then(() => false)]))) {
    await box.check();
    await popup.getByRole('button', { name: language === 'ja' ? '許可' : 'Allow' }).click();
  }
  await page.getByText('alice@example.com').first().waitFor();
}

/** The merge screen with a list and its preview, then the same campaign finished (its clock sped up 60 times). */
async function mergeShots(browser: Browser, language: Language): Promise<string[]> {
  const t = (key: keyof typeof mergeScreenText) => mergeScreenText[key][language];
  const page = await jaPage(browser, language === 'ja' ? 'ja-JP' : 'en-US');
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.context().addInitScript((key) => localStorage.setItem(key, '60'), TIME_SCALE_KEY);
  await page.goto(`http://localhost:${ports.demo}/?lang=${language}`);
  await connect(page, language);
  await page.getByRole('link', { name: t('merge.title') }).click();
  await page.getByRole('button', { name: t('merge.campaigns.new') }).click();
  await page.getByLabel(t('merge.list.file')).setInputFiles({
    name: language === 'ja' ? '顧客.csv' : 'customers.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(mergeList[language]),
  });
  const [subject, body] = mergeMessage[language];
  await page.getByRole('textbox', { name: firstPaintText['compose.subject'][language] }).fill(subject);
  await page.getByRole('textbox', { name: firstPaintText['compose.body'][language] }).fill(body);
  await page.getByRole('region', { name: t('merge.preview.region') }).waitFor();
  const written: string[] = [];
  const setupShot = `docs/screenshots/merge-setup-${language}.png`;
  await page.screenshot({ path: join(root, setupShot), fullPage: true });
  written.push(setupShot);

  await page.getByLabel(t('merge.send.pace')).selectOption('59');
  await page.getByRole('button', { name: t('merge.send.start') }).click();
  await page.getByText(t('merge.progress.finished'), { exact: true }).waitFor({ timeout: 60_000 });
  const progress = page.getByRole('heading', { name: t('merge.progress.title') });
  await progress.scrollIntoViewIfNeeded();
  const doneShot = `docs/screenshots/merge-finished-${language}.png`;
  await page.screenshot({ path: join(root, doneShot), fullPage: true });
  written.push(doneShot);
  await page.context().close();
  return written;
}

await main();
