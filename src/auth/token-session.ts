import type { ScriptName } from '../google/load-script.ts';
import type { GisOAuth2, GisTokenClient, GisTokenResponse } from '../google/types.ts';
import {
  type AuthFailure,
  failureFromClientError,
  failureFromOAuthError,
  gmailSendScope,
  lifetimeSeconds,
  partialGrantFailure,
  requestedScopes,
} from './auth-failure.ts';
import {
  type AuthNotice,
  type AuthState,
  type EmailLookup,
  type RevokeOutcome,
  type ScriptStatus,
  TokenRequestError,
  type TokenSession,
  type TokenSessionOptions,
} from './auth-state.ts';
import { revokeGrant } from './revoke.ts';

interface PendingRequest {
  waiters: Array<{ resolve: (token: string) => void; reject: (error: TokenRequestError) => void }>;
}

const defaultSafetyMarginMs = 5 * 60_000;

/**
 * The GIS token-model session: a small state machine over an injected `google.accounts.oauth2`. The access
 * token lives in this closure only — never in storage, cookies or the URL; only the account email is stored,
 * through `hintStore`.
 */
export function createTokenSession(options: TokenSessionOptions): TokenSession {
  const now = options.now ?? (() => Date.now());
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  const safetyMarginMs = options.safetyMarginMs ?? defaultSafetyMarginMs;
  const listeners = new Set<(state: AuthState) => void>();

  const scripts: Record<ScriptName, ScriptStatus> = { gis: 'loading', gapi: 'loading' };
  let oauth2: GisOAuth2 | null = null;
  let client: GisTokenClient | null = null;
  let token: { value: string; expiresAt: number; renewAt: number } | null = null;
  /** A grant happened since load or the last sign-out: the user sees "Sending as …", not "Connect". */
  let granted = false;
  let email: string | null = null;
  let emailLookup: EmailLookup = 'pending';
  let emailLookupSeq = 0;
  let hint = options.hintStore.read();
  /** Off after "Forget" while signed in: a renewal must not quietly remember the account again. */
  let rememberAccount = true;
  let failure: AuthFailure | null = null;
  let consentNext = false;
  let pending: PendingRequest | null = null;
  /** The prompt of the request in flight: '' means "no consent screen", so a 'consent' answer is news. */
  let askedPrompt: string | null = null;
  /**
   * The last token Google granted, kept in memory for one purpose: Sign out revokes the grant with it even after
   * a 401 made the session drop `token` (revoking needs a token, and the grant outlives it). Never used to call
   * an API, never stored.
   */
  let lastGranted: string | null = null;
  let revoke: RevokeOutcome | null = null;
  let revokeSeq = 0;
  let notice: AuthNotice | null = null;
  /** Signed out in this page: Google's consent screen on the next Connect is expected, not news. */
  let signedOutHere = false;
  let state = derive();

  function derive(): AuthState {
    if (scripts.gis !== 'ready' || scripts.gapi !== 'ready') {
      const failed = (['gis', 'gapi'] as const).filter((name) => scripts[name] === 'failed');
      return failed.length > 0
        ? { status: 'load-failed', scripts: { ...scripts }, failed }
        : { status: 'loading', scripts: { ...scripts } };
    }
    if (pending) return granted ? { status: 'renewing', email, hint } : { status: 'authorizing', hint };
    if (failure) return { status: 'failed', reason: failure, email: granted ? email : null, hint };
    const shown = notice ? { notice } : {};
    if (granted) return { status: 'ready', email, emailLookup, expiresAt: token?.expiresAt ?? null, hint, ...shown };
    return { status: 'signed-out', hint, ...(revoke ? { revoke } : {}), ...shown };
  }

  function emit(): void {
    state = derive();
    for (const listener of listeners) listener(state);
  }

  function setToken(next: typeof token): void {
    token = next;
    options.onTokenChange?.(next?.value ?? null);
  }

  function loadScript(name: ScriptName): void {
    scripts[name] = 'loading';
    const loading = name === 'gis' ? options.loadGis().then(attachGis) : options.loadGapi();
    loading.then(
      () => {
        scripts[name] = 'ready';
        emit();
      },
      () => {
        scripts[name] = 'failed';
        emit();
      },
    );
  }

  function attachGis(gis: GisOAuth2): void {
    oauth2 = gis;
    // One client for the page. Its callbacks dispatch to whichever request is pending, so there is no need to
    // reassign the (writable, undeclared in @types) `callback` property before each request as the quickstart does.
    client = gis.initTokenClient({
      client_id: options.clientId,
      scope: requestedScopes,
      callback: (response) => handleTokenResponse(response as GisTokenResponse),
      error_callback: (error) => settleWithFailure(failureFromClientError(error)),
    });
  }

  function canRequest(): boolean {
    return client !== null && scripts.gis === 'ready' && scripts.gapi === 'ready';
  }

  /** Opens the popup. Must run synchronously inside the user's click: browsers allow `window.open` only then. */
  function startRequest(waiter?: PendingRequest['waiters'][number]): void {
    // After a partial grant, ask for consent explicitly so the granular screen shows the Gmail box again.
    // Otherwise `''`: consent only if never granted, and with a login_hint no account chooser (§1.5).
    const prompt = failure?.code === 'partial-grant' || consentNext ? 'consent' : '';
    consentNext = false;
    askedPrompt = prompt;
    pending = { waiters: waiter ? [waiter] : [] };
    failure = null;
    emit();
    const override: google.accounts.oauth2.OverridableTokenClientConfig = { prompt };
    // The signed-in account (known in memory even when the user chose not to store it) keeps renewals on it.
    const loginHint = (granted ? email : null) ?? hint;
    if (loginHint) override.login_hint = loginHint;
    try {
      client?.requestAccessToken(override);
    } catch (error) {
      settleWithFailure({ code: 'unknown', raw: 'request_threw', detail: String(error) });
    }
  }

  function takePending(): PendingRequest | null {
    const request = pending;
    pending = null;
    return request;
  }

  /** A failure, or `null` for a popup the user closed: back to where they were, quietly. */
  function settleWithFailure(reason: AuthFailure | null): void {
    const request = takePending();
    if (!request) return; // a late report for a request already cancelled or signed out
    failure = reason;
    emit();
    const error = new TokenRequestError(reason ? 'failed' : 'cancelled', reason);
    for (const waiter of request.waiters) waiter.reject(error);
  }

  /** Why a response that reached `callback` gives no usable token, or null when it does. */
  function problemWith(response: GisTokenResponse): AuthFailure | null {
    if (response.error) return failureFromOAuthError(response);
    if (!response.access_token) return { code: 'unknown', raw: 'no_access_token' };
    // Granular consent lets the user untick Gmail and still "Allow": the token then lacks gmail.send (§1.7).
    const complete = oauth2?.hasGrantedAllScopes(response as google.accounts.oauth2.TokenResponse, gmailSendScope);
    return complete ? null : partialGrantFailure(response.scope);
  }

  /**
   * A grant that arrives after Cancel or Sign out (the popup finished anyway): GIS has already handed it to gapi,
   * so gapi gets back the session's own token (or none), and a grant the user did not want is revoked. A renewal
   * the user stopped waiting for is only discarded: its grant is the one the session already holds.
   */
  function discardLateGrant(response: GisTokenResponse): void {
    if (!response.access_token) return;
    options.onTokenChange?.(token?.value ?? null);
    if (!granted && oauth2) void revokeGrant(oauth2, response.access_token);
  }

  function handleTokenResponse(response: GisTokenResponse): void {
    if (!pending) {
      discardLateGrant(response);
      return;
    }
    const problem = problemWith(response);
    if (problem || !response.access_token) {
      settleWithFailure(problem ?? { code: 'unknown', raw: 'no_access_token' });
      return;
    }
    const request = takePending();
    const issuedAt = now();
    const lifetimeMs = lifetimeSeconds(response.expires_in) * 1000;
    // Never renew earlier than half the lifetime, or short-lived tokens would be renewed on every click.
    const margin = Math.min(safetyMarginMs, lifetimeMs / 2);
    setToken({
      value: response.access_token,
      expiresAt: issuedAt + lifetimeMs,
      renewAt: issuedAt + lifetimeMs - margin,
    });
    // Asked for no consent screen, got one: say why (a Testing app's seven days, or access removed at Google).
    const reconsented = askedPrompt === '' && response.prompt === 'consent' && (granted || hint !== null);
    notice = reconsented && !signedOutHere ? { kind: 'consent-asked-again' } : null;
    granted = true;
    lastGranted = response.access_token;
    emailLookup = 'pending';
    emit();
    for (const waiter of request?.waiters ?? []) waiter.resolve(response.access_token);
    void lookUpEmail(response.access_token);
  }

  async function lookUpEmail(accessToken: string): Promise<void> {
    const seq = ++emailLookupSeq;
    let found: string | null = null;
    try {
      const response = await fetchImpl(options.userinfoUrl, {
        headers: { Authorization: `Bearer ${accessToken}` },
        cache: 'no-store',
      });
      if (response.ok) {
        const body: unknown = await response.json();
        const value = (body as { email?: unknown } | null)?.email;
        if (typeof value === 'string' && value.includes('@')) found = value;
      }
    } catch {
      // Network or JSON failure: the token still works for sending; the UI says the address is unknown.
    }
    if (seq !== emailLookupSeq || !granted) return; // superseded by a newer grant, or signed out meanwhile
    emailLookup = found ? 'done' : 'failed';
    if (found) {
      email = found;
      if (rememberAccount && hint !== found) {
        hint = found;
        options.hintStore.write(found);
      }
    }
    emit();
  }

  function hasFreshToken(): boolean {
    return token !== null && now() < token.renewAt;
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      loadScript('gis');
      loadScript('gapi');
      emit();
    },
    retryScript(script) {
      if (scripts[script] !== 'failed') return;
      loadScript(script);
      emit();
    },
    connect() {
      if (pending || !canRequest()) return;
      startRequest();
    },
    ensureToken() {
      if (token && hasFreshToken()) return Promise.resolve(token.value);
      if (!canRequest()) return Promise.reject(new TokenRequestError('not-ready'));
      return new Promise<string>((resolve, reject) => {
        // The executor runs synchronously, so the popup still opens inside the caller's click.
        if (pending) pending.waiters.push({ resolve, reject });
        else startRequest({ resolve, reject });
      });
    },
    accessToken: () => (token && now() < token.expiresAt ? token.value : null),
    invalidateToken(rejectedToken) {
      if (!token || (rejectedToken !== undefined && rejectedToken !== token.value)) return;
      setToken(null);
      emit();
    },
    requireConsent() {
      consentNext = true;
      if (!token) return;
      setToken(null);
      emit();
    },
    cancel: () => settleWithFailure(null),
    dismissFailure() {
      if (!failure) return;
      failure = null;
      emit();
    },
    dismissNotice() {
      if (!notice) return;
      notice = null;
      emit();
    },
    revokeOutcome: () => revoke,
    signOut({ forgetHint = false } = {}) {
      const revocable = token?.value ?? lastGranted;
      lastGranted = null;
      signedOutHere = true;
      notice = null;
      const request = takePending();
      granted = false;
      rememberAccount = true;
      email = null;
      failure = null;
      emailLookupSeq++;
      setToken(null);
      // Revoking removes the grant itself, so the next Connect asks for consent again (§1.7).
      if (revocable && oauth2) {
        const seq = ++revokeSeq;
        revoke = { status: 'pending' };
        void revokeGrant(oauth2, revocable).then((outcome) => {
          if (seq !== revokeSeq) return;
          revoke = outcome;
          if (outcome.status === 'failed' && !granted) notice = { kind: 'revoke-failed', error: outcome.error };
          emit();
        });
      }
      if (forgetHint) {
        hint = null;
        options.hintStore.clear();
      }
      emit();
      for (const waiter of request?.waiters ?? []) waiter.reject(new TokenRequestError('cancelled'));
    },
    forgetHint() {
      rememberAccount = !granted;
      hint = null;
      options.hintStore.clear();
      emit();
    },
  };
}
