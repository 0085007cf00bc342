import type { AuthState } from '../auth/index.ts';

/** The connected account's address, when the session knows it. */
export function accountOf(state: AuthState | null): string | null {
  if (state?.status === 'ready' || state?.status === 'renewing' || state?.status === 'failed') return state.email;
  return null;
}
