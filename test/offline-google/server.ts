/**
 * The offline Google: one plain node:http server that serves, at paths mirroring Google's, the GIS script, the gapi
 * loader, the consent popup, the Gmail send API, userinfo, the discovery document and an outbox page, plus
 * `/__control/*` for tests. Test and demo infrastructure only: nothing under src/ imports it.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { handleControl, handleMailApi, outboxPageHtml } from './control-routes.ts';
import { handleSend, sendPath } from './gmail-routes.ts';
import {
  answerPreflight,
  applyCors,
  bearerToken,
  escapeHtml,
  sendJson,
  sendText,
  severMidResponse,
  sleep,
} from './http.ts';
import {
  discoveryScopeDescriptions,
  handleDecision,
  handleRevoke,
  handleUserinfo,
  sendAuthPage,
} from './oauth-routes.ts';
import { OfflineGoogleState } from './state.ts';
import type { FaultRoute, OfflineGoogleOptions } from './types.ts';

export const DEFAULT_PORT = 8790;
export const DEFAULT_HOST = '127.0.0.1';

function local(path: string): string {
  return fileURLToPath(new URL(path, import.meta.url));
}

/** Read per request so that edits to the browser scripts show up without a restart. */
function asset(path: string): string {
  return readFileSync(local(path), 'utf8');
}

const discoveryText = readFileSync(local('./gmail-v1.discovery.json'), 'utf8');
const discovery = JSON.parse(discoveryText) as Record<string, unknown>;
const scopeDescriptions = discoveryScopeDescriptions(discovery);

/** The discovery document as this "Google" would publish it: its API hosts are the double's own origin. */
function localDiscovery(origin: string): string {
  return JSON.stringify(
    { ...discovery, rootUrl: `${origin}/`, mtlsRootUrl: `${origin}/`, baseUrl: `${origin}/` },
    null,
    2,
  );
}

export interface OfflineGoogle {
  origin: string;
  state: OfflineGoogleState;
  close(): Promise<void>;
}

const scriptHeaders = { 'Cache-Control': 'no-cache', 'Cross-Origin-Resource-Policy': 'cross-origin' };

