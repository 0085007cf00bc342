import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig, loadEnv } from 'vite';
import { prerenderShellPlugin } from './src/app/shell/prerender-plugin.ts';
import { buildTimeConfig } from './src/config.ts';
import { privacyPagePlugin } from './src/privacy/privacy-plugin.ts';
import { pwaPlugin } from './src/pwa/pwa-plugin.ts';
import { baseSecurityHeaders, productionHeaders, securityHeadersPlugin } from './src/security/headers-plugin.ts';
// Dev-server only (apply: 'serve'): demo mode against the offline Google when no client ID is configured.
import { offlineGooglePlugin } from './test/offline-google/vite-plugin.ts';

export default defineConfig(({ mode }) => {
  const google = buildTimeConfig(loadEnv(mode, process.cwd(), 'VITE_')).google;
  return {
    base: './',
    plugins: [
      preact(),
      prerenderShellPlugin(),
      pwaPlugin(),
      securityHeadersPlugin(google),
      privacyPagePlugin(),
      offlineGooglePlugin(),
    ],
    build: {
      outDir: mode === 'offline' ? 'dist-offline' : 'dist',
      target: 'es2022',
      sourcemap: true,
      // The privacy page is its own static entry (no JavaScript): deployers link it as the app's privacy policy.
      rolldownOptions: {
        input: {
          index: resolve(import.meta.dirname, 'index.html'),
          privacy: resolve(import.meta.dirname, 'privacy.html'),
        },
      },
    },
    // The dev server skips the CSP (Vite's HMR client needs a websocket and inline updates); COOP and the rest match.
    server: { headers: baseSecurityHeaders },
    preview: { headers: productionHeaders(google), port: 4173, strictPort: true },
    test: {
      include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
      environment: 'node',
      // The property and oracle tests do seconds of real work (hundreds of generated messages parsed back); on a
      // busy 2-core machine that crossed Vitest's 5 s default. Unit tests check correctness, never time.
      testTimeout: 30_000,
      // CI reads the JSON report for its closing "N passed, N failed" line (.ci/summary.mjs).
      reporters: process.env.CI ? ['default', 'json'] : ['default'],
      outputFile: { json: 'test-results/unit.json' },
    },
  };
});
