/**
 * The popup side of GIS's token model (/o/oauth2/v2/auth), token revocation and OpenID userinfo.
 * Sources: JSREF https://developers.google.com/identity/oauth2/web/reference/js-reference (prompt, login_hint,
 * include_granted_scopes), TOKMODEL .../guides/use-token-model (grants accumulate), GRAN (granular consent).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { escapeHtml, readBody, sendJson, sendText } from './http.ts';
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
  | { kind: 'error-page'; error: string; detail: string }
  | { kind: 'chooser' }
  | { kind: 'consent'; account: Required<TestAccount> }
  | { kind: 'approve'; account: Required<TestAccount>; scopes: string[]; prompt: string; showUi: boolean }
  | { kind: 'oauth-error'; response: Record<string, string> }
  | { kind: 'deny' }
  | { kind: 'close' };

/** Decides what the popup shows. Pure over state, so the Node tests can check every prompt path. */
export function planAuth(state: OfflineGoogleState, request: AuthRequest): AuthPlan {
  if (!request.clientId)
    return { kind: 'error-page', error: 'invalid_request', detail: 'Missing required parameter: client_id' };
  if (request.scopes.length === 0)
    return { kind: 'error-page', error: 'invalid_request', detail: 'Missing required parameter: scope' };
  const invalid = request.scopes.filter((scope) => !isSignInScope(scope) && !/^https:\/\/\S+$/.test(scope));
  if (invalid.length)
    return {
      kind: 'error-page',
      error: 'invalid_scope',
      detail: `Some requested scopes were invalid. {invalid=[${invalid.join(', ')}]}`,
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
  state.addGrant(request.clientId, account.email, accepted);
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

export function discoveryScopeDescriptions(discovery: {
  auth?: { oauth2?: { scopes?: Record<string, { description: string }> } };
}): Record<string, string> {
  const out: Record<string, string> = {
    openid: 'Associate you with your personal info on Google',
    email: 'See your primary Google Account email address',
    profile: 'See your personal info, including any personal info you’ve made publicly available',
    [USERINFO_EMAIL]: 'See your primary Google Account email address',
    [USERINFO_PROFILE]: 'See your personal info, including any personal info you’ve made publicly available',
  };
  for (const [scope, value] of Object.entries(discovery.auth?.oauth2?.scopes ?? {})) out[scope] = value.description;
  return out;
}

export function renderAuthPage(
  request: AuthRequest,
  plan: AuthPlan,
  state: OfflineGoogleState,
  descriptions: Record<string, string>,
  pageUrl: URL,
): string {
  const payload = JSON.stringify({ request, plan }).replace(/</g, '\\u003c');
  let main = '';
  if (plan.kind === 'error-page') {
    main = `<h1>Access blocked: authorization error</h1><p id="error-code">Error 400: ${escapeHtml(plan.error)}</p><p>${escapeHtml(plan.detail)}</p>`;
  } else if (plan.kind === 'chooser') {
    const items = state.accounts
      .map((account) => {
        const next = new URL(pageUrl);
        next.searchParams.set('login_hint', account.email);
        next.searchParams.set('chosen', '1');
        return `<li><a class="account" href="${escapeHtml(next.pathname + next.search)}"><strong>${escapeHtml(account.name)}</strong> <span>${escapeHtml(account.email)}</span></a></li>`;
      })
      .join('');
    main = `<h1>Choose an account</h1><p>to continue to Offline demo app</p><ul class="accounts">${items}</ul>`;
  } else if (plan.kind === 'consent') {
    const requested = [...expandScopes(request.scopes)].filter((s) => s !== 'openid' && !/^(email|profile)$/.test(s));
    const rows = requested
      .map((scope, index) => {
        const text = escapeHtml(descriptions[scope] ?? scope);
        if (isSignInScope(scope)) return `<li class="signin">${text}</li>`;
        // GRAN shows checkboxes only when more than one non-sign-in scope is requested; the double always shows them
        // so tests can exercise partial grants with a single sensitive scope.
        return `<li><label><input type="checkbox" name="scope" value="${escapeHtml(scope)}" id="scope-${index}" /> ${text}</label> <code>${escapeHtml(scope)}</code></li>`;
      })
      .join('');
    main = `<h1>Offline demo app wants access to your Google Account</h1><p class="who">${escapeHtml(plan.account.name)} — ${escapeHtml(plan.account.email)}</p>
<form id="consent"><p>Select what Offline demo app can access</p><ul class="scopes">${rows}</ul>
<p><label><input type="checkbox" id="select-all" /> Select all</label></p>
<button type="button" id="deny">Deny</button> <button type="submit" id="allow">Allow</button></form>`;
  } else {
    main = '<p class="working">One moment…</p>';
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in - Google Accounts (offline)</title>
<meta name="viewport" content="width=device-width">
<style>body{font:15px system-ui,sans-serif;margin:2em;max-width:40em}.banner{background:#fde293;padding:.3em .6em;border-radius:4px}
ul{list-style:none;padding:0}li{margin:.5em 0}.account{display:block;padding:.6em;border:1px solid #ccc;border-radius:6px;text-decoration:none;color:inherit}
button{padding:.5em 1.2em;font:inherit}code{color:#666;font-size:80%}</style></head>
<body><p class="banner">Offline Google (test double): no data leaves this machine.</p>${main}
<script type="application/json" id="plan">${payload}</script>
<script src="/o/oauth2/v2/consent.js"></script></body></html>`;
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

export function sendAuthPage(
  state: OfflineGoogleState,
  res: ServerResponse,
  url: URL,
  descriptions: Record<string, string>,
): void {
  const request = parseAuthRequest(url);
  const plan = planAuth(state, request);
  sendText(
    res,
    plan.kind === 'error-page' ? 400 : 200,
    'text/html; charset=utf-8',
    renderAuthPage(request, plan, state, descriptions, url),
    {
      'Cache-Control': 'no-store',
    },
  );
}
