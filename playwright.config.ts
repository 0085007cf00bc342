import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium } from './test/support/chromium.ts';
import {
  appOrigin,
  firstAppPort,
  googleOrigin,
  laneCount,
  laneOutDir,
  portOffset,
  productionAppOrigin,
  productionAppPort,
  productionClientId,
  productionOutDir,
} from './test/support/lanes.ts';

/**
 * One lane per worker: the built app exactly as it is deployed (served by `vite preview` with the production
 * headers) and its own offline Google. Lane 0 serves dist-offline/ (built by `npm run test:e2e` for the double on
 * 8790); every other lane, and every lane when E2E_PORT_OFFSET moves the ports, builds the same app pointed at its
 * own double.
 */
function laneServers(lane: number) {
  const appPort = firstAppPort + lane;
  const googlePort = Number(new URL(googleOrigin(lane)).port);
  const ownBuild = lane > 0 || portOffset > 0;
  const outDir = laneOutDir(lane);
  const env = `VITE_OFFLINE_GOOGLE_ORIGIN=${googleOrigin(lane)}`;
  const build = ownBuild ? `${env} npx vite build --mode offline --outDir ${outDir} --logLevel warn && ` : '';
  return [
    {
      command: `${build}${env} npx vite preview --mode offline --outDir ${outDir} --port ${appPort} --strictPort`,
      url: `${appOrigin(lane)}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
    {
      // The offline Google (test/offline-google): one origin per Google host from googlePort + 1, /__control on it.
      command: `npx tsx test/offline-google/cli.ts --port ${googlePort}`,
      url: `${googleOrigin(lane)}/__control/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ];
}

/**
 * The production lane's app: `npm run build` (real Google URLs and CSP) with a test client ID, served by
 * `vite preview` with `productionHeaders`. Its Google is each worker's own (test/e2e/production/fixtures.ts).
 */
const productionServer = {
  command: `VITE_GOOGLE_CLIENT_ID=${productionClientId} npx vite build --outDir ${productionOutDir} --logLevel warn && VITE_GOOGLE_CLIENT_ID=${productionClientId} npx vite preview --outDir ${productionOutDir} --port ${productionAppPort} --strictPort`,
  url: `${productionAppOrigin}/`,
  reuseExistingServer: !process.env.CI,
  timeout: 120_000,
};

export default defineConfig({
  testDir: 'test/e2e',
  // Per port offset: a second run beside this one (a helper's lane) must not wipe this run's traces.
  outputDir: portOffset > 0 ? `test-results/e2e-${portOffset}` : 'test-results/e2e',
  fullyParallel: false,
  workers: laneCount,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'test-results/report' }],
    ['json', { outputFile: 'test-results/e2e.json' }],
    ['./test/support/matrix-reporter.ts'],
  ],
  use: {
    baseURL: `${appOrigin(0)}/`,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: findChromium(), args: chromiumArgs },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [...Array.from({ length: laneCount }, (_, lane) => laneServers(lane)).flat(), productionServer],
});
