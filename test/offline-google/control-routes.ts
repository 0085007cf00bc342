/**
 * `/__control/*`: JSON over HTTP for tests, on the double's own origin and never to a web page: no CORS, and a
 * request a browser sent from a page (it carries `Origin` or `Sec-Fetch-Site`) is refused, so in demo mode no site
 * the user visits can reset the double or read its tokens. Plus the outbox page's own data routes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import PostalMime from 'postal-mime';
import { readBody, sendJson, sendText } from './http.ts';
import { expandScopes } from './oauth-routes.ts';
import type { OfflineGoogleState } from './state.ts';
import { DEMO_CLIENT_ID, defaultAccounts } from './state.ts';
import type { ConsentScript, FaultSpec, OAuthClientConfig, ResetOptions, TestAccount } from './types.ts';
import { UserQuota } from './user-quota.ts';

/**
 * Why a control request is refused, or null. Browsers add `Origin` to every cross-origin request and to every
 * POST (Fetch standard, "append a request `Origin` header"), and Chromium adds `Sec-Fetch-Site` to everything
 * (Fetch Metadata); tests call from Node, which sends neither. A page of the control origin itself is allowed.
 */
export function controlRefusal(req: IncomingMessage, controlOrigin: string): string | null {
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== controlOrigin) return `Control routes refuse requests from ${origin}`;
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return `Control routes refuse ${site} requests`;
  return null;
}

async function json<T>(req: IncomingMessage): Promise<T> {
  const { body } = await readBody(req, 16 << 20);
  return (body.length ? JSON.parse(body.toString('utf8')) : {}) as T;
}

export async function handleControl(
  state: OfflineGoogleState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  const route = `${req.method} ${url.pathname.replace(/^\/__control/, '')}`;
  switch (route) {
    case 'GET /health':
      sendJson(res, 200, { ok: true, service: 'offline-google', now: new Date(state.now()).toISOString() });
      return true;
    case 'POST /reset':
      state.reset(await json<ResetOptions>(req));
      sendJson(res, 200, { ok: true });
      return true;
    case 'GET /accounts':
      sendJson(res, 200, state.accounts);
      return true;
    case 'POST /accounts': {
      const { accounts } = await json<{ accounts?: TestAccount[] }>(req);
      state.setAccounts(accounts ?? defaultAccounts);
      sendJson(res, 200, state.accounts);
      return true;
    }
    case 'GET /clock':
      sendJson(res, 200, { now: new Date(state.now()).toISOString(), offsetSeconds: state.clockOffsetMs / 1000 });
      return true;
    case 'POST /clock/advance': {
      const { seconds } = await json<{ seconds: number }>(req);
      state.advanceClock(Number(seconds) || 0);
      sendJson(res, 200, { now: new Date(state.now()).toISOString(), offsetSeconds: state.clockOffsetMs / 1000 });
      return true;
    }
    case 'GET /faults':
      state.liftExpiredFaults();
      sendJson(
        res,
        200,
        state.faults.map((fault) => ({ ...fault.spec, remaining: fault.remaining })),
      );
      return true;
    case 'POST /faults': {
      const { faults } = await json<{ faults: FaultSpec[] }>(req);
      state.addFaults(faults ?? []);
      sendJson(res, 200, { pending: state.faults.length });
      return true;
    }
    case 'DELETE /faults':
      state.faults = [];
      sendJson(res, 200, { pending: 0 });
      return true;
    case 'POST /consent-script': {
      const { script } = await json<{ script?: ConsentScript }>(req);
      state.consentScript = script ?? { action: 'manual' };
      sendJson(res, 200, state.consentScript);
      return true;
    }
    case 'POST /settings': {
      const input = await json<ResetOptions>(req);
      if (input.jsonBodyLimit !== undefined) state.jsonBodyLimit = input.jsonBodyLimit;
      if (input.acceptStandardBase64 !== undefined) state.acceptStandardBase64 = input.acceptStandardBase64;
      if (input.addDateWhenMissing !== undefined) state.addDateWhenMissing = input.addDateWhenMissing;
      if (input.maxRecipients !== undefined) state.maxRecipients = input.maxRecipients;
      if (input.uploadRangeHidden !== undefined) state.uploadRangeHidden = input.uploadRangeHidden;
      // A new setting starts a fresh count; null switches the quota off.
      if (input.userQuota !== undefined) state.userQuota = input.userQuota ? new UserQuota(input.userQuota) : null;
      sendJson(res, 200, { ok: true });
      return true;
    }
    case 'GET /outbox':
      sendJson(res, 200, state.outbox);
      return true;
    case 'GET /tokens':
      sendJson(res, 200, state.tokenViews());
      return true;
    case 'POST /tokens': {
      // Direct issuance for Node tests that do not drive a browser popup; grants are recorded as if consented.
      const input = await json<{ email: string; scopes: string[]; clientId?: string }>(req);
      const account = state.findAccount(input.email);
      if (!account) {
        sendJson(res, 404, { error: `No test account ${input.email}` });
        return true;
      }
      const clientId = input.clientId ?? DEMO_CLIENT_ID;
      // Recorded as a consent screen would record it: sign-in scopes in both their forms.
      state.addGrant(clientId, account.email, expandScopes(input.scopes));
      const token = state.issueToken(account.email, clientId, input.scopes);
      sendJson(res, 200, { access_token: token.token, expires_at: new Date(token.expiresAtMs).toISOString() });
      return true;
    }
    case 'GET /clients':
      sendJson(res, 200, [...state.clients.values()]);
      return true;
    case 'POST /clients': {
      // Adds or replaces clients (origins, Testing / In production), as editing them in the Cloud console would.
      const { clients } = await json<{ clients?: OAuthClientConfig[] }>(req);
      for (const client of clients ?? []) state.clients.set(client.clientId, client);
      sendJson(res, 200, [...state.clients.values()]);
      return true;
    }
    case 'GET /grants':
      sendJson(res, 200, Object.fromEntries([...state.grants].map(([key, scopes]) => [key, [...scopes]])));
      return true;
    case 'POST /pages': {
      const { name, html } = await json<{ name: string; html: string }>(req);
      state.testPages.set(name, html);
      sendJson(res, 200, { path: `/__test/${name}` });
      return true;
    }
    case 'GET /requests':
      sendJson(res, 200, state.requestLog);
      return true;
    default:
      return false;
  }
}

