import type { GisClientConfigError, GisTokenResponse } from '../google/types.ts';

/**
 * Least privilege: `gmail.send` to send, and `email` only to show "Sending as …" and to give GIS a `login_hint`.
 * Nothing else — no `openid profile` added behind the user's back (README, "Scopes").
 */
export const gmailSendScope = 'https://www.googleapis.com/auth/gmail.send';
export const requestedScopes = `${gmailSendScope} email`;

/**
 * Every way an authorization can fail that the user must hear about. A popup the user closed is not a failure:
 * the session goes quietly back to where it was.
 */
export type AuthFailureCode = 'popup-blocked' | 'access-denied' | 'partial-grant' | 'interaction-required' | 'unknown';

export interface AuthFailure {
  code: AuthFailureCode;
  /** The code exactly as GIS gave it (`popup_failed_to_open`, `access_denied`, …), shown for support. */
  raw: string;
  /** `error_subtype`, `error_description`, the error message or the granted scopes, when there was one. */
  detail?: string;
}

// OpenID Connect's prompt-related errors (OIDC Core §3.1.2.6) mean the same thing to the user as
// `interaction_required`: Google needs them to act in the popup. GIS reports `interaction_required` with an
// `error_subtype` for silent requests that cannot complete (gis-gapi.md §1.3).
const needsInteraction = new Set([
  'interaction_required',
  'login_required',
  'consent_required',
  'account_selection_required',
]);

function joinDetail(...parts: Array<string | undefined>): string | undefined {
  const present = parts.filter((part): part is string => Boolean(part));
  return present.length > 0 ? present.join(' — ') : undefined;
}

/** Maps an OAuth error delivered to the token client's `callback` (RFC 6749 §4.2.2.1 codes plus Google's). */
export function failureFromOAuthError(response: GisTokenResponse): AuthFailure {
  const raw = response.error || 'unknown';
  const detail = joinDetail(response.error_subtype, response.error_description);
  const code: AuthFailureCode =
    raw === 'access_denied' ? 'access-denied' : needsInteraction.has(raw) ? 'interaction-required' : 'unknown';
  return detail === undefined ? { code, raw } : { code, raw, detail };
}

/**
 * Maps a non-OAuth error delivered to `error_callback`. Returns null for `popup_closed`: the user changed their
 * mind, which needs no message. Google warns new types may appear (§1.4), so anything else is `unknown`.
 */
export function failureFromClientError(error: Partial<GisClientConfigError> | undefined): AuthFailure | null {
  const type = error?.type ?? 'unknown';
  if (type === 'popup_closed') return null;
  const detail = joinDetail(error?.message);
  const code: AuthFailureCode = type === 'popup_failed_to_open' ? 'popup-blocked' : 'unknown';
  return detail === undefined ? { code, raw: type } : { code, raw: type, detail };
}

/** The granted scopes did not include `gmail.send` (the user unticked it on the granular consent screen). */
export function partialGrantFailure(grantedScopes: string | undefined): AuthFailure {
  return { code: 'partial-grant', raw: 'scope_not_granted', detail: grantedScopes || '(none)' };
}

/**
 * `expires_in` is a number at run time although @types declares a string (§1.3); accept both. A missing or
 * nonsensical value falls back to the one-hour lifetime Google documents for token-model tokens.
 */
export function lifetimeSeconds(expiresIn: number | string | undefined): number {
  const seconds = typeof expiresIn === 'string' ? Number(expiresIn.trim()) : expiresIn;
  return seconds !== undefined && Number.isFinite(seconds) && seconds > 0 ? seconds : 3599;
}
