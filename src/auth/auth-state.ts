import type { ScriptName } from '../google/load-script.ts';
import type { GisOAuth2 } from '../google/types.ts';
import type { AuthFailure } from './auth-failure.ts';
import type { HintStore } from './hint-store.ts';

export type ScriptStatus = 'loading' | 'ready' | 'failed';
export type ScriptsStatus = Readonly<Record<ScriptName, ScriptStatus>>;
/** Whether the account email is known yet: it comes from the userinfo endpoint after each grant. */
export type EmailLookup = 'pending' | 'done' | 'failed';

/**
 * What the UI renders. `hint` is the remembered account (GIS `login_hint`), shown so the user can remove it.
 * In `ready`, `expiresAt` (ms since epoch) is when the in-memory token stops working; null after the sender
 * reported a 401. Either way the next click renews silently.
 */
export type AuthState =
  | { status: 'loading'; scripts: ScriptsStatus }
  | { status: 'load-failed'; scripts: ScriptsStatus; failed: readonly ScriptName[] }
  | { status: 'signed-out'; hint: string | null }
  | { status: 'authorizing'; hint: string | null }
  | { status: 'ready'; email: string | null; emailLookup: EmailLookup; expiresAt: number | null; hint: string | null }
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
  signOut(options?: { forgetHint?: boolean }): void;
  /** Forget the remembered account without signing out. */
  forgetHint(): void;
}
