/**
 * The token session as Preact state. It is created when the after-first-paint chunk arrives (a few ms after the
 * form is shown, long before Google's own scripts can have loaded), once per client ID.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { AuthState, TokenSession } from '../auth/index.ts';
import type { AppConfig } from '../config.ts';
import type { AfterPaint } from './after-paint.ts';

export function useSession(
  config: AppConfig | null,
  later: AfterPaint | null,
): { session: TokenSession | null; state: AuthState | null } {
  const clientId = config?.clientId ?? null;
  // One session per client ID, whatever else in the config object changes.
  const session = useMemo(() => (config && later ? later.createAppSession(config) : null), [clientId, later]);
  const [state, setState] = useState<AuthState | null>(null);
  useEffect(() => {
    if (!session) return;
    setState(session.getState());
    const unsubscribe = session.subscribe(setState);
    session.start();
    return unsubscribe;
  }, [session]);
  return { session, state };
}
