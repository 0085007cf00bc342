import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium } from './test/support/chromium.ts';

const appPort = 4173;

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: process.env.CI ? 2 : undefined,
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
    baseURL: `http://localhost:${appPort}/`,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: findChromium(), args: chromiumArgs },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [
    {
      // The built app exactly as it is deployed, served by `vite preview` with the production headers.
      command: `npx vite preview --mode offline --port ${appPort} --strictPort`,
      url: `http://localhost:${appPort}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // The offline Google (test/offline-google): GIS, gapi, Gmail API, consent popup, outbox and /__control.
      command: 'npx tsx test/offline-google/cli.ts --port 8790',
      url: 'http://127.0.0.1:8790/__control/health',
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
