/**
 * The offline Google: plain node:http(s) listeners, one origin per Google host (hosts.ts), serving at Google's paths
 * the GIS script and consent popup (accounts), the gapi loader (apis), the Gmail API and discovery (gmail, www,
 * content), userinfo (www), revoke (oauth2) and an outbox in place of Gmail's web UI (mail), plus `/__control/*` for
 * tests on the double's own origin. Test and demo infrastructure only: nothing under src/ imports it.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { discoveryScopeDescriptions } from './consent-page.ts';
import { controlRefusal, handleControl, handleMailApi, outboxPageHtml } from './control-routes.ts';
import { handleSend, sendPath } from './gmail-routes.ts';
import { type GoogleHost, googleHosts, type HostOrigins, type OfflineHost, portOrigins, realOrigins } from './hosts.ts';
import {
  answerPreflight,
  applyCors,
  bearerToken,
  escapeHtml,
  sendJson,
  sendText,
  severMidResponse,
  sleep,
  uploadExposedHeaders,
} from './http.ts';
import { handleDecision, handleRevoke, handleUserinfo, sendAuthPage } from './oauth-routes.ts';
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

/** A browser script with the origin of every host written in (`/* @hosts *\/ {}` in the source). */
function script(path: string, origins: HostOrigins): string {
  return asset(path).replace('/* @hosts */ {}', JSON.stringify(origins));
}

const discoveryText = readFileSync(local('./gmail-v1.discovery.json'), 'utf8');
const discovery = JSON.parse(discoveryText) as Record<string, unknown>;
const scopeDescriptions = discoveryScopeDescriptions(discovery);

/** The discovery document as this "Google" would publish it: its API root is the double's Gmail host. */
function localDiscovery(gmailOrigin: string): string {
  const root = `${gmailOrigin}/`;
  return JSON.stringify({ ...discovery, rootUrl: root, mtlsRootUrl: root, baseUrl: root }, null, 2);
}

export interface OfflineGoogle {
  /** The double's own origin: `/__control/*`, test pages, and the base the app's offline build is given. */
  origin: string;
  /** The origin that stands for each Google host (and `control`). */
  origins: HostOrigins;
  /** Names mode only: the HTTPS port that Google's real hostnames must be mapped to. */
  httpsPort: number | null;
  state: OfflineGoogleState;
  close(): Promise<void>;
}

export interface StartOptions extends OfflineGoogleOptions {
  /**
   * Names mode: one HTTPS listener with this key and certificate answers Google's real hostnames (by the Host
   * header), and `/__control` listens on plain HTTP at `port` (0 = any). Without it: ports mode.
   */
  tls?: { key: string; cert: string };
}

const scriptHeaders = { 'Cache-Control': 'no-cache', 'Cross-Origin-Resource-Policy': 'cross-origin' };
const jsType = 'text/javascript; charset=utf-8';
const htmlType = 'text/html; charset=utf-8';

interface Context {
  state: OfflineGoogleState;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  host: OfflineHost;
  origins: HostOrigins;
}

type Status = number | 'dropped';

function notFound({ res, url }: Context): Status {
  sendJson(res, 404, { error: { code: 404, message: `Not found: ${url.pathname}`, status: 'NOT_FOUND' } });
  return 404;
}

const isDiscovery = (url: URL) =>
  url.pathname === '/discovery/v1/apis/gmail/v1/rest' ||
  (url.pathname === '/$discovery/rest' && url.searchParams.get('version') === 'v1');

/** accounts.google.com: GIS, the consent popup and its decision endpoint, the legacy revoke path. */
async function accounts(ctx: Context): Promise<Status> {
  const { state, req, res, url, origins } = ctx;
  const path = url.pathname;
  if (req.method === 'GET' && path === '/gsi/client') {
    sendText(res, 200, jsType, script('./browser/gsi-client.js', origins), scriptHeaders);
    return 200;
  }
  if (req.method === 'GET' && path === '/gsi/style') {
    sendText(res, 200, 'text/css; charset=utf-8', '/* GIS button styles: unused by the token model */', scriptHeaders);
    return 200;
  }
  if (req.method === 'GET' && path === '/o/oauth2/v2/auth') {
    sendAuthPage(state, req, res, url, scopeDescriptions);
    return 200;
  }
  if (req.method === 'GET' && path === '/o/oauth2/v2/consent.js') {
    sendText(res, 200, jsType, asset('./browser/consent.js'), scriptHeaders);
    return 200;
  }
  if (req.method === 'POST' && path === '/o/oauth2/v2/auth/decision') {
    await handleDecision(state, req, res);
    return 200;
  }
  if (req.method === 'POST' && path === '/o/oauth2/revoke') {
    applyCors(req, res);
    return handleRevoke(state, req, res, url);
  }
  return notFound(ctx);
}