async function route(
  state: OfflineGoogleState,
  req: IncomingMessage,
  res: ServerResponse,
  origin: string,
): Promise<number | 'dropped'> {
  const url = new URL(req.url ?? '/', origin);
  const path = url.pathname;
  if (req.method === 'OPTIONS') {
    answerPreflight(req, res);
    return 200;
  }
  applyCors(req, res);

  if (path.startsWith('/__control/')) {
    if (await handleControl(state, req, res, url)) return 200;
    sendJson(res, 404, { error: `Unknown control route ${req.method} ${path}` });
    return 404;
  }
  const send = sendPath.exec(path);
  if (send) return (await handleSend(state, req, res, url, send)).status;

  const testPage = /^\/__test\/([\w.-]+)$/.exec(path);
  if (req.method === 'GET' && testPage && state.testPages.has(testPage[1]!)) {
    // Same COOP as the app (src/security/headers-plugin.ts), so the popup keeps window.opener.
    sendText(res, 200, 'text/html; charset=utf-8', state.testPages.get(testPage[1]!)!, {
      'Cross-Origin-Opener-Policy': 'same-origin-allow-popups',
      'Cache-Control': 'no-store',
    });
    return 200;
  }
  if (req.method === 'GET' && path === '/gsi/client') {
    sendText(res, 200, 'text/javascript; charset=utf-8', asset('./browser/gsi-client.js'), scriptHeaders);
    return 200;
  }
  if (req.method === 'GET' && path === '/js/api.js') {
    sendText(res, 200, 'text/javascript; charset=utf-8', asset('./browser/gapi.js'), scriptHeaders);
    return 200;
  }
  if (
    req.method === 'GET' &&
    (path === '/discovery/v1/apis/gmail/v1/rest' ||
      (path === '/$discovery/rest' && url.searchParams.get('version') === 'v1'))
  ) {
    sendText(res, 200, 'application/json; charset=UTF-8', localDiscovery(origin));
    return 200;
  }
  if (req.method === 'GET' && path === '/o/oauth2/v2/auth') {
    sendAuthPage(state, res, url, scopeDescriptions);
    return 200;
  }
  if (req.method === 'GET' && path === '/o/oauth2/v2/consent.js') {
    sendText(res, 200, 'text/javascript; charset=utf-8', asset('./browser/consent.js'), scriptHeaders);
    return 200;
  }
  if (req.method === 'POST' && path === '/o/oauth2/v2/auth/decision') {
    await handleDecision(state, req, res);
    return 200;
  }
  if (req.method === 'POST' && (path === '/revoke' || path === '/o/oauth2/revoke'))
    return handleRevoke(state, req, res, url);
  if (path === '/oauth2/v3/userinfo') {
    const token = bearerToken(req, url);
    const fault = state.peekFault(
      'userinfo',
      (spec) => !['uploadDrop', 'sessionGone', 'dropAfterAccept', 'serverErrorAfterAccept'].includes(spec.kind),
    );
    if (fault?.kind === 'dropBeforeBody') {
      state.consumeFault(fault);
      severMidResponse(req.socket);
      return 'dropped';
    }
    if (fault?.kind === 'delay') {
      state.consumeFault(fault);
      await sleep(fault.ms);
    }
    // As on the Gmail routes, a bad credential is refused before any injected answer (which then stays pending).
    if (fault && fault.kind !== 'delay' && token && state.validToken(token)) {
      state.consumeFault(fault);
      const status =
        fault.kind === 'unauthorized'
          ? 401
          : fault.kind === 'serverError'
            ? fault.status
            : fault.kind === 'forbidden'
              ? 403
              : 429;
      sendJson(res, status, { error: 'server_error', error_description: `Injected fault ${fault.kind}` });
      return status;
    }
    return handleUserinfo(state, token, res);
  }
  if (req.method === 'GET' && path === '/mail/outbox.js') {
    sendText(res, 200, 'text/javascript; charset=utf-8', asset('./browser/outbox.js'), scriptHeaders);
    return 200;
  }
  if (path.startsWith('/mail/api/') && (await handleMailApi(state, res, url))) return 200;
  if (req.method === 'GET' && (path === '/mail' || path === '/mail/' || /^\/mail\/u\/[^/]+\/?$/.test(path))) {
    sendText(res, 200, 'text/html; charset=utf-8', outboxPageHtml, { 'Cache-Control': 'no-store' });
    return 200;
  }
  if (req.method === 'GET' && path === '/') {
    const links = ['/mail/', '/gsi/client', '/js/api.js', '/discovery/v1/apis/gmail/v1/rest', '/__control/health'];
    sendText(
      res,
      200,
      'text/html; charset=utf-8',
      `<!doctype html><meta charset="utf-8"><title>Offline Google</title><h1>Offline Google</h1><ul>${links.map((l) => `<li><a href="${escapeHtml(l)}">${escapeHtml(l)}</a></li>`).join('')}</ul>`,
    );
    return 200;
  }
  sendJson(res, 404, { error: { code: 404, message: `Not found: ${path}`, status: 'NOT_FOUND' } });
  return 404;
}

function routeKind(path: string): FaultRoute | 'other' {
  const send = sendPath.exec(path);
  if (send) return send[1] ? 'upload' : 'send';
  if (path === '/oauth2/v3/userinfo') return 'userinfo';
  return 'other';
}

/** Starts the offline Google; `port: 0` picks a free port (tests), the default is 127.0.0.1:8790. */
export async function startOfflineGoogle(options: OfflineGoogleOptions = {}): Promise<OfflineGoogle> {
  const state = new OfflineGoogleState(options);
  const host = options.host ?? DEFAULT_HOST;
  let origin = '';
  const server = createServer((req, res) => {
    const started = new Date(state.now()).toISOString();
    const kind = routeKind(new URL(req.url ?? '/', 'http://x').pathname);
    route(state, req, res, origin)
      .then((status) => {
        if (kind !== 'other' && req.method !== 'OPTIONS') {
          state.requestLog.push({ at: started, method: req.method ?? '', path: req.url ?? '', status, route: kind });
        }
        if (options.verbose) console.error(`[offline-google] ${req.method} ${req.url} -> ${status}`);
      })
      .catch((error: unknown) => {
        console.error('[offline-google] handler failed', error);
        if (!res.headersSent) sendJson(res, 500, { error: { code: 500, message: String(error), status: 'INTERNAL' } });
        else res.socket?.destroy();
      });
  });
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  return {
    origin,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
