/**
 * The only module that knows whether the app faces Google or the offline Google double.
 * Everything that talks to Google takes its URLs from here; nothing else hard-codes a Google host.
 */

export interface GoogleEndpoints {
  /** GIS client script. Google: https://accounts.google.com/gsi/client */
  gisScriptUrl: string;
  /** gapi loader. Google: https://apis.google.com/js/api.js */
  gapiScriptUrl: string;
  /** Gmail API root (discovery `rootUrl`), with trailing slash. Google: https://gmail.googleapis.com/ */
  gmailApiRoot: string;
  /** OpenID userinfo endpoint, read with the `email` scope. Google: https://www.googleapis.com/oauth2/v3/userinfo */
  userinfoUrl: string;
  /** Gmail web UI root, for "Open in Gmail" links. Google: https://mail.google.com/ */
  gmailWebRoot: string;
  /**
   * Where GIS's `google.accounts.oauth2.revoke` posts (from the page, so the CSP must allow it).
   * Google: https://oauth2.googleapis.com/revoke
   */
  revokeUrl: string;
  /** gapi's proxy and CORS host (google/google-api-javascript-client#518). Google: https://content.googleapis.com */
  gapiProxyOrigin: string;
}

export interface AppConfig {
  /** OAuth 2.0 Web client ID, or null when none is configured (the app then shows its setup screen). */
  clientId: string | null;
  google: GoogleEndpoints;
  /** Origin of the offline Google double in demo/test builds; null in a production build. */
  offlineGoogleOrigin: string | null;
}

export const realGoogle: GoogleEndpoints = {
  gisScriptUrl: 'https://accounts.google.com/gsi/client',
  gapiScriptUrl: 'https://apis.google.com/js/api.js',
  gmailApiRoot: 'https://gmail.googleapis.com/',
  userinfoUrl: 'https://www.googleapis.com/oauth2/v3/userinfo',
  gmailWebRoot: 'https://mail.google.com/',
  revokeUrl: 'https://oauth2.googleapis.com/revoke',
  gapiProxyOrigin: 'https://content.googleapis.com',
};

/**
 * The offline Google gives each Google host an origin of its own, as Google does, so a missing CSP host or a
 * cross-origin assumption fails in the demo and the tests too. Each host listens on the double's base port plus
 * this offset (the base port itself serves the double's controls); ports work the same on Linux, macOS and
 * Windows, with no hosts file or DNS to set up.
 */
export const offlineHostPorts = {
  control: 0,
  'accounts.google.com': 1,
  'apis.google.com': 2,
  'content.googleapis.com': 3,
  'www.googleapis.com': 4,
  'gmail.googleapis.com': 5,
  'oauth2.googleapis.com': 6,
  'mail.google.com': 7,
} as const;

export type OfflineHost = keyof typeof offlineHostPorts;

/** The origin standing for one Google host, given the double's base (control) origin. */
export function offlineHostOrigin(baseOrigin: string, host: OfflineHost): string {
  const base = new URL(baseOrigin);
  const port = Number(base.port || (base.protocol === 'https:' ? 443 : 80)) + offlineHostPorts[host];
  return `${base.protocol}//${base.hostname}:${port}`;
}

/** Every endpoint on the offline Google whose base (control) origin is `origin`, at Google's own paths. */
export function offlineGoogle(origin: string): GoogleEndpoints {
  const at = (host: OfflineHost) => offlineHostOrigin(origin, host);
  return {
    gisScriptUrl: `${at('accounts.google.com')}/gsi/client`,
    gapiScriptUrl: `${at('apis.google.com')}/js/api.js`,
    gmailApiRoot: `${at('gmail.googleapis.com')}/`,
    userinfoUrl: `${at('www.googleapis.com')}/oauth2/v3/userinfo`,
    gmailWebRoot: `${at('mail.google.com')}/`,
    revokeUrl: `${at('oauth2.googleapis.com')}/revoke`,
    gapiProxyOrigin: at('content.googleapis.com'),
  };
}

interface BuildEnv {
  VITE_GOOGLE_CLIENT_ID?: string;
  VITE_OFFLINE_GOOGLE_ORIGIN?: string;
}

export function nonEmpty(value: string | undefined | null): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** Configuration fixed at build time from `VITE_*` variables. */
export function buildTimeConfig(env: BuildEnv = import.meta.env as BuildEnv): AppConfig {
  const offlineOrigin = nonEmpty(env.VITE_OFFLINE_GOOGLE_ORIGIN);
  return {
    clientId: nonEmpty(env.VITE_GOOGLE_CLIENT_ID),
    google: offlineOrigin ? offlineGoogle(offlineOrigin) : realGoogle,
    offlineGoogleOrigin: offlineOrigin,
  };
}

/** What can be wrong with a deployed `config.json`; shown on the setup screen and in "Check setup". */
export type ConfigProblem =
  | { kind: 'config-json-invalid'; detail: string }
  | { kind: 'client-id-malformed'; value: string }
  | { kind: 'client-secret-present' };

export interface LoadedConfig {
  config: AppConfig;
  /** Where the client ID came from, for "Check setup". */
  clientIdSource: 'config.json' | 'build' | 'none';
  problems: ConfigProblem[];
}