/** userinfo (www.googleapis.com); as on the Gmail routes, a bad credential is refused before an injected answer. */
async function userinfo(ctx: Context): Promise<Status> {
  const { state, req, res, url } = ctx;
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

/** gmail.googleapis.com, www.googleapis.com and content.googleapis.com: the API hosts. */
async function api(ctx: Context): Promise<Status> {
  const { state, req, res, url, host, origins } = ctx;
  const send = sendPath.exec(url.pathname);
  if (send) {
    applyCors(req, res, send[1] ? uploadExposedHeaders(state.uploadRangeHidden) : undefined);
    return (await handleSend(state, req, res, url, send, origins[host])).status;
  }
  applyCors(req, res);
  if (req.method === 'GET' && isDiscovery(url)) {
    sendText(res, 200, 'application/json; charset=UTF-8', localDiscovery(origins['gmail.googleapis.com']));
    return 200;
  }
  // content.googleapis.com is gapi's alias of the googleapis.com APIs (the default root of gapi.client.request).
  if (host !== 'gmail.googleapis.com' && url.pathname === '/oauth2/v3/userinfo') return userinfo(ctx);
  return notFound(ctx);
}

/** mail.google.com: an outbox of what was "sent", at Gmail's web paths. */
async function mail(ctx: Context): Promise<Status> {
  const { state, req, res, url } = ctx;
  const path = url.pathname;
  if (req.method === 'GET' && path === '/mail/outbox.js') {
    sendText(res, 200, jsType, asset('./browser/outbox.js'), scriptHeaders);
    return 200;
  }
  if (path.startsWith('/mail/api/') && (await handleMailApi(state, res, url))) return 200;
  if (req.method === 'GET' && (path === '/mail' || path === '/mail/' || /^\/mail\/u\/[^/]+\/?$/.test(path))) {
    sendText(res, 200, htmlType, outboxPageHtml, { 'Cache-Control': 'no-store', 'X-Frame-Options': 'DENY' });
    return 200;
  }
  return notFound(ctx);
}

/** The double's own origin: controls for tests, pages tests register, and a map of the hosts. */
async function control(ctx: Context): Promise<Status> {
  const { state, req, res, url, origins } = ctx;
  const path = url.pathname;
  if (path.startsWith('/__control/')) {
    const refusal = controlRefusal(req, origins.control);
    if (refusal) {
      sendJson(res, 403, { error: refusal });
      return 403;
    }
    if (await handleControl(state, req, res, url)) return 200;
    sendJson(res, 404, { error: `Unknown control route ${req.method} ${path}` });
    return 404;
  }
  const testPage = /^\/__test\/([\w.-]+)$/.exec(path);
  if (req.method === 'GET' && testPage && state.testPages.has(testPage[1]!)) {
    // Same COOP as the app (src/security/headers-plugin.ts), so the popup keeps window.opener.
    sendText(res, 200, htmlType, state.testPages.get(testPage[1]!)!, {
      'Cross-Origin-Opener-Policy': 'same-origin-allow-popups',
      'Cache-Control': 'no-store',
    });
    return 200;
  }
  if (req.method === 'GET' && (path === '/mail' || path.startsWith('/mail/'))) {
    // The outbox used to live here; it is on the Gmail web host now.
    res.writeHead(302, { Location: `${origins['mail.google.com']}${path}${url.search}` });
    res.end();
    return 302;
  }
  if (req.method === 'GET' && path === '/') {
    const links = googleHosts.map(
      (host) =>
        `<li>${escapeHtml(host)}: <a href="${escapeHtml(origins[host])}/">${escapeHtml(origins[host])}</a></li>`,
    );
    const outbox = `${origins['mail.google.com']}/mail/`;
    sendText(
      res,
      200,
      htmlType,
      `<!doctype html><meta charset="utf-8"><title>Offline Google</title><h1>Offline Google</h1><p>Outbox: <a href="${escapeHtml(outbox)}">${escapeHtml(outbox)}</a></p><ul>${links.join('')}</ul>`,
    );
    return 200;
  }
  return notFound(ctx);
}

const handlers: Record<OfflineHost, (ctx: Context) => Promise<Status>> = {
  control,
  'accounts.google.com': accounts,
  'apis.google.com': async (ctx) => {
    if (ctx.req.method === 'GET' && ctx.url.pathname === '/js/api.js') {
      sendText(ctx.res, 200, jsType, script('./browser/gapi.js', ctx.origins), scriptHeaders);
      return 200;
    }
    return notFound(ctx);
  },
  'content.googleapis.com': api,
  'www.googleapis.com': api,
  'gmail.googleapis.com': api,
  'oauth2.googleapis.com': async (ctx) => {
    if (ctx.url.pathname !== '/revoke') return notFound(ctx);
    applyCors(ctx.req, ctx.res);
    if (ctx.req.method !== 'POST') return notFound(ctx);
    return handleRevoke(ctx.state, ctx.req, ctx.res, ctx.url);
  },
  'mail.google.com': mail,
};

function routeKind(host: OfflineHost, path: string): FaultRoute | 'other' {
  const send = sendPath.exec(path);
  if (send && handlers[host] === api) return send[1] ? 'upload' : 'send';
  if ((host === 'www.googleapis.com' || host === 'content.googleapis.com') && path === '/oauth2/v3/userinfo')
    return 'userinfo';
  return 'other';
}

async function route(ctx: Context): Promise<Status> {
  // Google's API hosts answer preflights for their routes; the double's own pages and the outbox never do.
  if (ctx.req.method === 'OPTIONS') {
    const corsHost = handlers[ctx.host] === api || ctx.host === 'oauth2.googleapis.com';
    if (!corsHost) return notFound(ctx);
    answerPreflight(ctx.req, ctx.res);
    return 200;
  }
  return handlers[ctx.host](ctx);
}

function listener(
  state: OfflineGoogleState,
  origins: HostOrigins,
  hostOf: (req: IncomingMessage) => OfflineHost | null,
) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const host = hostOf(req);
    if (!host) {
      // A Host the double does not stand for (DNS rebinding, a stray mapping): 421 Misdirected Request.
      sendJson(res, 421, { error: `Not a host of the offline Google: ${req.headers.host ?? ''}` });
      return;
    }
    const url = new URL(req.url ?? '/', origins[host]);
    const started = new Date(state.now()).toISOString();
    const kind = routeKind(host, url.pathname);
    route({ state, req, res, url, host, origins })
      .then((status) => {
        if (kind !== 'other' && req.method !== 'OPTIONS') {
          state.requestLog.push({ at: started, method: req.method ?? '', path: req.url ?? '', status, route: kind });
        }
        if (state.verbose) console.error(`[offline-google] ${host} ${req.method} ${req.url} -> ${status}`);
      })
      .catch((error: unknown) => {
        console.error('[offline-google] handler failed', error);
        if (!res.headersSent) sendJson(res, 500, { error: { code: 500, message: String(error), status: 'INTERNAL' } });
        else res.socket?.destroy();
      });
  };
}

