/**
 * The popup side of GIS's token model (/o/oauth2/v2/auth), token revocation and OpenID userinfo.
 * Sources: JSREF https://developers.google.com/identity/oauth2/web/reference/js-reference (prompt, login_hint,
 * include_granted_scopes), TOKMODEL .../guides/use-token-model (grants accumulate), GRAN (granular consent).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { consentLanguage, renderAuthPage, type ScopeDescriptions } from './consent-page.ts';
import { readBody, sendJson, sendText } from './http.ts';
import type { OfflineGoogleState } from './state.ts';
import { TOKEN_LIFETIME_SECONDS } from './state.ts';
import type { TestAccount } from './types.ts';

const USERINFO_EMAIL = 'https://www.googleapis.com/auth/userinfo.email';
const USERINFO_PROFILE = 'https://www.googleapis.com/auth/userinfo.profile';
/** "Sign-in scopes" in the granular-consent sense: never optional on the consent screen. */
const SIGN_IN_SCOPES = new Set(['openid', 'email', 'profile', USERINFO_EMAIL, USERINFO_PROFILE]);

/**
 * Token responses name both forms of the sign-in scopes plus `openid` (observed: "email profile ... openid";
 * real responses list `https://www.googleapis.com/auth/userinfo.email` beside `email`).
 */
export function expandScopes(scopes: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const scope of scopes) {
    out.add(scope);
    if (scope === 'email' || scope === USERINFO_EMAIL) out.add('email').add(USERINFO_EMAIL).add('openid');
    if (scope === 'profile' || scope === USERINFO_PROFILE) out.add('profile').add(USERINFO_PROFILE).add('openid');
  }
  return out;
}

export function isSignInScope(scope: string): boolean {
  return SIGN_IN_SCOPES.has(scope);
}

export interface AuthRequest {
  clientId: string;
  scopes: string[];
  prompt: '' | 'none' | 'consent' | 'select_account';
  loginHint: string;
  includeGrantedScopes: boolean;
  state: string | null;
  /** The opener's origin, from GIS's `storagerelay://http/host:port?id=…` redirect_uri. */
  openerOrigin: string | null;
  requestId: string;
  chosen: boolean;
}

export function parseAuthRequest(url: URL): AuthRequest {
  const params = url.searchParams;
  const relay = /^storagerelay:\/\/(https?)\/([^?]+)\?id=(.+)$/.exec(params.get('redirect_uri') ?? '');
  const prompt = params.get('prompt') ?? 'select_account';
  return {
    clientId: params.get('client_id') ?? '',
    scopes: (params.get('scope') ?? '').split(/\s+/).filter(Boolean),
    prompt: (['', 'none', 'consent', 'select_account'].includes(prompt)
      ? prompt
      : 'select_account') as AuthRequest['prompt'],
    loginHint: params.get('login_hint') ?? '',
    includeGrantedScopes: params.get('include_granted_scopes') !== 'false',
    state: params.get('state'),
    openerOrigin: relay ? `${relay[1]}://${relay[2]}` : null,
    requestId: relay?.[3] ?? '',
    chosen: params.get('chosen') === '1',
  };
}

export type AuthPlan =
  | { kind: 'error-page'; error: string; detail: string; status: number }
  | { kind: 'chooser' }
  | { kind: 'consent'; account: Required<TestAccount> }
  | { kind: 'approve'; account: Required<TestAccount>; scopes: string[]; prompt: string; showUi: boolean }
  | { kind: 'oauth-error'; response: Record<string, string> }
  | { kind: 'deny' }
  | { kind: 'close' };

/** Decides what the popup shows. Pure over state, so the Node tests can check every prompt path. */
export function planAuth(state: OfflineGoogleState, request: AuthRequest): AuthPlan {
  if (!request.clientId)
    return {
      kind: 'error-page',
      error: 'invalid_request',
      detail: 'Missing required parameter: client_id',
      status: 400,
    };
  // The client and the page's origin are checked before anything is shown, as Google does: an unknown client is
  // "Error 401: invalid_client", an origin outside Authorized JavaScript origins "Error 400: origin_mismatch"
  // (Google's help "Understand & fix error codes", support.google.com/accounts/answer/16668185).
  const client = state.clients.get(request.clientId);
  if (!client)
    return { kind: 'error-page', error: 'invalid_client', detail: 'The OAuth client was not found.', status: 401 };
  if (!state.originAllowed(client, request.openerOrigin))
    return { kind: 'error-page', error: 'origin_mismatch', detail: request.openerOrigin ?? '', status: 400 };
  if (request.scopes.length === 0)
    return { kind: 'error-page', error: 'invalid_request', detail: 'Missing required parameter: scope', status: 400 };
  const invalid = request.scopes.filter((scope) => !isSignInScope(scope) && !/^https:\/\/\S+$/.test(scope));
  if (invalid.length)
    return {
      kind: 'error-page',
      error: 'invalid_scope',
      detail: `Some requested scopes were invalid. {invalid=[${invalid.join(', ')}]}`,
      status: 400,
    };

  const script = state.consentScript;
  const hinted = state.findAccount(request.loginHint);
  const single = state.accounts.length === 1 ? state.accounts[0] : undefined;
  // login_hint: "When successful, account selection is skipped" (JSREF).
  const account = hinted ?? (request.prompt !== 'select_account' || request.chosen ? single : undefined);
  const silentError = {
    error: 'interaction_required',
    error_subtype: 'access_denied',
    error_description: 'The user must interact with the consent screen.',
  };
  if (!account) {
    if (request.prompt === 'none') return { kind: 'oauth-error', response: silentError };
    if (script.action === 'close') return { kind: 'close' };
    if (script.action === 'deny') return { kind: 'deny' };
    if (script.action === 'approve') {
      const picked = state.findAccount(script.account) ?? state.accounts[0];
      if (picked) return planAuth(state, { ...request, loginHint: picked.email, chosen: true });
    }
    return { kind: 'chooser' };
  }
  const requested = expandScopes(request.scopes);
  const granted = state.grantedScopes(request.clientId, account.email);
  const covered = [...requested].every((scope) => granted.has(scope));
  if (covered && request.prompt !== 'consent') {
    const prompt = request.prompt === 'select_account' && !hinted ? 'select_account' : 'none';
    return { kind: 'approve', account, scopes: [...requested], prompt, showUi: false };
  }
  if (request.prompt === 'none') return { kind: 'oauth-error', response: silentError };
  if (script.action === 'close') return { kind: 'close' };
  if (script.action === 'deny') return { kind: 'deny' };
  if (script.action === 'approve') {
    const approved = script.scopes
      ? [...requested].filter((s) => isSignInScope(s) || script.scopes!.includes(s))
      : [...requested];
    return { kind: 'approve', account, scopes: approved, prompt: 'consent', showUi: false };
  }
  return { kind: 'consent', account };
}

