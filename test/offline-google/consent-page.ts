/**
 * The consent popup's HTML, in the browser's language as Google's is (`hl`, else Accept-Language): English or
 * Japanese. Scope lines are worded as Google words them:
 * - English: the discovery document's scope descriptions (gmail.send: "Send email on your behalf");
 * - Japanese: Google's Japanese Gmail scopes page (https://developers.google.com/gmail/api/auth/scopes?hl=ja:
 *   gmail.send 「ユーザーに代わってメールを送信します。」), as a consent line without the sentence ending, the form the
 *   app and README quote; the sign-in scopes as Google's Japanese consent screen lists them.
 * Error pages follow Google's "Access blocked: Authorization Error" page with its "Error 400: <code>" line.
 */
import { escapeHtml } from './http.ts';
import type { AuthPlan, AuthRequest } from './oauth-routes.ts';
import { expandScopes, isSignInScope } from './oauth-routes.ts';
import type { OfflineGoogleState } from './state.ts';

export type ConsentLanguage = 'en' | 'ja';
export type ScopeDescriptions = Record<ConsentLanguage, Record<string, string>>;

const USERINFO_EMAIL = 'https://www.googleapis.com/auth/userinfo.email';
const USERINFO_PROFILE = 'https://www.googleapis.com/auth/userinfo.profile';
const GMAIL_SEND = 'https://www.googleapis.com/auth/gmail.send';

/** `hl` wins (Google's own parameter), then the first language the browser prefers. */
export function consentLanguage(hl: string | null, acceptLanguage: string | undefined): ConsentLanguage {
  const first = hl ?? acceptLanguage?.split(',')[0]?.trim() ?? '';
  return /^ja\b/i.test(first) ? 'ja' : 'en';
}

export function discoveryScopeDescriptions(discovery: {
  auth?: { oauth2?: { scopes?: Record<string, { description: string }> } };
}): ScopeDescriptions {
  const en: Record<string, string> = {
    openid: 'Associate you with your personal info on Google',
    email: 'See your primary Google Account email address',
    profile: 'See your personal info, including any personal info you’ve made publicly available',
    [USERINFO_EMAIL]: 'See your primary Google Account email address',
    [USERINFO_PROFILE]: 'See your personal info, including any personal info you’ve made publicly available',
  };
  for (const [scope, value] of Object.entries(discovery.auth?.oauth2?.scopes ?? {})) en[scope] = value.description;
  const ja: Record<string, string> = {
    openid: 'Google 上の個人情報とユーザーを関連付ける',
    email: 'Google アカウントのメインのメールアドレスの参照',
    profile: '個人情報（公開しているものを含む）の参照',
    [USERINFO_EMAIL]: 'Google アカウントのメインのメールアドレスの参照',
    [USERINFO_PROFILE]: '個人情報（公開しているものを含む）の参照',
    [GMAIL_SEND]: 'ユーザーに代わってメールを送信',
  };
  return { en, ja };
}

const text = {
  en: {
    banner: 'Offline Google (test double): no data leaves this machine.',
    blocked: 'Access blocked: Authorization Error',
    error: (status: number, code: string) => `Error ${status}: ${code}`,
    originMismatch:
      'You can’t sign in to this app because it doesn’t comply with Google’s OAuth 2.0 policy. If you’re the app developer, register the JavaScript origin in the Google Cloud Console.',
    choose: 'Choose an account',
    continueTo: (app: string) => `to continue to ${app}`,
    wants: (app: string) => `${app} wants access to your Google Account`,
    select: (app: string) => `Select what ${app} can access`,
    selectAll: 'Select all',
    deny: 'Deny',
    allow: 'Allow',
    working: 'One moment…',
    title: 'Sign in - Google Accounts (offline)',
  },
  ja: {
    banner: 'オフラインの Google（テスト用の代役）です。データはこのパソコンの外に出ません。',
    blocked: 'アクセスをブロック: 承認エラー',
    error: (status: number, code: string) => `エラー ${status}: ${code}`,
    originMismatch:
      'このアプリは Google の OAuth 2.0 ポリシーに準拠していないため、ログインできません。アプリのデベロッパーの方は、Google Cloud Console で JavaScript 生成元を登録してください。',
    choose: 'アカウントの選択',
    continueTo: (app: string) => `${app} に移動`,
    wants: (app: string) => `${app} が Google アカウントへのアクセスをリクエストしています`,
    select: (app: string) => `${app} がアクセスできる情報を選択してください`,
    selectAll: 'すべて選択',
    deny: '拒否',
    allow: '許可',
    working: 'お待ちください…',
    title: 'ログイン - Google アカウント（オフライン）',
  },
} as const;

