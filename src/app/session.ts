/** The token session for one configured client: GIS and gapi from the configured places, the hint in localStorage. */
import { createTokenSession, type TokenSession, webStorageHintStore } from '../auth/index.ts';
import type { AppConfig } from '../config.ts';
import type { GapiLike } from '../gmail/gapi-client.ts';
import { loadGapi, loadGis } from '../google/google-scripts.ts';

export function createAppSession(config: AppConfig): TokenSession | null {
  const { clientId, google } = config;
  if (!clientId) return null;
  return createTokenSession({
    clientId,
    userinfoUrl: google.userinfoUrl,
    loadGis: () => loadGis(google.gisScriptUrl),
    // The Gmail client (and its trimmed discovery document) loads in its own chunk.
    loadGapi: async () => {
      const gapi = await loadGapi(google.gapiScriptUrl);
      const { initGmailClient } = await import('../gmail/gapi-client.ts');
      // gapi's published types predate discovery documents passed as objects; GapiLike is what we call.
      await initGmailClient(gapi as unknown as GapiLike, { gmailApiRoot: google.gmailApiRoot });
    },
    hintStore: webStorageHintStore(),
    // GIS hands new tokens to gapi itself, but nothing takes a revoked one back: clear gapi's copy on sign-out so
    // no stale token lingers in the page's memory (quickstart pattern: `gapi.client.setToken('')` after revoke).
    onTokenChange: (token) => {
      const client = (globalThis as { gapi?: { client?: { setToken?(value: { access_token: string } | null): void } } })
        .gapi?.client;
      client?.setToken?.(token ? { access_token: token } : null);
    },
  });
}
