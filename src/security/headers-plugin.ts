/**
 * Build-time only (runs in Node inside Vite; the app never imports it): puts the Content Security Policy into
 * index.html as a meta tag, emits the same policy as a `_headers` file (Netlify and Cloudflare Pages read it
 * from the publish folder), and gives `vite preview` the same headers, so tests see what production sends.
 */
import type { Plugin } from 'vite';
import type { GoogleEndpoints } from '../config.ts';
import { cspHeaderValue, cspMetaValue } from './csp.ts';

// Cross-Origin-Opener-Policy: GIS opens its consent popup and polls `window.closed` / posts back to the opener.
// `same-origin` severs that link (blank popup, instant `popup_closed`); `same-origin-allow-popups` keeps it.
// Source: https://developers.google.com/identity/gsi/web/guides/get-google-api-clientid (COOP section).
export const baseSecurityHeaders: Record<string, string> = {
  'Cross-Origin-Opener-Policy': 'same-origin-allow-popups',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Content-Type-Options': 'nosniff',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

/** Every header a host should send for the built app. */
export function productionHeaders(google: GoogleEndpoints): Record<string, string> {
  return { ...baseSecurityHeaders, 'Content-Security-Policy': cspHeaderValue(google) };
}

/** The `_headers` file format shared by Netlify and Cloudflare Pages. */
export function headersFile(google: GoogleEndpoints): string {
  const lines = Object.entries(productionHeaders(google)).map(([name, value]) => `  ${name}: ${value}`);
  return ['/*', ...lines, ''].join('\n');
}

export function securityHeadersPlugin(google: GoogleEndpoints): Plugin {
  return {
    name: 'fumi:security-headers',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      // Right after <meta charset>: a CSP meta tag only governs what the parser meets after it.
      handler: (html) =>
        html.replace(
          /(<meta charset="[^"]*"\s*\/?>)/i,
          `$1\n    <meta http-equiv="Content-Security-Policy" content="${cspMetaValue(google)}" />`,
        ),
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile(google) });
    },
  };
}
