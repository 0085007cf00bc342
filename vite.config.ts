import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// Cross-Origin-Opener-Policy: GIS opens its consent popup and polls `window.closed` / posts back to the opener.
// `same-origin` severs that link (blank popup, instant `popup_closed`); `same-origin-allow-popups` keeps it.
// Source: https://developers.google.com/identity/gsi/web/guides/get-google-api-clientid (COOP section).
export const securityHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin-allow-popups',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Content-Type-Options': 'nosniff',
};

export default defineConfig(({ mode }) => ({
  base: './',
  plugins: [preact()],
  build: {
    outDir: mode === 'offline' ? 'dist-offline' : 'dist',
    target: 'es2022',
    sourcemap: true,
  },
  server: { headers: securityHeaders },
  preview: { headers: securityHeaders, port: 4173, strictPort: true },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'node',
  },
}));
