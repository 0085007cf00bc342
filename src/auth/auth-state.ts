import type { ScriptName } from '../google/load-script.ts';
import type { GisOAuth2 } from '../google/types.ts';
import type { AuthFailure } from './auth-failure.ts';
import type { HintStore } from './hint-store.ts';

export type ScriptStatus = 'loading' | 'ready' | 'failed';
export type ScriptsStatus = Readonly<Record<ScriptName, ScriptStatus>>;
/** Whether the account email is known yet: it comes from the userinfo endpoint after each grant. */
export type EmailLookup = 'pending' | 'done' | 'failed';

/** Sign out's revocation of the grant at Google: waiting, confirmed, or not confirmed (the grant may remain). */
export type RevokeOutcome = { status: 'pending' } | { status: 'revoked' } | { status: 'failed'; error: string };

/**
 * Something the user should know that is not an authorization failure, shown until dismissed or the next grant:
 * - `revoke-failed`: signed out here, but Google did not confirm it withdrew the permission; the user can remove
 *   it at Google Account → Security → Third-party connections;
 * - `consent-asked-again`: a renewal asked for no consent screen (`prompt: ''`) and Google showed one anyway
 *   (the token response's `prompt` is 'consent'): a Testing app's grant lapses seven days after consent, or the
 *   permission was removed in the Google Account.
 */
export type AuthNotice = { kind: 'revoke-failed'; error: string } | { kind: 'consent-asked-again' };

/**
 * What the UI renders. `hint` is the remembered account (GIS `login_hint`), shown so the user can remove it.
 * In `ready`, `expiresAt` (ms since epoch) is when the in-memory token stops working; null after the sender
 * reported a 401. Either way the next click renews silently.
 */
export type AuthState =
  | { status: 'loading'; scripts: ScriptsStatus }
  | { status: 'load-failed'; scripts: ScriptsStatus; failed: readonly ScriptName[] }
  | { status: 'signed-out'; hint: string | null; revoke?: RevokeOutcome; notice?: AuthNotice }
  | { status: 'authorizing'; hint: string | null }
  | {
      status: 'ready';
      email: string | null;
      emailLookup: EmailLookup;
      expiresAt: number | null;
      hint: string | null;
      notice?: AuthNotice;
    }
  | { status: 'renewing'; email: string | null; hint: string | null }
  | { status: 'failed'; reason: AuthFailure; email: string | null; hint: string | null };

/**
 * Why `ensureToken()` did not produce a token. `cancelled` (popup closed, Cancel, sign-out) needs no message;
 * `failed` carries the failure the session state also shows; `not-ready` means GIS or gapi has not loaded.
 */
export class TokenRequestError extends Error {
  override readonly name = 'TokenRequestError';
  constructor(
    readonly kind: 'not-ready' | 'cancelled' | 'failed',
    readonly failure: AuthFailure | null = null,
  ) {
    super(failure ? `Authorization failed: ${failure.raw}` : `No access token: ${kind}`);
  }
}

export interface TokenSessionOptions {
  clientId: string;
  /** `config.google.userinfoUrl`. */
  userinfoUrl: string;
  /** Loads GIS; see `loadGis` in src/google/google-scripts.ts. Called again by `retryScript('gis')`. */
  loadGis: () => Promise<GisOAuth2>;
  /** Resolves once gapi's client is ready to send (src/gmail). Called again by `retryScript('gapi')`. */
  loadGapi: () => Promise<unknown>;
  hintStore: HintStore;
  fetch?: typeof fetch;
  now?: () => number;
  /** Renew when less than this is left (default 5 minutes), so a send never starts on a dying token. */
  safetyMarginMs?: number;
  /** Told about every new token and about its loss (null); the app wires `gapi.client.setToken` here. */
  onTokenChange?: (token: string | null) => void;
}

export interface TokenSession {
  getState(): AuthState;
  subscribe(listener: (state: AuthState) => void): () => void;
  /** Starts loading GIS and gapi. Call once. */
  start(): void;
  /** Loads a failed script again with a fresh tag. */
  retryScript(script: ScriptName): void;
  /** The Connect button. Call synchronously in the click handler: it opens Google's popup. */
  connect(): void;
  /** Call synchronously in the Send click. Resolves at once with a fresh token, else opens at most one popup. */
  ensureToken(): Promise<string>;
  /** The current token if it has not expired, for requests made outside gapi (resumable uploads). */
  accessToken(): string | null;
  /** The API answered 401: forget the token (only if it is still `rejectedToken`, when given). */
  invalidateToken(rejectedToken?: string): void;
  /**
   * Gmail answered 403 insufficient scope: the token lacks gmail.send although GIS said it was granted (revoked in
   * the account settings, or unticked elsewhere). Forget the token and show the consent screen on the next click,
   * since a silent `prompt: ''` renewal would return the same insufficient grant.
   */
  requireConsent(): void;
  /** Stop waiting for a popup that never reports back (a broken COOP header leaves it hanging). */
  cancel(): void;
  /** Hide the current failure message. */
  dismissFailure(): void;
  /** Hide the current notice (revoke not confirmed, consent asked again). */
  dismissNotice(): void;
  /**
   * Forgets the token and revokes the grant at Google, also when the token was already dropped after a 401 (the
   * last granted token is kept in memory for this only). The outcome is in the signed-out state (`revoke`), and
   * a failure becomes a `revoke-failed` notice.
   */
  signOut(options?: { forgetHint?: boolean }): void;
  /** What the last Sign out's revocation came to; null before any. */
  revokeOutcome(): RevokeOutcome | null;
  /** Forget the remembered account without signing out. */
  forgetHint(): void;
}
