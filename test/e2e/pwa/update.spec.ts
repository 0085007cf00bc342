/**
 * Issue 16, "Updates": a new deployment is offered as "A new version is ready" with Reload, and the reload keeps the
 * draft, even words typed a moment before (inside the autosave delay). The lane's build is copied and served with
 * the production headers, so this test can "deploy" by changing sw.js as every new build does.
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type PreviewServer, preview } from 'vite';
import { expectNoAxeViolations } from '../../support/axe.ts';
import { expect, test } from '../../support/fixtures.ts';
import { currentLane, firstAppPort, googleOrigin, laneOutDir } from '../../support/lanes.ts';
import { withGoogleEnv } from '../../support/vite-env.ts';
import { bodyField, subjectField } from '../compose/helpers.ts';
import { serviceWorkerInControl } from './helpers.ts';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

let dir: string;
let server: PreviewServer;
let origin: string;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fumi-update-'));
  cpSync(laneOutDir(), dir, { recursive: true });
  const port = firstAppPort + 10 + currentLane();
  // The production headers of this lane's build point the CSP at this lane's offline Google.
  server = await withGoogleEnv({ VITE_OFFLINE_GOOGLE_ORIGIN: googleOrigin() }, () =>
    preview({ mode: 'offline', logLevel: 'error', build: { outDir: dir }, preview: { port, strictPort: true } }),
  );
  origin = `http://localhost:${port}`;
});

test.afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

for (const [language, words] of [
  ['en', { ready: 'A new version of Fumi is ready. Reloading keeps your draft.', reload: 'Reload' }],
  [
    'ja',
    {
      ready: 'Fumi の新しいバージョンの準備ができました。再読み込みしても下書きはそのまま残ります。',
      reload: '再読み込み',
    },
  ],
] as const) {
  test(`${language}: a new version is offered, and Reload takes it with the draft intact`, async ({ page }) => {
    await page.goto(`${origin}/?lang=${language}`);
    await serviceWorkerInControl(page);
    await subjectField(page).fill('更新の前に書いた件名');
    await bodyField(page).fill('一行目');

    appendFileSync(join(dir, 'sw.js'), `\n// deployment ${Date.now()}\n`);
    // What the browser does by itself on the next navigation or on the app's hourly check.
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration?.update()));
    const notice = page.getByText(words.ready);
    await expect(notice).toBeVisible({ timeout: 30_000 });
    await expectNoAxeViolations(page, `update ready (${language})`);

    // The last words go in right before Reload, well inside the 400 ms autosave delay.
    await bodyField(page).fill('一行目\n二行目');
    const reloaded = page.waitForEvent('framenavigated');
    await page.getByRole('button', { name: words.reload, exact: true }).click();
    await reloaded;
    await expect(subjectField(page)).toHaveValue('更新の前に書いた件名', { timeout: 20_000 });
    await expect(bodyField(page)).toHaveValue('一行目\n二行目');
    await expect(notice).toBeHidden();
    const waiting = await page.evaluate(() =>
      navigator.serviceWorker.getRegistration().then((registration) => Boolean(registration?.waiting)),
    );
    expect(waiting, 'the new version took over').toBe(false);
  });
}