/** Issues the token for an approved request: grants accumulate; include_granted_scopes:false narrows the token only. */
export function issueForDecision(
  state: OfflineGoogleState,
  request: AuthRequest,
  email: string,
  approved: string[],
  prompt: string,
): Record<string, string | number> | null {
  const account = state.findAccount(email);
  if (!account) return null;
  const requested = expandScopes(request.scopes);
  const accepted = expandScopes(approved.filter((scope) => requested.has(scope)));
  for (const scope of requested) if (isSignInScope(scope)) accepted.add(scope);
  const previous = state.grantedScopes(request.clientId, account.email);
  const tokenScopes = request.includeGrantedScopes ? new Set([...previous, ...accepted]) : accepted;
  // Only a consent screen starts a Testing client's seven days again; a silent renewal does not.
  state.addGrant(request.clientId, account.email, accepted, prompt === 'consent');
  const token = state.issueToken(account.email, request.clientId, tokenScopes);
  const response: Record<string, string | number> = {
    access_token: token.token,
    token_type: 'Bearer',
    expires_in: TOKEN_LIFETIME_SECONDS,
    scope: [...tokenScopes].join(' '),
    authuser: String(state.accounts.indexOf(account)),
    prompt,
  };
  if (account.hd) response.hd = account.hd;
  if (request.state !== null) response.state = request.state;
  return response;
}

export async function handleDecision(
  state: OfflineGoogleState,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const { body } = await readBody(req, 1 << 20);
  const input = JSON.parse(body.toString('utf8') || '{}') as {
    request: AuthRequest;
    email: string;
    scopes: string[];
    prompt: string;
  };
  const response = issueForDecision(state, input.request, input.email, input.scopes ?? [], input.prompt ?? 'consent');
  if (!response) sendJson(res, 400, { error: 'invalid_request', error_description: 'Unknown account' });
  else sendJson(res, 200, response);
}

/** https://oauth2.googleapis.com/revoke: 200 `{}` or 400 `{"error":"invalid_token","error_description":"Token expired or revoked"}`. */
export async function handleRevoke(
  state: OfflineGoogleState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<number> {
  const { body } = await readBody(req, 1 << 16);
  const form = new URLSearchParams(body.toString('utf8'));
  const token = url.searchParams.get('token') ?? form.get('token') ?? '';
  const outcome = state.revoke(token);
  if (outcome.successful) {
    sendJson(res, 200, {});
    return 200;
  }
  sendJson(res, 400, { error: outcome.error, error_description: outcome.error_description });
  return 400;
}

/** OpenID userinfo (v3): needs the `email` scope here; Google's error form for bad tokens is `invalid_request`. */
export function handleUserinfo(state: OfflineGoogleState, token: string | null, res: ServerResponse): number {
  const issued = token ? state.validToken(token) : null;
  const account = issued ? state.findAccount(issued.email) : undefined;
  if (!issued || !account || !(issued.scopes.has('email') || issued.scopes.has(USERINFO_EMAIL))) {
    sendJson(
      res,
      401,
      { error: 'invalid_request', error_description: 'Invalid Credentials' },
      {
        'WWW-Authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"',
      },
    );
    return 401;
  }
  const info: Record<string, unknown> = { sub: account.sub, email: account.email, email_verified: true };
  if (issued.scopes.has('profile') || issued.scopes.has(USERINFO_PROFILE)) {
    const [given, ...family] = account.name.split(' ');
    Object.assign(info, { name: account.name, given_name: given ?? '', family_name: family.join(' ') });
  }
  if (account.hd) info.hd = account.hd;
  sendJson(res, 200, info);
  return 200;
}

/**
 * The popup page. Never frameable (X-Frame-Options and frame-ancestors), as Google's authorization pages refuse
 * framing (gis-gapi.md §1.6: "No hidden-iframe path exists"), so a page cannot overlay and aim the Allow click.
 */
export function sendAuthPage(
  state: OfflineGoogleState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  descriptions: ScopeDescriptions,
): void {
  const request = parseAuthRequest(url);
  const plan = planAuth(state, request);
  const language = consentLanguage(url.searchParams.get('hl'), req.headers['accept-language']);
  sendText(
    res,
    plan.kind === 'error-page' ? plan.status : 200,
    'text/html; charset=utf-8',
    renderAuthPage(request, plan, state, descriptions, url, language),
    {
      'Cache-Control': 'no-store',
      'X-Frame-Options': 'DENY',
      'Content-Security-Policy': "frame-ancestors 'none'",
      'Content-Language': language,
    },
  );
}