export function renderAuthPage(
  request: AuthRequest,
  plan: AuthPlan,
  state: OfflineGoogleState,
  descriptions: ScopeDescriptions,
  pageUrl: URL,
  language: ConsentLanguage,
): string {
  const t = text[language];
  const app = state.clients.get(request.clientId)?.name ?? 'Offline demo app';
  const payload = JSON.stringify({ request, plan }).replace(/</g, '\\u003c');
  let main = '';
  if (plan.kind === 'error-page') {
    const explained = plan.error === 'origin_mismatch' ? t.originMismatch : plan.detail;
    main = `<h1>${escapeHtml(t.blocked)}</h1><p>${escapeHtml(explained)}</p><p id="error-code">${escapeHtml(t.error(plan.status, plan.error))}</p>`;
  } else if (plan.kind === 'chooser') {
    const items = state.accounts
      .map((account) => {
        const next = new URL(pageUrl);
        next.searchParams.set('login_hint', account.email);
        next.searchParams.set('chosen', '1');
        return `<li><a class="account" href="${escapeHtml(next.pathname + next.search)}"><strong>${escapeHtml(account.name)}</strong> <span>${escapeHtml(account.email)}</span></a></li>`;
      })
      .join('');
    main = `<h1>${escapeHtml(t.choose)}</h1><p>${escapeHtml(t.continueTo(app))}</p><ul class="accounts">${items}</ul>`;
  } else if (plan.kind === 'consent') {
    const words = descriptions[language];
    const requested = [...expandScopes(request.scopes)].filter((s) => s !== 'openid' && !/^(email|profile)$/.test(s));
    const rows = requested
      .map((scope, index) => {
        const line = escapeHtml(words[scope] ?? descriptions.en[scope] ?? scope);
        if (isSignInScope(scope)) return `<li class="signin">${line}</li>`;
        // GRAN shows checkboxes only when more than one non-sign-in scope is requested; the double always shows them
        // so tests can exercise partial grants with a single sensitive scope.
        return `<li><label><input type="checkbox" name="scope" value="${escapeHtml(scope)}" id="scope-${index}" /> ${line}</label> <code>${escapeHtml(scope)}</code></li>`;
      })
      .join('');
    main = `<h1>${escapeHtml(t.wants(app))}</h1><p class="who">${escapeHtml(plan.account.name)} — ${escapeHtml(plan.account.email)}</p>
<form id="consent"><p>${escapeHtml(t.select(app))}</p><ul class="scopes">${rows}</ul>
<p><label><input type="checkbox" id="select-all" /> ${escapeHtml(t.selectAll)}</label></p>
<button type="button" id="deny">${escapeHtml(t.deny)}</button> <button type="submit" id="allow">${escapeHtml(t.allow)}</button></form>`;
  } else {
    main = `<p class="working">${escapeHtml(t.working)}</p>`;
  }
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(t.title)}</title>
<meta name="viewport" content="width=device-width">
<style>body{font:15px system-ui,sans-serif;margin:2em;max-width:40em}.banner{background:#fde293;padding:.3em .6em;border-radius:4px}
ul{list-style:none;padding:0}li{margin:.5em 0}.account{display:block;padding:.6em;border:1px solid #ccc;border-radius:6px;text-decoration:none;color:inherit}
button{padding:.5em 1.2em;font:inherit}code{color:#666;font-size:80%}</style></head>
<body><p class="banner">${escapeHtml(t.banner)}</p>${main}
<script type="application/json" id="plan">${payload}</script>
<script src="/o/oauth2/v2/consent.js"></script></body></html>`;
}
