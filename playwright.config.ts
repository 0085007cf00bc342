import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium } from './test/support/chromium.ts';
import {
  appOrigin,
  firstAppPort,
  firstGooglePort,
  googleOrigin,
  laneCount,
  laneOutDir,
  portOffset,
} from './test/support/lanes.ts';

/**
 * One lane per worker: the built app exactly as it is deployed (served by `vite preview` with the production
 * headers) and its own offline Google. Lane 0 serves dist-offline/ (built by `npm run test:e2e` for the double on
 * 8790); every other lane, and every lane when E2E_PORT_OFFSET moves the ports, builds the same app pointed at its
 * own double.
 */
function laneServers(lane: number) {
  const appPort = firstAppPort + lane;
  const googlePort = firstGooglePort + lane;
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
      // The offline Google (test/offline-google): GIS, gapi, Gmail API, consent popup, outbox and /__control.
      command: `npx tsx test/offline-google/cli.ts --port ${googlePort}`,
      url: `${googleOrigin(lane)}/__control/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ];
}

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
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
  webServer: Array.from({ length: laneCount }, (_, lane) => laneServers(lane)).flat(),
});