interface Listening {
  server: Server;
  sockets: Set<Socket>;
  port: number;
}

function listen(server: Server, port: number, host: string): Promise<Listening> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve({ server, sockets, port: (server.address() as AddressInfo).port });
    });
  });
}

function closeAll(listening: Listening[]): Promise<void> {
  return Promise.all(
    listening.map(
      ({ server, sockets }) =>
        new Promise<void>((resolve) => {
          for (const socket of sockets) socket.destroy();
          server.close(() => resolve());
        }),
    ),
  ).then(() => undefined);
}

const loopbackNames = new Set(['127.0.0.1', 'localhost', '[::1]']);
const hostnameOf = (req: IncomingMessage) => (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();

/** Ports mode: host k on base + k. `port: 0` looks for a free block of consecutive ports. */
async function startOnPorts(state: OfflineGoogleState, basePort: number, bindHost: string): Promise<OfflineGoogle> {
  const hosts = Object.keys(portOrigins('http://x:1')) as OfflineHost[];
  for (let attempt = 0; attempt < 30; attempt++) {
    const base = basePort || 20_000 + 10 * Math.floor(Math.random() * 4000);
    const shown = bindHost.includes(':') ? `[${bindHost}]` : bindHost;
    const origins = portOrigins(`http://${shown}:${base}`);
    const started: Listening[] = [];
    try {
      for (const [index, host] of hosts.entries()) {
        // Only loopback names: a page on another name that resolves here (DNS rebinding) is not served.
        const server = createServer(
          listener(state, origins, (req) => (loopbackNames.has(hostnameOf(req)) ? host : null)),
        );
        started.push(await listen(server, base + index, bindHost));
      }
    } catch (error) {
      await closeAll(started);
      if (basePort || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      continue;
    }
    return { origin: origins.control, origins, httpsPort: null, state, close: () => closeAll(started) };
  }
  throw new Error('No free block of ports for the offline Google');
}

/** Names mode: Google's real hostnames over HTTPS on one port, the controls on plain HTTP. */
async function startOnNames(
  state: OfflineGoogleState,
  controlPort: number,
  bindHost: string,
  tls: { key: string; cert: string },
): Promise<OfflineGoogle> {
  const controlListening = await listen(createServer(), controlPort, bindHost);
  const origins = realOrigins(`http://${bindHost}:${controlListening.port}`);
  controlListening.server.on(
    'request',
    listener(state, origins, (req) => (loopbackNames.has(hostnameOf(req)) ? 'control' : null)),
  );
  const known = new Set<string>(googleHosts);
  const tlsServer = createTlsServer(
    tls,
    listener(state, origins, (req) => {
      const name = hostnameOf(req);
      return known.has(name) ? (name as GoogleHost) : null;
    }),
  );
  const tlsListening = await listen(tlsServer as unknown as Server, 0, bindHost);
  const all = [controlListening, tlsListening];
  return { origin: origins.control, origins, httpsPort: tlsListening.port, state, close: () => closeAll(all) };
}

/** Starts the offline Google; the default is 127.0.0.1:8790 and the seven ports after it (ports mode). */
export async function startOfflineGoogle(options: StartOptions = {}): Promise<OfflineGoogle> {
  const state = new OfflineGoogleState(options);
  const host = options.host ?? DEFAULT_HOST;
  const port = options.port ?? DEFAULT_PORT;
  return options.tls ? startOnNames(state, port, host, options.tls) : startOnPorts(state, port, host);
}
