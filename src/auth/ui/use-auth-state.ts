import { useEffect, useState } from 'preact/hooks';
import type { AuthState, TokenSession } from '../auth-state.ts';

/** Same shape as the app's translator; declared here so the auth UI does not depend on src/i18n. */
export type Translate = (key: string, params?: Readonly<Record<string, string | number>>) => string;

/** The session's current state, re-rendering on every change. */
export function useAuthState(session: TokenSession): AuthState {
  const [state, setState] = useState(() => session.getState());
  useEffect(() => {
    setState(session.getState()); // a change between the first render and this effect
    return session.subscribe(setState);
  }, [session]);
  return state;
}
