/**
 * The Content Security Policy shipped with the app. Pure, so the build, the deploy recipes and the tests all
 * derive the same policy from the same Google endpoints (src/config.ts).
 *
 * What each Google host is for (sources in comments):
 * - GIS: script `accounts.google.com/gsi/client`, `connect-src`/`frame-src` `accounts.google.com/gsi/`, and its
 *   stylesheet `accounts.google.com/gsi/style` (https://developers.google.com/identity/gsi/web/guides/get-google-api-clientid, CSP section).
 * - gapi: `apis.google.com` serves api.js and the chunks it loads (`/_/scs/...`); gapi.client may proxy requests
 *   through an iframe on `content.googleapis.com` (google/google-api-javascript-client#518, DestinyItemManager/DIM#1803).
 * - Gmail API: `gmail.googleapis.com` (discovery rootUrl) for the JSON and upload paths; `www.googleapis.com` for
 *   userinfo.
 * - Revoke: GIS's `google.accounts.oauth2.revoke` posts from the page to `oauth2.googleapis.com/revoke`; without it
 *   in connect-src, Sign out silently leaves the grant in place (issue 19).
 * No 'unsafe-inline', no 'unsafe-eval': our build emits only external module scripts.
 */
import type { GoogleEndpoints } from '../config.ts';

function originOf(url: string): string {
  return new URL(url).origin;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

export type CspDirectives = Record<string, string[]>;

/** Directives for the given Google endpoints (real Google or the offline double). */
export function cspDirectives(google: GoogleEndpoints): CspDirectives {
  const gisOrigin = originOf(google.gisScriptUrl);
  const gapiOrigin = originOf(google.gapiScriptUrl);
  const gmailOrigin = originOf(google.gmailApiRoot);
  const userinfoOrigin = originOf(google.userinfoUrl);
  const revokeOrigin = originOf(google.revokeUrl);
  const gisPath = `${gisOrigin}/gsi/`;
  const gapiProxy = google.gapiProxyOrigin;

  return {
    'default-src': ["'self'"],
    'script-src': unique(["'self'", google.gisScriptUrl, gapiOrigin]),
    'style-src': unique(["'self'", `${gisOrigin}/gsi/style`]),
    'connect-src': unique(["'self'", gisPath, gmailOrigin, userinfoOrigin, revokeOrigin, gapiOrigin, gapiProxy]),
    'frame-src': unique([gisPath, gapiProxy]),
    'img-src': ["'self'", 'data:', 'blob:'],
    // The MIME worker and the service worker (src/pwa), both our own files; the web app manifest likewise.
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
    'font-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'none'"],
  };
}

/** The policy as one header/meta value. */
export function cspString(directives: CspDirectives): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/**
 * The header form adds what a meta tag cannot carry (frame-ancestors is ignored in <meta>, CSP3 §6.4.2):
 * the page must not be framed, or a clickjacking frame could aim the user's Send click.
 */
export function cspHeaderValue(google: GoogleEndpoints): string {
  return `${cspString(cspDirectives(google))}; frame-ancestors 'none'`;
}

export function cspMetaValue(google: GoogleEndpoints): string {
  return cspString(cspDirectives(google));
}
