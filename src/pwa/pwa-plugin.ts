/**
 * Build time only: the web app manifest and the service worker, through vite-plugin-pwa (Workbox `generateSW`).
 *
 * What the service worker does, and only that:
 * - precaches the app shell: index.html, every JS/CSS chunk (lazy ones and the MIME worker too, so composing and
 *   attaching work offline), the icons and the manifest; answers navigations inside its scope with index.html;
 * - keeps a copy of `config.json` (our own file, network first), so a deployment configured at run time still opens
 *   offline;
 * - nothing else. It registers no route for another origin, so every request to accounts.google.com,
 *   apis.google.com, *.googleapis.com, and in demo builds the offline Google, goes to the network untouched and is
 *   never cached (test/e2e/pwa/offline.spec.ts checks the caches).
 * Updates wait until the person says so ("A new version is ready", src/pwa/use-app-update.ts): no `skipWaiting`.
 */
import { VitePWA } from 'vite-plugin-pwa';
import { firstPaintText } from '../text/first-paint.ts';

const english = (key: keyof typeof firstPaintText) => firstPaintText[key].en;

/** A path whose last segment names a file other than an HTML page (robots.txt, config.json), query allowed. */
export const fileAddress = /\/[^/?]+\.(?!html(?:\?|$))[^/?]+(?:\?.*)?$/;

export function pwaPlugin() {
  return VitePWA({
    strategies: 'generateSW',
    registerType: 'prompt',
    // Registered by our own code after first paint (register.ts), never by a script in index.html.
    injectRegister: false,
    manifestFilename: 'manifest.webmanifest',
    // globPatterns below already take every icon; listing them again would only duplicate precache entries.
    includeManifestIcons: false,
    manifest: {
      id: './',
      name: english('app.name'),
      short_name: english('app.name'),
      description: english('app.description'),
      lang: 'en',
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: '#f6f7f9',
      theme_color: '#ffffff',
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{html,js,css,svg,png,webmanifest}'],
      // The dark PNGs are only for hosts that want them (README); the page itself never asks for them.
      globIgnores: ['**/*.map', 'icons/icon-dark-*.png'],
      navigateFallback: 'index.html',
      // A typed address of a file (robots.txt, config.json) must reach that file, not the app.
      navigateFallbackDenylist: [fileAddress],
      cleanupOutdatedCaches: true,
      clientsClaim: true,
      skipWaiting: false,
      inlineWorkboxRuntime: true,
      sourcemap: false,
      runtimeCaching: [
        {
          urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.endsWith('/config.json'),
          handler: 'NetworkFirst',
          options: { cacheName: 'fumi-config', networkTimeoutSeconds: 5 },
        },
      ],
    },
  });
}
