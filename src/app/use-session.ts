/** The token session for the configured client, created once per client ID, and its state as Preact state. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { type AuthState, createTokenSession, type TokenSession, webStorageHintStore } from '../auth/index.ts';
import type { AppConfig } from '../config.ts';
import type { GapiLike } from '../gmail/gapi-client.ts';
import { loadGapi, loadGis } from '../google/google-scripts.ts';

function sessionFor(config: AppConfig): TokenSession | null {
  const { clientId, google } = config;
  if (!clientId) return null;
  return createTokenSession({
    clientId,
    userinfoUrl: google.userinfoUrl,
    loadGis: () => loadGis(google.gisScriptUrl),
    // The Gmail client (and its trimmed discovery document) loads after first paint, in its own chunk.
    loadGapi: async () => {
      const gapi = await loadGapi(google.gapiScriptUrl);
      const { initGmailClient } = await import('../gmail/gapi-client.ts');
      // gapi's published types predate discovery documents passed as objects; GapiLike is what we call.
      await initGmailClient(gapi as unknown as GapiLike, { gmailApiRoot: google.gmailApiRoot });
    },
    hintStore: webStorageHintStore(),
  });
}

export function useSession(config: AppConfig | null): { session: TokenSession | null; state: AuthState | null } {
  const clientId = config?.clientId ?? null;
  // One session per client ID, whatever else in the config object changes.
  const session = useMemo(() => (config ? sessionFor(config) : null), [clientId]);
  const [state, setState] = useState<AuthState | null>(() => session?.getState() ?? null);
  useEffect(() => {
    if (!session) return;
    setState(session.getState());
    const unsubscribe = session.subscribe(setState);
    session.start();
    return unsubscribe;
  }, [session]);
  return { session, state };
}