/** `/mail/api/*`: the outbox page reads the same records tests do; attachments are re-parsed from the stored bytes. */
export async function handleMailApi(state: OfflineGoogleState, res: ServerResponse, url: URL): Promise<boolean> {
  if (url.pathname === '/mail/api/outbox') {
    sendJson(res, 200, state.outbox);
    return true;
  }
  const match = /^\/mail\/api\/attachment\/([0-9a-f]+)\/(\d+)$/.exec(url.pathname);
  if (!match) return false;
  const message = state.outbox.find((m) => m.id === match[1]);
  const parsed = message
    ? await PostalMime.parse(Buffer.from(message.rawBase64, 'base64'), { attachmentEncoding: 'arraybuffer' })
    : null;
  const attachment = parsed?.attachments[Number(match[2])];
  if (!attachment) {
    sendJson(res, 404, { error: 'No such attachment' });
    return true;
  }
  const content =
    typeof attachment.content === 'string'
      ? Buffer.from(attachment.content)
      : Buffer.from(attachment.content as ArrayBuffer);
  const name = attachment.filename ?? 'attachment';
  sendText(res, 200, attachment.mimeType || 'application/octet-stream', content, {
    'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
  });
  return true;
}

export const outboxPageHtml = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Outbox — Offline Gmail</title>
<meta name="viewport" content="width=device-width">
<style>body{font:15px system-ui,sans-serif;margin:1.5em auto;max-width:60em;padding:0 1em}.banner{background:#fde293;padding:.4em .7em;border-radius:4px}
.message{border:1px solid #ccc;border-radius:8px;padding:1em;margin:1em 0}.message.focus{outline:3px solid #1a73e8}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em}dt{font-weight:600}dd{margin:0}
pre{white-space:pre-wrap;word-break:break-word;background:#f6f8fa;padding:.6em;border-radius:4px}</style></head>
<body><p class="banner">Offline Google — demo outbox. Nothing here was really sent.</p>
<h1>Outbox</h1><p id="status" role="status">Loading…</p><button type="button" id="refresh">Refresh</button>
<main id="messages"></main><script src="/mail/outbox.js"></script></body></html>`;
