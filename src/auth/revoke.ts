/**
 * Revoking the grant at Sign out, with its outcome checked. `google.accounts.oauth2.revoke(token, done)` posts to
 * https://oauth2.googleapis.com/revoke and hands `done` a RevocationResponse `{successful, error?,
 * error_description?}` (JS reference; @types declares `done: () => void`, gis-gapi.md §1.7). An expired token
 * cannot be revoked (`invalid_token`), and a blocked or lost request may never call `done`: either way the grant
 * may still be at Google, and the user must be told how to remove it there.
 */
import type { GisOAuth2, GisRevocationResponse } from '../google/types.ts';
import type { RevokeOutcome } from './auth-state.ts';

/** How long Sign out waits for Google's answer before it says the revocation was not confirmed. */
export const revokeTimeoutMs = 15_000;

/** Where a person removes an app's access themselves: Google Account → Security → Third-party connections. */
export const googleConnectionsUrl = 'https://myaccount.google.com/connections';

export function revokeGrant(
  oauth2: GisOAuth2,
  accessToken: string,
  timeoutMs = revokeTimeoutMs,
): Promise<RevokeOutcome> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ status: 'failed', error: 'no_answer' }), timeoutMs);
    const done = (response?: GisRevocationResponse) => {
      clearTimeout(timer);
      resolve(
        response?.successful ? { status: 'revoked' } : { status: 'failed', error: response?.error || 'revoke_failed' },
      );
    };
    try {
      (oauth2.revoke as (token: string, callback: (response?: GisRevocationResponse) => void) => void)(
        accessToken,
        done,
      );
    } catch {
      clearTimeout(timer);
      resolve({ status: 'failed', error: 'revoke_threw' });
    }
  });
}
