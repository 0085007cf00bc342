import preact from '@preact/preset-vite';
import { defineConfig, loadEnv } from 'vite';
import { prerenderShellPlugin } from './src/app/shell/prerender-plugin.ts';
import { buildTimeConfig } from './src/config.ts';
import { pwaPlugin } from './src/pwa/pwa-plugin.ts';
import { baseSecurityHeaders, productionHeaders, securityHeadersPlugin } from './src/security/headers-plugin.ts';
// Dev-server only (apply: 'serve'): demo mode against the offline Google when no client ID is configured.
import { offlineGooglePlugin } from './test/offline-google/vite-plugin.ts';

export default defineConfig(({ mode }) => {
  const google = buildTimeConfig(loadEnv(mode, process.cwd(), 'VITE_')).google;
  return {
    base: './',
    plugins: [preact(), prerenderShellPlugin(), pwaPlugin(), securityHeadersPlugin(google), offlineGooglePlugin()],
    build: {
      outDir: mode === 'offline' ? 'dist-offline' : 'dist',
      target: 'es2022',
      sourcemap: true,
    },
    // The dev server skips the CSP (Vite's HMR client needs a websocket and inline updates); COOP and the rest match.
    server: { headers: baseSecurityHeaders },
    preview: { headers: productionHeaders(google), port: 4173, strictPort: true },
    test: {
      include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
      environment: 'node',
      // CI reads the JSON report for its closing "N passed, N failed" line (.ci/summary.mjs).
      reporters: process.env.CI ? ['default', 'json'] : ['default'],
      outputFile: { json: 'test-results/unit.json' },
    },
  };
});
